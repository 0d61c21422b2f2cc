// Calendar periods of the on-time board, in Vietnam time whatever the machine's zone.
import { describe, expect, it } from 'vitest';
import { isWithin, periodContaining } from '../../server/feedbackStats';

describe('periodContaining', () => {
  it('takes the month, quarter and year of Vietnam\'s calendar', () => {
    // 18:00 UTC on 31 March is already 1 April in Vietnam.
    const instant = new Date('2026-03-31T18:00:00Z');
    expect(periodContaining('month', instant)).toEqual({ kind: 'month', label: '2026-04', from: '2026-04-01T00:00:00+07:00', to: '2026-05-01T00:00:00+07:00' });
    expect(periodContaining('quarter', instant)).toEqual({ kind: 'quarter', label: '2026-Q2', from: '2026-04-01T00:00:00+07:00', to: '2026-07-01T00:00:00+07:00' });
    expect(periodContaining('year', instant)).toEqual({ kind: 'year', label: '2026', from: '2026-01-01T00:00:00+07:00', to: '2027-01-01T00:00:00+07:00' });
  });

  it('rolls the last quarter and December over into the next year', () => {
    const instant = new Date('2026-12-15T03:00:00Z');
    expect(periodContaining('quarter', instant)).toMatchObject({ label: '2026-Q4', to: '2027-01-01T00:00:00+07:00' });
    expect(periodContaining('month', instant)).toMatchObject({ label: '2026-12', to: '2027-01-01T00:00:00+07:00' });
  });

  it('includes its first instant and excludes its end', () => {
    const period = periodContaining('month', new Date('2026-03-10T00:00:00Z'));
    expect(isWithin(new Date(period.from), period)).toBe(true);
    expect(isWithin(new Date(Date.parse(period.to) - 1), period)).toBe(true);
    expect(isWithin(new Date(period.to), period)).toBe(false);
  });
});
