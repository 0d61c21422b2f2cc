// The nine indicators in the feedback summary: per-indicator means, the mean total out of 18 and its rank.
import { describe, expect, it } from 'vitest';
import { type Indicators, satisfactionIndicators } from '../../shared/api/feedback';
import { feedbackSummary, indicatorRank, indicatorSummary, type RatingFact } from '../../server/feedbackStats';

const allNine = (score: 0 | 1 | 2): Indicators => Object.fromEntries(satisfactionIndicators.map((indicator) => [indicator, score]));

describe('indicatorRank', () => {
  it('ranks at every boundary of domain.md: >15 Xuất sắc, 12 to 15 Tốt, 9 to <12 Khá, 6 to <9 Trung bình, <6 Yếu', () => {
    expect(indicatorRank(18)).toBe('xuat_sac');
    expect(indicatorRank(15.01)).toBe('xuat_sac');
    expect(indicatorRank(15)).toBe('tot');
    expect(indicatorRank(12)).toBe('tot');
    expect(indicatorRank(11.99)).toBe('kha');
    expect(indicatorRank(9)).toBe('kha');
    expect(indicatorRank(8.99)).toBe('trung_binh');
    expect(indicatorRank(6)).toBe('trung_binh');
    expect(indicatorRank(5.99)).toBe('yeu');
    expect(indicatorRank(0)).toBe('yeu');
  });

  it('refuses a total outside 0 to 18', () => {
    expect(() => indicatorRank(18.5)).toThrow(RangeError);
    expect(() => indicatorRank(-1)).toThrow(RangeError);
  });
});

describe('indicatorSummary', () => {
  it('has no total and no rank without indicators', () => {
    expect(indicatorSummary([])).toEqual({ rated: 0, means: {}, meanTotal: null, rank: null });
    expect(indicatorSummary([{}])).toEqual({ rated: 0, means: {}, meanTotal: null, rank: null });
  });

  it('sums the nine means when every indicator was scored', () => {
    const summary = indicatorSummary([allNine(2), allNine(1)]);
    expect(summary.rated).toBe(2);
    expect(Object.keys(summary.means)).toEqual([...satisfactionIndicators]);
    expect(summary.means.total_time).toBe(1.5);
    expect(summary.meanTotal).toBe(13.5);
    expect(summary.rank).toBe('tot');
  });

  it('means each indicator over those who scored it, and counts an unscored one at the others\' average', () => {
    const summary = indicatorSummary([{ staff_attitude: 2, publicity: 1 }, { staff_attitude: 0 }]);
    expect(summary.rated).toBe(2);
    expect(summary.means).toEqual({ staff_attitude: 1, publicity: 1 });
    // Two scored indicators averaging 1 point: 9 points on the 18-point scale.
    expect(summary.meanTotal).toBe(9);
    expect(summary.rank).toBe('kha');
  });

  it('lands exactly on a boundary whatever the floating point: nine means of 5/3 make 15, Tốt', () => {
    const sets = [allNine(2), allNine(2), allNine(1)];
    expect(indicatorSummary(sets)).toMatchObject({ meanTotal: 15, rank: 'tot' });
  });
});

describe('feedbackSummary', () => {
  it('summarises the indicators per agency and period, leaving out ratings without them', () => {
    const centre = { id: 'c', name: 'Trung tâm' };
    const at = new Date('2026-03-16T03:00:00Z');
    const facts: RatingFact[] = [
      { agency: centre, rating: 'rat_hai_long', indicators: allNine(2), receivedAt: at },
      { agency: centre, rating: 'hai_long', indicators: null, receivedAt: at },
      { agency: centre, rating: 'khong_hai_long', indicators: { total_time: 0, contacts: 0 }, receivedAt: at },
    ];
    const [row] = feedbackSummary(facts, 'month').rows;
    expect(row?.total).toBe(3);
    expect(row?.indicators).toMatchObject({ rated: 2, meanTotal: 16, rank: 'xuat_sac' });
    expect(row?.indicators.means).toMatchObject({ total_time: 1, contacts: 1, staff_attitude: 2 });
  });
});
