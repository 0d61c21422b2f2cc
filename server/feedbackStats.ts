/**
 * Pure aggregation behind the on-time board and the satisfaction summary: calendar periods in Vietnam time, where
 * a dossier stands, and per-agency counts from dossiers and ratings (their definition) or from the totals the
 * server keeps (server/statsStore.ts). No I/O, so the figures can be checked without a server.
 */
import type { Dossier } from '../shared/api/gateway';
import {
  type FeedbackSummary,
  type IndicatorRank,
  type Indicators,
  type IndicatorSummary,
  MAX_INDICATOR_TOTAL,
  type OnTimeBoard,
  type PeriodRange,
  type Rating,
  type RatingCounts,
  type SatisfactionIndicator,
  satisfactionIndicators,
  satisfactionShare,
  type StatsPeriod,
} from '../shared/api/feedback';
import { isInCentresHands, timeliness } from '../shared/dossier/statusRules';
import { inVietnam, pad2, toVietnamIso, vietnamInstant } from './vietnamTime';

const MONTHS_IN: Record<StatsPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter or year (Vietnam time) that contains `instant`. */
export function periodContaining(kind: StatsPeriod, instant: Date): PeriodRange {
  const { year, month } = inVietnam(instant);
  const firstMonth = kind === 'year' ? 1 : kind === 'quarter' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  const from = vietnamInstant(year, firstMonth, 1);
  const to = vietnamInstant(year, firstMonth + MONTHS_IN[kind], 1);
  const label = kind === 'year' ? `${year}` : kind === 'quarter' ? `${year}-Q${(firstMonth + 2) / 3}` : `${year}-${pad2(month)}`;
  return { kind, label, from: toVietnamIso(from), to: toVietnamIso(to) };
}

export const isWithin = (instant: Date, period: PeriodRange): boolean =>
  instant.getTime() >= Date.parse(period.from) && instant.getTime() < Date.parse(period.to);

/** What the aggregation needs of a stored rating. */
export interface RatingFact {
  agency: { id: string; name: string };
  rating: Rating;
  indicators: Indicators | null;
  receivedAt: Date;
}

export const noRatings = (): RatingCounts => ({ rat_hai_long: 0, hai_long: 0, khong_hai_long: 0 });

/** A month of receipt as one integer (year * 12 + month - 1, Vietnam time): the unit the aggregates are kept in. */
export const monthKey = (instant: Date): number => {
  const { year, month } = inVietnam(instant);
  return year * 12 + month - 1;
};

/** The months `period` spans, as monthKey values, first and last included. */
export function periodMonths(period: PeriodRange): { first: number; last: number } {
  const first = monthKey(new Date(period.from));
  return { first, last: first + MONTHS_IN[period.kind] - 1 };
}

/** The period of `kind` a month (monthKey) falls in. */
export const periodOfMonth = (kind: StatsPeriod, month: number): PeriodRange =>
  periodContaining(kind, vietnamInstant(Math.floor(month / 12), (month % 12) + 1, 1));

/** Where a dossier stands for the board, whatever the time: only a pending one's standing changes with the clock. */
export type DossierStanding = 'closed' | 'resolved_on_time' | 'resolved_late' | 'pending';

/**
 * Rejected and withdrawn dossiers are closed (received, with no result to deliver on time or late); a finished one
 * was on time or late for good (statusRules' timeliness); one still in the centre's hands is pending, overdue once
 * `now` passes its due date.
 */
export function dossierStanding(dossier: Pick<Dossier, 'status' | 'dueAt' | 'finishedAt'>): DossierStanding {
  if (isInCentresHands(dossier.status)) return 'pending';
  if (dossier.status === 'rejected' || dossier.status === 'withdrawn') return 'closed';
  // Resolved: its timeliness no longer depends on the clock.
  return timeliness(dossier, new Date(0)) === 'finished_late' ? 'resolved_late' : 'resolved_on_time';
}

/** One agency's figures over a period, before shares and sorting: what the board is made of. */
export interface AgencyTotals {
  agency: { id: string; name: string };
  received: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pendingOnTime: number;
  pendingOverdue: number;
  ratings: RatingCounts;
}

/**
 * The board from per-agency totals given in the order their agencies were first met (dossiers in storage order,
 * then ratings): agencies sorted by name, Vietnamese collation, that order breaking ties.
 */
export function boardFromTotals(totals: readonly AgencyTotals[], period: PeriodRange, now: Date): OnTimeBoard {
  const agencies = totals
    .map(({ ratings, ...row }) => ({
      ...row,
      agency: { id: row.agency.id, name: row.agency.name },
      ratings: ratings.rat_hai_long + ratings.hai_long + ratings.khong_hai_long,
      satisfactionShare: satisfactionShare(ratings),
    }))
    .sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'vi'));
  return { period, generatedAt: toVietnamIso(now), agencies };
}

/**
 * Per agency, the dossiers received in `period` by where they stand at `now` (statusRules' timeliness), and the
 * ratings received in `period`, straight from every dossier and rating. The server serves the same figures from
 * aggregates (server/statsStore.ts); this is their definition, which the tests hold the aggregates to.
 */
