/**
 * Pure aggregation behind the on-time board and the satisfaction summary: calendar periods in Vietnam time, and
 * per-agency counts from dossiers and ratings. No I/O, so the figures can be checked without a server.
 */
import type { Dossier } from '../shared/api/gateway';
import {
  type AgencyOnTime,
  type FeedbackSummary,
  type IndicatorRank,
  type Indicators,
  type IndicatorSummary,
  MAX_INDICATOR_TOTAL,
  type OnTimeBoard,
  type PeriodRange,
  type Rating,
  type RatingCounts,
  satisfactionIndicators,
  satisfactionShare,
  type StatsPeriod,
} from '../shared/api/feedback';
import { timeliness } from '../shared/dossier/statusRules';
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

const noRatings = (): RatingCounts => ({ rat_hai_long: 0, hai_long: 0, khong_hai_long: 0 });

/**
 * Per agency, the dossiers received in `period` by where they stand at `now` (statusRules' timeliness), and the
 * ratings received in `period`. Rejected and withdrawn dossiers count as received only: they had no result to
 * deliver on time or late. Agencies sorted by name, Vietnamese collation.
 */
export function onTimeBoard(dossiers: readonly Dossier[], ratings: readonly RatingFact[], period: PeriodRange, now: Date): OnTimeBoard {
  const rows = new Map<string, AgencyOnTime & { counts: RatingCounts }>();
  const rowFor = (agency: { id: string; name: string }) => {
    let row = rows.get(agency.id);
    if (!row) {
      row = { agency: { id: agency.id, name: agency.name }, received: 0, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 0, pendingOverdue: 0, ratings: 0, satisfactionShare: null, counts: noRatings() };
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
    const row = rowFor(rating.agency);
    row.ratings++;
    row.counts[rating.rating]++;
  }
  const agencies = [...rows.values()]
    .map(({ counts, ...row }) => ({ ...row, satisfactionShare: satisfactionShare(counts) }))
    .sort((a, b) => a.agency.name.localeCompare(b.agency.name, 'vi'));
  return { period, generatedAt: toVietnamIso(now), agencies };
}

/**
 * Rating counts and the nine indicators per agency per calendar period of `kind`, newest period first, then by
 * agency name.
 */
export function feedbackSummary(ratings: readonly RatingFact[], kind: StatsPeriod): FeedbackSummary {
  const rows = new Map<string, { agency: { id: string; name: string }; period: PeriodRange; counts: RatingCounts; indicatorSets: Indicators[] }>();
  for (const rating of ratings) {
    const period = periodContaining(kind, rating.receivedAt);
    const key = `${period.label}\u0000${rating.agency.id}`;
    let row = rows.get(key);
    if (!row) {
      row = { agency: rating.agency, period, counts: noRatings(), indicatorSets: [] };
      rows.set(key, row);
    }
    row.counts[rating.rating]++;
    if (rating.indicators !== null) row.indicatorSets.push(rating.indicators);
  }
  return {
    kind,
    rows: [...rows.values()]
      .sort((a, b) => Date.parse(b.period.from) - Date.parse(a.period.from) || a.agency.name.localeCompare(b.agency.name, 'vi'))
      .map(({ agency, period, counts, indicatorSets }) => ({
        agency,
        period: period.label,
        counts,
        total: counts.rat_hai_long + counts.hai_long + counts.khong_hai_long,
        satisfactionShare: satisfactionShare(counts),
        indicators: indicatorSummary(indicatorSets),
      })),
  };
}

/**
 * The nine indicators over some ratings: how many carry any, each indicator's mean over those who scored it, and
 * the mean total with its rank. A citizen may answer any subset, so an indicator nobody scored counts at the
 * average of the others' means: with all nine scored this is exactly the sum of the nine means.
 */
export function indicatorSummary(indicatorSets: readonly Indicators[]): IndicatorSummary {
  const answered = indicatorSets.filter((set) => Object.keys(set).length > 0);
  const means: IndicatorSummary['means'] = {};
  for (const indicator of satisfactionIndicators) {
    const scores = answered.map((set) => set[indicator]).filter((score) => score !== undefined);
    if (scores.length > 0) means[indicator] = scores.reduce<number>((sum, score) => sum + score, 0) / scores.length;
  }
  const scored = Object.values(means);
  if (scored.length === 0) return { rated: answered.length, means, meanTotal: null, rank: null };
  const average = scored.reduce((sum, mean) => sum + mean, 0) / scored.length;
  // Rounded before ranking, so that nine means of 5/3 make 15 (Tốt), not 15.000000000000002 (Xuất sắc).
  const meanTotal = Math.round(average * satisfactionIndicators.length * 100) / 100;
  return { rated: answered.length, means, meanTotal, rank: indicatorRank(meanTotal) };
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
