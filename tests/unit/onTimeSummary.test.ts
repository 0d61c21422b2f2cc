import { describe, expect, it } from 'vitest';
import type { AgencyOnTime, OnTimeBoard } from '../../shared/api/feedback';
import { summariseBoard } from '../../renderer/feedback/onTimeSummary';

function agency(id: string, counts: Partial<AgencyOnTime>): AgencyOnTime {
  return {
    agency: { id, name: id },
    received: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    pendingOnTime: 0,
    pendingOverdue: 0,
    ratings: 0,
    satisfactionShare: null,
    ...counts,
  };
}

function board(agencies: AgencyOnTime[]): OnTimeBoard {
  return { period: { kind: 'month', label: '03/2026', from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }, generatedAt: '2026-03-16T03:00:00.000Z', agencies };
}

describe('the on-time board in one line', () => {
  it('adds up every agency and gives the on-time share of the resolved dossiers', () => {
    const summary = summariseBoard(
      board([
        agency('a', { received: 10, resolvedOnTime: 6, resolvedLate: 2, pendingOnTime: 1, pendingOverdue: 1 }),
        agency('b', { received: 5, resolvedOnTime: 3, resolvedLate: 1, pendingOnTime: 1 }),
      ]),
    );
    expect(summary).toMatchObject({ received: 15, resolvedOnTime: 9, resolvedLate: 3, pendingOnTime: 2, pendingOverdue: 1 });
    expect(summary.onTimeShare).toBeCloseTo(9 / 12);
  });

  it('weights each agency’s satisfaction by its number of ratings and ignores agencies without ratings', () => {
    const summary = summariseBoard(
      board([agency('a', { ratings: 30, satisfactionShare: 0.9 }), agency('b', { ratings: 10, satisfactionShare: 0.5 }), agency('c', { ratings: 0, satisfactionShare: null })]),
    );
    expect(summary.satisfactionShare).toBeCloseTo((27 + 5) / 40);
  });

  it('has no share rather than 0 % when nothing is resolved or rated yet', () => {
    const summary = summariseBoard(board([agency('a', { received: 4, pendingOnTime: 4 })]));
    expect(summary.onTimeShare).toBeNull();
    expect(summary.satisfactionShare).toBeNull();
    expect(summariseBoard(board([])).received).toBe(0);
  });
});
