// Synthetic dossiers for benchmarks and deployment sizing: a year of a province's receipts, stored through the admin
// API's write, with dates that agree with each other, codes a kiosk can read, the field's mix of outcomes
// (overdue, finished late, rejected, withdrawn) and ratings; the same for a seed.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Dossier, type DossierStatus } from '../../shared/api/gateway';
import { isInCentresHands, timeliness } from '../../shared/dossier/statusRules';
import { parseReceipt } from '../../shared/receipt/parseReceipt';
import { type CentralStore, openCentralStore } from '../../server/centralStore';
import { onTimeBoard, periodContaining } from '../../server/feedbackStats';
import { seedSyntheticDossiers } from '../../server/syntheticDossiers';
import { makeTempDir } from '../support/processes';

const NOW = new Date('2026-12-08T03:00:00Z');
const COUNT = 4_000;

let stores: CentralStore[] = [];
afterEach(() => {
  for (const store of stores) store.close();
  stores = [];
});

function seeded(seed: number, count = COUNT) {
  const file = join(makeTempDir('synthetic'), 'central.db');
  const store = openCentralStore(file);
  stores.push(store);
  const progress: number[] = [];
  const { ratings } = seedSyntheticDossiers(store, { count, seed, now: NOW, progress: (done) => progress.push(done) });
  const db = new Database(file, { readonly: true });
  try {
    const dossiers = db.prepare<[], { json: string }>('SELECT json FROM dossiers ORDER BY rowid').all().map((row) => Dossier.parse(JSON.parse(row.json)));
    const rated = db.prepare<[], { dossier_code: string; received_at: number; rating: string; reason: string | null }>('SELECT dossier_code, received_at, rating, reason FROM feedback').all();
    return { store, dossiers, rated, ratings, progress };
  } finally {
    db.close();
  }
}

const share = (dossiers: readonly Dossier[], test: (dossier: Dossier) => boolean) => dossiers.filter(test).length / dossiers.length;

describe('seedSyntheticDossiers', () => {
  it('stores the dossiers asked for, with codes issued in the national format that a kiosk reads back', () => {
    const { store, dossiers, progress } = seeded(1);
    expect(dossiers).toHaveLength(COUNT);
    expect(progress.at(-1)).toBe(COUNT);
    for (const dossier of dossiers) {
      const read = parseReceipt(dossier.code);
      expect(read).toMatchObject({ ok: true, kind: 'structured', code: dossier.code });
      expect(dossier.code.startsWith(`${dossier.agency.id}-`)).toBe(true);
    }
    expect(new Set(dossiers.map((d) => d.code)).size).toBe(COUNT);
    expect(store.findDossier(dossiers[1234]!.code.toLowerCase())).toEqual(dossiers[1234]);
  });

  it('gives dates that agree: received within the past year on a working day, due after, finished between receipt and now', () => {
    const { dossiers } = seeded(2);
    const yearAgo = NOW.getTime() - 366 * 86_400_000;
    for (const dossier of dossiers) {
      const received = Date.parse(dossier.receivedAt);
      expect(received).toBeGreaterThan(yearAgo);
      expect(received).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(dossier.dueAt)).toBeGreaterThan(received);
      const weekday = new Date(received + 7 * 3_600_000).getUTCDay();
      expect(weekday).not.toBe(0);
      if (isInCentresHands(dossier.status)) expect(dossier.finishedAt).toBeNull();
      else {
        expect(dossier.finishedAt).not.toBeNull();
        expect(Date.parse(dossier.finishedAt!)).toBeGreaterThanOrEqual(received);
        expect(Date.parse(dossier.finishedAt!)).toBeLessThanOrEqual(NOW.getTime());
      }
      for (const step of dossier.steps) {
        if (step.finishedAt !== null) expect(Date.parse(step.finishedAt)).toBeGreaterThanOrEqual(Date.parse(step.startedAt));
      }
    }
    // Received in the order a one-stop system records them.
    const receipts = dossiers.map((d) => Date.parse(d.receivedAt.slice(0, 10)));
    expect(receipts).toEqual([...receipts].sort((a, b) => a - b));
  });

  it('has the field\'s mix: most returned, some still in hand, some overdue, some finished late, a few rejected or withdrawn, at many agencies', () => {
    const { dossiers } = seeded(3);
    const status = (s: DossierStatus) => (d: Dossier) => d.status === s;
    expect(share(dossiers, status('returned'))).toBeGreaterThan(0.6);
    expect(share(dossiers, (d) => isInCentresHands(d.status))).toBeGreaterThan(0.05);
    expect(share(dossiers, (d) => timeliness(d, NOW) === 'overdue')).toBeGreaterThan(0.02);
    expect(share(dossiers, (d) => timeliness(d, NOW) === 'finished_late')).toBeGreaterThan(0.03);
    expect(share(dossiers, status('rejected'))).toBeGreaterThan(0.01);
    expect(share(dossiers, status('withdrawn'))).toBeGreaterThan(0.005);
    for (const s of ['received', 'processing', 'awaiting_supplement', 'awaiting_payment', 'suspended', 'result_ready'] as const) {
      expect(dossiers.some(status(s))).toBe(true);
    }
    expect(new Set(dossiers.map((d) => d.agency.id)).size).toBeGreaterThan(40);
    // The district branches closed in July 2025 are among the agencies.
    expect(dossiers.some((d) => /\.00\.H56$/.test(d.agency.id))).toBe(true);
  });

  it('rates about a quarter of the finished dossiers, after they finished, with a reason for every "không hài lòng"', () => {
    const { dossiers, rated, ratings } = seeded(4);
    expect(rated).toHaveLength(ratings);
    const byCode = new Map(dossiers.map((d) => [d.code, d]));
    const finished = dossiers.filter((d) => d.status === 'returned' || d.status === 'result_ready').length;
    expect(ratings / finished).toBeGreaterThan(0.18);
    expect(ratings / finished).toBeLessThan(0.32);
    for (const rating of rated) {
      const dossier = byCode.get(rating.dossier_code)!;
      expect(rating.received_at).toBeGreaterThanOrEqual(Date.parse(dossier.finishedAt!));
      expect(rating.received_at).toBeLessThanOrEqual(NOW.getTime());
      if (rating.rating === 'khong_hai_long') expect(rating.reason).toBeTruthy();
    }
    expect(new Set(rated.map((r) => r.dossier_code)).size).toBe(rated.length);
  });

  it('makes the same dossiers for the same seed and others for another', () => {
    const first = seeded(5, 500).dossiers;
    expect(seeded(5, 500).dossiers).toEqual(first);
    expect(seeded(6, 500).dossiers.map((d) => d.applicantName)).not.toEqual(first.map((d) => d.applicantName));
  });

  it('leaves a board that equals its definition over the seeded dossiers', () => {
    const { store, dossiers } = seeded(7, 1_500);
    const period = periodContaining('year', NOW);
    const board = store.stats.onTimeBoard(period, NOW);
    expect(board.agencies.map(({ satisfactionShare: _share, ratings: _ratings, ...row }) => row)).toEqual(
      onTimeBoard(dossiers, [], period, NOW).agencies.map(({ satisfactionShare: _share, ratings: _ratings, ...row }) => row),
    );
  });

  it('refuses a count that is not a whole number in range', () => {
    const store = openCentralStore();
    stores.push(store);
    expect(() => seedSyntheticDossiers(store, { count: -1, now: NOW })).toThrow(RangeError);
    expect(() => seedSyntheticDossiers(store, { count: 1.5, now: NOW })).toThrow(RangeError);
  });
});