export function onTimeBoard(dossiers: readonly Dossier[], ratings: readonly RatingFact[], period: PeriodRange, now: Date): OnTimeBoard {
  const rows = new Map<string, AgencyTotals>();
  const rowFor = (agency: { id: string; name: string }) => {
    let row = rows.get(agency.id);
    if (!row) {
      row = { agency: { id: agency.id, name: agency.name }, received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0, ratings: noRatings() };
      rows.set(agency.id, row);
    }
    return row;
  };
  for (const dossier of dossiers) {
    if (!isWithin(new Date(dossier.receivedAt), period)) continue;
    const row = rowFor(dossier.agency);
    row.received++;
    const resolved = dossier.status === 'result_ready' || dossier.status === 'returned';
    if (dossier.status === 'rejected' || dossier.status === 'withdrawn') continue;
    const when = timeliness(dossier, now);
    if (resolved) {
      if (when === 'finished_late') row.resolvedLate++;
      else row.resolvedOnTime++;
    } else if (when === 'overdue') row.pendingOverdue++;
    else row.pendingOnTime++;
  }
  for (const rating of ratings) {
    if (!isWithin(rating.receivedAt, period)) continue;
    rowFor(rating.agency).ratings[rating.rating]++;
  }
  return boardFromTotals([...rows.values()], period, now);
}

/** The nine indicators over some ratings, as sums: what a summary row's indicator figures are computed from. */
export interface IndicatorTotals {
  /** Ratings that scored at least one indicator. */
  rated: number;
  sums: Partial<Record<SatisfactionIndicator, number>>;
  counts: Partial<Record<SatisfactionIndicator, number>>;
}

export const noIndicators = (): IndicatorTotals => ({ rated: 0, sums: {}, counts: {} });

/** Adds one rating's indicators (any subset) into `totals`. */
export function addIndicators(totals: IndicatorTotals, indicators: Indicators | null): void {
  if (indicators === null || Object.keys(indicators).length === 0) return;
  totals.rated++;
  for (const indicator of satisfactionIndicators) {
    const score = indicators[indicator];
    if (score === undefined) continue;
    totals.sums[indicator] = (totals.sums[indicator] ?? 0) + score;
    totals.counts[indicator] = (totals.counts[indicator] ?? 0) + 1;
  }
}

/** One summary row before shares, means and sorting. */
export interface RatingTotals {
  agency: { id: string; name: string };
  period: PeriodRange;
  counts: RatingCounts;
  indicators: IndicatorTotals;
}

/** The summary from rows given in the order their first rating came: newest period first, then by agency name. */
export function summaryFromTotals(totals: readonly RatingTotals[], kind: StatsPeriod): FeedbackSummary {
  return {
    kind,
    rows: [...totals]
      .sort((a, b) => Date.parse(b.period.from) - Date.parse(a.period.from) || a.agency.name.localeCompare(b.agency.name, 'vi'))
      .map(({ agency, period, counts, indicators }) => ({
        agency: { id: agency.id, name: agency.name },
        period: period.label,
        counts,
        total: counts.rat_hai_long + counts.hai_long + counts.khong_hai_long,
        satisfactionShare: satisfactionShare(counts),
        indicators: indicatorSummaryOf(indicators),
      })),
  };
}

/**
 * Rating counts and the nine indicators per agency per calendar period of `kind`, newest period first, then by
 * agency name, straight from every rating: the definition the server's aggregates are held to.
 */
export function feedbackSummary(ratings: readonly RatingFact[], kind: StatsPeriod): FeedbackSummary {
  const rows = new Map<string, RatingTotals>();
  for (const rating of ratings) {
    const period = periodContaining(kind, rating.receivedAt);
    const key = `${period.label}\u0000${rating.agency.id}`;
    let row = rows.get(key);
    if (!row) {
      row = { agency: rating.agency, period, counts: noRatings(), indicators: noIndicators() };
      rows.set(key, row);
    }
    row.counts[rating.rating]++;
    addIndicators(row.indicators, rating.indicators);
  }
  return summaryFromTotals([...rows.values()], kind);
}

/**
 * The nine indicators over some ratings: how many carry any, each indicator's mean over those who scored it, and
 * the mean total with its rank. A citizen may answer any subset, so an indicator nobody scored counts at the
 * average of the others' means: with all nine scored this is exactly the sum of the nine means.
 */
export function indicatorSummary(indicatorSets: readonly Indicators[]): IndicatorSummary {
  const totals = noIndicators();
  for (const set of indicatorSets) addIndicators(totals, set);
  return indicatorSummaryOf(totals);
}

/** indicatorSummary from sums: each indicator's mean is its sum over how many scored it. */
export function indicatorSummaryOf({ rated, sums, counts }: IndicatorTotals): IndicatorSummary {
  const means: IndicatorSummary['means'] = {};
  for (const indicator of satisfactionIndicators) {
    const scored = counts[indicator] ?? 0;
    if (scored > 0) means[indicator] = (sums[indicator] ?? 0) / scored;
  }
  const scored = Object.values(means);
  if (scored.length === 0) return { rated, means, meanTotal: null, rank: null };
  const average = scored.reduce((sum, mean) => sum + mean, 0) / scored.length;
  // Rounded before ranking, so that nine means of 5/3 make 15 (Tốt), not 15.000000000000002 (Xuất sắc).
  const meanTotal = Math.round(average * satisfactionIndicators.length * 100) / 100;
  return { rated, means, meanTotal, rank: indicatorRank(meanTotal) };
}

/** The rank of a 9-indicator total out of 18 (domain.md section 4): >15 Xuất sắc, 12-15 Tốt, 9-<12 Khá, 6-<9 Trung bình, <6 Yếu. */
export function indicatorRank(total: number): IndicatorRank {
  if (total < 0 || total > MAX_INDICATOR_TOTAL) throw new RangeError(`an indicator total is 0 to ${MAX_INDICATOR_TOTAL}, not ${total}`);
  if (total > 15) return 'xuat_sac';
  if (total >= 12) return 'tot';
  if (total >= 9) return 'kha';
  if (total >= 6) return 'trung_binh';
  return 'yeu';
}
