// The on-time board and the satisfaction summary served from the totals kept with each write equal their
// definitions (feedbackStats' onTimeBoard and feedbackSummary over every stored dossier and rating), over randomized
// histories: dossiers crossing their due date with no write, status and date changes that move a dossier between
// months, ratings, the clock going forward and back, and instants either side of Vietnam's month boundaries.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Indicators, Rating, type RatingCounts, satisfactionIndicators, statsPeriods } from '../../shared/api/feedback';
import { type Dossier, type DossierStatus, dossierStatuses } from '../../shared/api/gateway';
import { seededRandom } from '../../server/catalogueGenerator';
import { type CentralStore, openCentralStore } from '../../server/centralStore';
import { feedbackSummary, onTimeBoard, periodContaining, type RatingFact } from '../../server/feedbackStats';
import { SETTLE_AFTER_MS } from '../../server/statsStore';
import { toVietnamIso, vietnamInstant } from '../../server/vietnamTime';
import { makeTempDir } from '../support/processes';

const DAY = 86_400_000;
// One id under two names (renamed in the 2025 reorganisation) and two ids under one name: the board's naming and
// tie rules are exercised, not only its counts.
const agencies = [
  { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh' },
  { id: '000.21.30.H56', name: 'UBND phường Hòa Bình' },
  { id: '000.21.30.H56', name: 'UBND phường Hòa Bình (sau sắp xếp)' },
  { id: '000.22.30.H56', name: 'UBND phường Hòa Bình' },
  { id: '000.00.31.H56', name: 'Bảo hiểm xã hội tỉnh' },
];

let stores: CentralStore[] = [];
afterEach(() => {
  for (const store of stores) store.close();
  stores = [];
});

/** The definition's figures, from every stored row in storage order. */
function straightforward(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const dossiers = db.prepare<[], { json: string }>('SELECT json FROM dossiers ORDER BY rowid').all().map((row) => JSON.parse(row.json) as Dossier);
    const ratings: RatingFact[] = db
      .prepare<[], { agency_id: string; agency_name: string; rating: string; indicators: string | null; received_at: number }>(
        'SELECT agency_id, agency_name, rating, indicators, received_at FROM feedback ORDER BY rowid',
      )
      .all()
      .map((row) => ({
        agency: { id: row.agency_id, name: row.agency_name },
        rating: Rating.parse(row.rating),
        indicators: row.indicators === null ? null : Indicators.parse(JSON.parse(row.indicators)),
        receivedAt: new Date(row.received_at),
      }));
    return { dossiers, ratings };
  } finally {
    db.close();
  }
}

function expectSameFigures(store: CentralStore, file: string, now: Date): number {
  const { dossiers, ratings } = straightforward(file);
  for (const kind of statsPeriods) {
    const period = periodContaining(kind, now);
    expect(store.stats.onTimeBoard(period, now)).toEqual(onTimeBoard(dossiers, ratings, period, now));
    expect(store.stats.feedbackSummary(kind)).toEqual(feedbackSummary(ratings, kind));
  }
  return dossiers.length;
}

function randomHistory(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Around the turn of a quarter and a year, so that months, quarters and years all change under the clock.
  const boundaries = [vietnamInstant(2026, 10, 1), vietnamInstant(2026, 12, 1), vietnamInstant(2027, 1, 1), vietnamInstant(2027, 2, 1)].map((d) => d.getTime());
  const nearBoundary = () => pick(boundaries) + pick([-1, 0, 1, -60_000, 3_600_000, -7 * 3_600_000]) + (random() < 0.5 ? 0 : Math.floor((random() - 0.5) * 20 * DAY));
  let clock = boundaries[1]! - 3 * DAY;
  const codes: string[] = [];
  /** A due date near the clock, so that dossiers fall due while the test watches. */
  const dueNearClock = () => clock + Math.floor((random() - 0.3) * 4 * DAY);
  const dossier = (code: string): Dossier => {
    const receivedAt = random() < 0.6 ? nearBoundary() : clock - Math.floor(random() * 40 * DAY);
    const status: DossierStatus = pick(dossierStatuses);
    const dueAt = random() < 0.5 ? dueNearClock() : receivedAt + Math.floor(random() * 30 * DAY);
    const finished = status === 'result_ready' || status === 'returned';
    const finishedAt = finished && random() < 0.9 ? dueAt + Math.floor((random() - 0.6) * 6 * DAY) : null;
    return {
      code,
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      agency: pick(agencies),
      applicantName: 'Phan Thị Thử',
      receivedAt: toVietnamIso(new Date(receivedAt)).replace('+07:00', `.${String(receivedAt % 1000).padStart(3, '0')}+07:00`),
      dueAt: new Date(dueAt).toISOString(),
      finishedAt: finishedAt === null ? null : toVietnamIso(new Date(finishedAt)),
      status,
      steps: [],
      result: { pickupLocation: 'Quầy số 3', returnMethod: 'in_person' },
    };
  };
  return { random, pick, dossier, codes, nearBoundary, dueNearClock, get clock() { return clock; }, set clock(value: number) { clock = value; } };
}

