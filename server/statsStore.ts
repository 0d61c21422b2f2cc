/**
 * The totals behind the on-time board and the satisfaction summary, kept per month of receipt and agency in the
 * same transaction as every dossier and rating write, so that reading the board costs the same at 12 and at
 * 2,000,000 dossiers (months × agencies rows, never the dossiers). The figures equal feedbackStats' definitions
 * (onTimeBoard, feedbackSummary) exactly; tests/unit/statsStore.test.ts holds them to it.
 *
 * Only a pending dossier's standing changes with the clock: it becomes overdue when its due date passes, with no
 * write. Each month's row therefore counts its pending dossiers and, of those, the ones due before a watermark (a
 * time stored with the totals). A board read at `now` adds the pending dossiers due between the watermark and
 * `now`, counted on an index of pending dossiers by due date; reads move the watermark up to `now` once it lags
 * by a minute, so that range stays a minute's worth of due dates whatever the size of the database.
 */
import type Database from 'better-sqlite3';
import type { Dossier } from '../shared/api/gateway';
import { Indicators, type FeedbackSummary, type OnTimeBoard, type PeriodRange, Rating, type StatsPeriod } from '../shared/api/feedback';
import {
  addIndicators,
  type AgencyTotals,
  boardFromTotals,
  dossierStanding,
  type DossierStanding,
  type IndicatorTotals,
  monthKey,
  noIndicators,
  noRatings,
  periodMonths,
  periodOfMonth,
  type RatingFact,
  type RatingTotals,
  summaryFromTotals,
} from './feedbackStats';

/** How far the watermark may lag `now` before a read moves it: bounds the due-date range a read counts. */
export const SETTLE_AFTER_MS = 60_000;

const schema = `
  CREATE TABLE dossier_facts (          -- what the board needs of each dossier, one row per dossiers row
    seq INTEGER PRIMARY KEY,            -- the dossier's rowid: the order the board first meets an agency in
    month INTEGER NOT NULL,             -- of receipt, Vietnam time: year * 12 + month - 1
    agency_id TEXT NOT NULL,
    agency_name TEXT NOT NULL,
    standing TEXT NOT NULL,             -- closed | resolved_on_time | resolved_late | pending
    due_at INTEGER NOT NULL             -- epoch ms
  );
  CREATE INDEX dossier_facts_by_group ON dossier_facts (month, agency_id, seq);
  CREATE INDEX dossier_facts_pending_by_due ON dossier_facts (due_at) WHERE standing = 'pending';
  CREATE TABLE ontime_totals (          -- per month of receipt and agency
    month INTEGER NOT NULL,
    agency_id TEXT NOT NULL,
    first_seq INTEGER NOT NULL,         -- its first dossier (seq) and that dossier's agency name
    first_name TEXT NOT NULL,
    received INTEGER NOT NULL,
    resolved_on_time INTEGER NOT NULL,
    resolved_late INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    pending_due_before_mark INTEGER NOT NULL, -- pending dossiers due before stats_mark.due_before
    PRIMARY KEY (month, agency_id)
  ) WITHOUT ROWID;
  CREATE TABLE stats_mark (id INTEGER PRIMARY KEY CHECK (id = 1), due_before INTEGER NOT NULL);
  INSERT INTO stats_mark (id, due_before) VALUES (1, 0);
  CREATE TABLE rating_totals (          -- per month of receipt and agency
    month INTEGER NOT NULL,
    agency_id TEXT NOT NULL,
    first_seq INTEGER NOT NULL,         -- its first rating (feedback rowid) and that rating's agency name
    first_name TEXT NOT NULL,
    rat_hai_long INTEGER NOT NULL,
    hai_long INTEGER NOT NULL,
    khong_hai_long INTEGER NOT NULL,
    indicators TEXT NOT NULL,           -- JSON IndicatorTotals
    PRIMARY KEY (month, agency_id)
  ) WITHOUT ROWID;
`;

export interface StatsStore {
  /** Inside the transaction that stored it: the dossier at `seq` (its rowid) now reads `dossier`. */
  dossierStored(seq: number, dossier: Dossier): void;
  /** Inside the transaction that stored it: a new rating at `seq` (its rowid). */
  ratingStored(seq: number, rating: RatingFact): void;
  onTimeBoard(period: PeriodRange, now: Date): OnTimeBoard;
  feedbackSummary(kind: StatsPeriod): FeedbackSummary;
  /** Moves the watermark to `now`: pending dossiers due before it are counted in the monthly rows. */
  settleOverdue(now: Date): void;
}

interface Fact {
  month: number;
  agency_id: string;
  agency_name: string;
  standing: DossierStanding;
  due_at: number;
}

