import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/api/gateway';
import { buildDemoDossiers } from '../../server/demoData';
import { dateInconsistency } from '../../server/dossierDates';

const base: Pick<Dossier, 'status' | 'receivedAt' | 'dueAt' | 'finishedAt' | 'steps'> = {
  status: 'processing',
  receivedAt: '2026-03-02T08:00:00+07:00',
  dueAt: '2026-03-09T16:30:00+07:00',
  finishedAt: null,
  steps: [{ name: 'Tiếp nhận', unit: 'Quầy 1', startedAt: '2026-03-02T07:50:00+07:00', finishedAt: '2026-03-02T08:00:00+07:00' }],
};

describe('dateInconsistency', () => {
  it('accepts dates that agree, a due date at the receipt instant, and a finished dossier finished after receipt', () => {
    expect(dateInconsistency(base)).toBeNull();
    expect(dateInconsistency({ ...base, dueAt: base.receivedAt })).toBeNull();
    expect(dateInconsistency({ ...base, status: 'returned', finishedAt: '2026-03-12T09:00:00+07:00' })).toBeNull();
  });

  it('names the field: due before received, finished before received, finished while in progress, a step ending before it starts', () => {
    expect(dateInconsistency({ ...base, dueAt: '2026-03-01T16:30:00+07:00' })).toMatch(/^dueAt: /);
    // Same instant in another offset is not "before".
    expect(dateInconsistency({ ...base, dueAt: '2026-03-02T01:00:00Z' })).toBeNull();
    expect(dateInconsistency({ ...base, status: 'returned', finishedAt: '2026-03-01T09:00:00+07:00' })).toMatch(/^finishedAt: .*before receivedAt/);
    for (const status of ['received', 'processing', 'awaiting_supplement', 'awaiting_payment', 'suspended'] as const) {
      expect(dateInconsistency({ ...base, status, finishedAt: '2026-03-05T09:00:00+07:00' })).toMatch(new RegExp(`^finishedAt: .*still ${status}`));
    }
    const step = { ...base.steps[0]!, finishedAt: '2026-03-02T07:00:00+07:00' };
    expect(dateInconsistency({ ...base, steps: [base.steps[0]!, step] })).toMatch(/^steps\.1\.finishedAt: /);
  });

  it('finds the demo dossiers consistent', () => {
    for (const dossier of buildDemoDossiers(new Date('2026-03-02T03:00:00Z'))) expect(dateInconsistency(dossier), dossier.code).toBeNull();
  });
});