function run(seed: number, steps: number): { store: CentralStore; file: string; checks: number; dossiers: number } {
  const file = join(makeTempDir('stats'), 'central.db');
  const store = openCentralStore(file);
  stores.push(store);
  const history = randomHistory(seed);
  const { random, pick, codes } = history;
  let checks = 0;
  for (let step = 0; step < steps; step++) {
    const action = random();
    if (action < 0.3 || codes.length === 0) {
      const code = `TEST-${seed}-${step}`;
      expect(store.insertDossier(history.dossier(code), new Date(history.clock))).toBe(true);
      codes.push(code);
    } else if (action < 0.5) {
      // A status change, a new due date, or a correction of the day of receipt that moves it to another month.
      const current = store.findDossier(pick(codes))!;
      const fresh = history.dossier(current.code);
      const change = pick(['status', 'dueAt', 'receivedAt', 'all'] as const);
      const next: Dossier =
        change === 'status' ? { ...current, status: fresh.status, finishedAt: fresh.finishedAt }
        : change === 'dueAt' ? { ...current, dueAt: new Date(history.dueNearClock()).toISOString() }
        : change === 'receivedAt' ? { ...current, receivedAt: fresh.receivedAt }
        : { ...fresh, agency: current.agency };
      store.updateDossier(next, new Date(history.clock));
    } else if (action < 0.65) {
      const dossier = store.findDossier(pick(codes))!;
      const indicators = Object.fromEntries(satisfactionIndicators.filter(() => random() < 0.4).map((name) => [name, pick([0, 1, 2] as const)]));
      const receivedAt = new Date(random() < 0.5 ? history.clock : history.nearBoundary());
      store.feedback.insertOnce({
        id: `rating-${seed}-${step}`,
        idempotencyKey: `key-${seed}-${step}-0123456789`,
        requestHash: 'hash',
        record: { dossierCode: dossier.code, agency: dossier.agency, kioskId: `K${step % 50}`, rating: pick(Object.keys({ rat_hai_long: 0, hai_long: 0, khong_hai_long: 0 } satisfies RatingCounts) as Rating[]), reason: null, indicators: random() < 0.3 ? null : indicators },
        receivedAt,
      });
    } else if (action < 0.85) {
      // The clock moves: often by a little (dossiers fall due with no write), sometimes past the watermark's
      // minute, to a dossier's exact due instant, across a month, or back (a corrected server clock).
      const move = random();
      if (move < 0.4) history.clock += Math.floor(random() * 6 * 3_600_000);
      else if (move < 0.55) history.clock += SETTLE_AFTER_MS + Math.floor(random() * 1000);
      else if (move < 0.7) history.clock = Date.parse(store.findDossier(pick(codes))!.dueAt) + pick([-1, 0, 1]);
      else if (move < 0.85) history.clock = history.nearBoundary();
      else history.clock -= Math.floor(random() * 3 * DAY);
    } else {
      expectSameFigures(store, file, new Date(history.clock));
      checks++;
    }
  }
  const dossiers = expectSameFigures(store, file, new Date(history.clock));
  return { store, file, checks: checks + 1, dossiers };
}

describe('on-time board and satisfaction summary from kept totals', () => {
  it.each([1, 2, 3, 4, 5, 6])('equal the figures computed from every dossier and rating (seed %i)', (seed) => {
    const { checks, dossiers } = run(seed, 400);
    // The history did what it is for: many comparisons, over a store that grew.
    expect(checks).toBeGreaterThan(20);
    expect(dossiers).toBeGreaterThan(60);
  });

  it('counts a dossier overdue the instant after its due date with no write, and on time again if the clock goes back', () => {
    const file = join(makeTempDir('stats'), 'central.db');
    const store = openCentralStore(file);
    stores.push(store);
    const dueAt = vietnamInstant(2026, 3, 20, 16, 30).getTime();
    const history = randomHistory(9);
    store.insertDossier({ ...history.dossier('DUE-1'), receivedAt: '2026-03-02T08:00:00+07:00', dueAt: toVietnamIso(new Date(dueAt)), status: 'processing', finishedAt: null }, new Date(dueAt - DAY));
    const row = (now: number) => store.stats.onTimeBoard(periodContaining('month', new Date(now)), new Date(now)).agencies[0]!;
    expect(row(dueAt)).toMatchObject({ pendingOnTime: 1, pendingOverdue: 0 });
    expect(row(dueAt + 1)).toMatchObject({ pendingOnTime: 0, pendingOverdue: 1 });
    expect(row(dueAt + 10 * SETTLE_AFTER_MS)).toMatchObject({ pendingOverdue: 1 });
    expect(row(dueAt - 10 * SETTLE_AFTER_MS)).toMatchObject({ pendingOnTime: 1, pendingOverdue: 0 });
    expectSameFigures(store, file, new Date(dueAt + 5));
    // Written while the watermark stands exactly at its due instant: still on time at that instant.
    const markAt = dueAt + 20 * DAY;
    store.stats.settleOverdue(new Date(markAt));
    store.insertDossier({ ...history.dossier('DUE-2'), receivedAt: '2026-04-02T08:00:00+07:00', dueAt: new Date(markAt).toISOString(), status: 'received', finishedAt: null }, new Date(markAt));
    expect(row(markAt)).toMatchObject({ pendingOnTime: 1, pendingOverdue: 0 });
    expect(row(markAt + 1)).toMatchObject({ pendingOnTime: 0, pendingOverdue: 1 });
  });

  it('fills its totals from the dossiers and ratings of a database made before them', () => {
    const { store, file } = run(7, 250);
    const now = new Date(vietnamInstant(2026, 12, 3).getTime());
    store.close();
    stores = stores.filter((s) => s !== store);
    // Back to the schema before the totals (and before the search gaps, the one migration after them): the next open
    // runs both over what is stored.
    const db = new Database(file);
    db.exec('DROP TABLE dossier_facts; DROP TABLE ontime_totals; DROP TABLE stats_mark; DROP TABLE rating_totals; DROP TABLE search_gaps;');
    db.pragma(`user_version = ${(db.pragma('user_version', { simple: true }) as number) - 2}`);
    db.close();
    const reopened = openCentralStore(file);
    stores.push(reopened);
    expect(expectSameFigures(reopened, file, now)).toBeGreaterThan(30);
  });
});