interface OnTimeRow {
  month: number;
  agency_id: string;
  first_seq: number;
  first_name: string;
  received: number;
  resolved_on_time: number;
  resolved_late: number;
  pending: number;
  pending_due_before_mark: number;
}

interface RatingRow {
  month: number;
  agency_id: string;
  first_seq: number;
  first_name: string;
  rat_hai_long: number;
  hai_long: number;
  khong_hai_long: number;
  indicators: string;
}

const factOf = (dossier: Dossier): Fact => ({
  month: monthKey(new Date(dossier.receivedAt)),
  agency_id: dossier.agency.id,
  agency_name: dossier.agency.name,
  standing: dossierStanding(dossier),
  due_at: Date.parse(dossier.dueAt),
});

/** Creates the tables and fills them from the dossiers and ratings already stored (a migration step). */
export function statsMigration(db: Database.Database): void {
  db.exec(schema);
  const stats = createStatsStore(db);
  // In pages: the connection cannot write while a statement iterates.
  const dossiers = db.prepare<[number], { seq: number; json: string }>('SELECT rowid AS seq, json FROM dossiers WHERE rowid > ? ORDER BY rowid LIMIT 1000');
  for (let page = dossiers.all(0); page.length > 0; page = dossiers.all(page.at(-1)!.seq)) {
    for (const row of page) stats.dossierStored(row.seq, JSON.parse(row.json) as Dossier);
  }
  const ratings = db.prepare<[number], { seq: number; agency_id: string; agency_name: string; rating: string; indicators: string | null; received_at: number }>(
    'SELECT rowid AS seq, agency_id, agency_name, rating, indicators, received_at FROM feedback WHERE rowid > ? ORDER BY rowid LIMIT 1000',
  );
  for (let page = ratings.all(0); page.length > 0; page = ratings.all(page.at(-1)!.seq)) {
    for (const row of page) {
      stats.ratingStored(row.seq, {
        agency: { id: row.agency_id, name: row.agency_name },
        rating: Rating.parse(row.rating),
        indicators: row.indicators === null ? null : Indicators.parse(JSON.parse(row.indicators)),
        receivedAt: new Date(row.received_at),
      });
    }
  }
}

export function createStatsStore(db: Database.Database): StatsStore {
  const selectFact = db.prepare<[number], Fact>('SELECT month, agency_id, agency_name, standing, due_at FROM dossier_facts WHERE seq = ?');
  const upsertFact = db.prepare(
    `INSERT INTO dossier_facts (seq, month, agency_id, agency_name, standing, due_at) VALUES (@seq, @month, @agency_id, @agency_name, @standing, @due_at)
     ON CONFLICT (seq) DO UPDATE SET month = excluded.month, agency_id = excluded.agency_id, agency_name = excluded.agency_name,
       standing = excluded.standing, due_at = excluded.due_at`,
  );
  const addToTotals = db.prepare(
    `INSERT INTO ontime_totals VALUES (@month, @agency_id, @seq, @agency_name, 1, @onTime, @late, @pending, @dueBeforeMark)
     ON CONFLICT (month, agency_id) DO UPDATE SET
       first_name = CASE WHEN excluded.first_seq < first_seq THEN excluded.first_name ELSE first_name END,
       first_seq = min(first_seq, excluded.first_seq),
       received = received + 1,
       resolved_on_time = resolved_on_time + excluded.resolved_on_time,
       resolved_late = resolved_late + excluded.resolved_late,
       pending = pending + excluded.pending,
       pending_due_before_mark = pending_due_before_mark + excluded.pending_due_before_mark`,
  );
  const takeFromTotals = db.prepare<Record<string, unknown>, { received: number; first_seq: number }>(
    `UPDATE ontime_totals SET received = received - 1, resolved_on_time = resolved_on_time - @onTime, resolved_late = resolved_late - @late,
       pending = pending - @pending, pending_due_before_mark = pending_due_before_mark - @dueBeforeMark
     WHERE month = @month AND agency_id = @agency_id RETURNING received, first_seq`,
  );
  const deleteTotals = db.prepare('DELETE FROM ontime_totals WHERE month = ? AND agency_id = ?');
  const firstOfGroup = db.prepare<[number, string], { seq: number; agency_name: string }>(
    'SELECT seq, agency_name FROM dossier_facts WHERE month = ? AND agency_id = ? ORDER BY seq LIMIT 1',
  );
  const setFirst = db.prepare('UPDATE ontime_totals SET first_seq = ?, first_name = ? WHERE month = ? AND agency_id = ?');
  const selectMark = db.prepare<[], { due_before: number }>('SELECT due_before FROM stats_mark WHERE id = 1');
  const setMark = db.prepare('UPDATE stats_mark SET due_before = ? WHERE id = 1');
  const pendingDueBetween = db.prepare<[number, number, number, number], { month: number; agency_id: string; n: number }>(
    // INDEXED BY: left to itself the planner takes the month index and counts every dossier of the period.
    `SELECT month, agency_id, count(*) AS n FROM dossier_facts INDEXED BY dossier_facts_pending_by_due
     WHERE standing = 'pending' AND due_at >= ? AND due_at < ? AND month BETWEEN ? AND ? GROUP BY month, agency_id`,
  );
  const addDueBeforeMark = db.prepare('UPDATE ontime_totals SET pending_due_before_mark = pending_due_before_mark + ? WHERE month = ? AND agency_id = ?');
  const onTimeRows = db.prepare<[number, number], OnTimeRow>('SELECT * FROM ontime_totals WHERE month BETWEEN ? AND ?');
  const ratingRows = db.prepare<[number, number], RatingRow>('SELECT * FROM rating_totals WHERE month BETWEEN ? AND ?');
  const allRatingRows = db.prepare<[], RatingRow>('SELECT * FROM rating_totals');
  const selectRatingRow = db.prepare<[number, string], RatingRow>('SELECT * FROM rating_totals WHERE month = ? AND agency_id = ?');
  const upsertRatingRow = db.prepare(
    `INSERT INTO rating_totals VALUES (@month, @agency_id, @first_seq, @first_name, @rat_hai_long, @hai_long, @khong_hai_long, @indicators)
     ON CONFLICT (month, agency_id) DO UPDATE SET rat_hai_long = excluded.rat_hai_long, hai_long = excluded.hai_long,
       khong_hai_long = excluded.khong_hai_long, indicators = excluded.indicators`,
  );

  const mark = () => selectMark.get()?.due_before ?? 0;
  const contribution = (fact: Fact, seq: number, dueBefore: number) => ({
    month: fact.month,
    agency_id: fact.agency_id,
    agency_name: fact.agency_name,
    seq,
    onTime: fact.standing === 'resolved_on_time' ? 1 : 0,
    late: fact.standing === 'resolved_late' ? 1 : 0,
    pending: fact.standing === 'pending' ? 1 : 0,
    dueBeforeMark: fact.standing === 'pending' && fact.due_at < dueBefore ? 1 : 0,
  });

  /** Takes a dossier's former fact out of its group's totals, once its facts row no longer holds it. */
  function takeOut(former: Fact, seq: number, dueBefore: number): void {
    const left = takeFromTotals.get(contribution(former, seq, dueBefore));
    if (!left) throw new Error('on-time totals lost a group');
    if (left.received === 0) deleteTotals.run(former.month, former.agency_id);
    else if (left.first_seq === seq) {
      const first = firstOfGroup.get(former.month, former.agency_id);
      if (!first) throw new Error('on-time totals count a dossier the facts do not hold');
      setFirst.run(first.seq, first.agency_name, former.month, former.agency_id);
    }
  }

  /** Per group of `rows` in [first, last] months, the pending dossiers due between the watermark and `now` (negative if `now` is before it). */
  function dueSinceMark(now: number, first: number, last: number): Map<string, number> {
    const dueBefore = mark();
    const sign = now >= dueBefore ? 1 : -1;
    const counts = new Map<string, number>();
    if (now === dueBefore) return counts;
    for (const { month, agency_id, n } of pendingDueBetween.all(Math.min(now, dueBefore), Math.max(now, dueBefore), first, last)) {
      counts.set(`${month}\u0000${agency_id}`, sign * n);
    }
    return counts;
  }

  const settleOverdue = db.transaction((now: number) => {
    for (const [group, n] of dueSinceMark(now, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) {
      const [month, agencyId] = group.split('\u0000');
      addDueBeforeMark.run(n, Number(month), agencyId);
    }
    setMark.run(now);
  });

  return {
    dossierStored(seq, dossier) {
      const fact = factOf(dossier);
      const former = selectFact.get(seq);
      if (former && Object.entries(fact).every(([name, value]) => former[name as keyof Fact] === value)) return;
      const dueBefore = mark();
      upsertFact.run({ seq, ...fact });
      if (former) takeOut(former, seq, dueBefore);
      addToTotals.run(contribution(fact, seq, dueBefore));
    },

    ratingStored(seq, { agency, rating, indicators, receivedAt }) {
      const month = monthKey(receivedAt);
      const row = selectRatingRow.get(month, agency.id);
      const counts = row ? { rat_hai_long: row.rat_hai_long, hai_long: row.hai_long, khong_hai_long: row.khong_hai_long } : noRatings();
      const indicatorTotals = row ? (JSON.parse(row.indicators) as IndicatorTotals) : noIndicators();
      counts[rating]++;
      addIndicators(indicatorTotals, indicators);
      upsertRatingRow.run({
        month,
        agency_id: agency.id,
        // Ratings are only ever added, in rowid order: the group's first stays first.
        first_seq: row?.first_seq ?? seq,
        first_name: row?.first_name ?? agency.name,
        ...counts,
        indicators: JSON.stringify(indicatorTotals),
      });
    },

    onTimeBoard(period, nowDate) {
      const now = nowDate.getTime();
      if (Math.abs(now - mark()) > SETTLE_AFTER_MS) settleOverdue(now);
      const { first, last } = periodMonths(period);
      const dueSince = dueSinceMark(now, first, last);
      const agencies = new Map<string, AgencyTotals & { order: number; nameSeq: number }>();
      for (const row of onTimeRows.all(first, last)) {
        const overdue = row.pending_due_before_mark + (dueSince.get(`${row.month}\u0000${row.agency_id}`) ?? 0);
        let totals = agencies.get(row.agency_id);
        if (!totals) {
          totals = { agency: { id: row.agency_id, name: row.first_name }, received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0, ratings: noRatings(), order: row.first_seq, nameSeq: row.first_seq };
          agencies.set(row.agency_id, totals);
        }
        if (row.first_seq < totals.nameSeq) {
          totals.agency.name = row.first_name;
          totals.nameSeq = totals.order = row.first_seq;
        }
        totals.received += row.received;
        totals.resolvedOnTime += row.resolved_on_time;
        totals.resolvedLate += row.resolved_late;
        totals.pendingOverdue += overdue;
        totals.pendingOnTime += row.pending - overdue;
      }
      // Agencies with ratings and no dossier in the period come after the others, in the order of their first rating.
      const afterDossiers = Number.MAX_SAFE_INTEGER / 2;
      for (const row of ratingRows.all(first, last)) {
        let totals = agencies.get(row.agency_id);
        if (!totals) {
          totals = { agency: { id: row.agency_id, name: row.first_name }, received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0, ratings: noRatings(), order: afterDossiers + row.first_seq, nameSeq: afterDossiers + row.first_seq };
          agencies.set(row.agency_id, totals);
        }
        if (afterDossiers + row.first_seq < totals.nameSeq) {
          totals.agency.name = row.first_name;
          totals.nameSeq = totals.order = afterDossiers + row.first_seq;
        }
        totals.ratings.rat_hai_long += row.rat_hai_long;
        totals.ratings.hai_long += row.hai_long;
        totals.ratings.khong_hai_long += row.khong_hai_long;
      }
      const ordered = [...agencies.values()].sort((a, b) => a.order - b.order).map(({ order: _order, nameSeq: _nameSeq, ...totals }) => totals);
      return boardFromTotals(ordered, period, nowDate);
    },

    feedbackSummary(kind) {
      const groups = new Map<string, RatingTotals & { first: number }>();
      for (const row of allRatingRows.all()) {
        const period = periodOfMonth(kind, row.month);
        const key = `${period.label}\u0000${row.agency_id}`;
        let group = groups.get(key);
        if (!group) {
          group = { agency: { id: row.agency_id, name: row.first_name }, period, counts: noRatings(), indicators: noIndicators(), first: row.first_seq };
          groups.set(key, group);
        }
        if (row.first_seq < group.first) {
          group.first = row.first_seq;
          group.agency.name = row.first_name;
        }
        group.counts.rat_hai_long += row.rat_hai_long;
        group.counts.hai_long += row.hai_long;
        group.counts.khong_hai_long += row.khong_hai_long;
        const monthly = JSON.parse(row.indicators) as IndicatorTotals;
        group.indicators.rated += monthly.rated;
        for (const [indicator, sum] of Object.entries(monthly.sums) as [keyof IndicatorTotals['sums'], number][]) {
          group.indicators.sums[indicator] = (group.indicators.sums[indicator] ?? 0) + sum;
          group.indicators.counts[indicator] = (group.indicators.counts[indicator] ?? 0) + (monthly.counts[indicator] ?? 0);
        }
      }
      const ordered = [...groups.values()].sort((a, b) => a.first - b.first).map(({ first: _first, ...totals }) => totals);
      return summaryFromTotals(ordered, kind);
    },

    settleOverdue: (now) => settleOverdue(now.getTime()),
  };
}
