/**
 * Citizen satisfaction ratings and the on-time board in the Kiosk Gateway API v1: what a kiosk posts after a
 * citizen rates a dossier, what the reference server's admin reads back, and the per-agency figures the kiosk
 * shows. Rating levels and the indicator set follow domain.md section 4.
 */
import { z } from 'zod';
import { API_PREFIX } from './gateway';

export const ratings = ['rat_hai_long', 'hai_long', 'khong_hai_long'] as const;
/** Rất hài lòng / Hài lòng / Không hài lòng. */
export const Rating = z.enum(ratings);
export type Rating = z.infer<typeof Rating>;

/** The nine indicators of ND 61/2018 & TT 01/2018 (domain.md section 4), each scored 0, 1 or 2. */
export const satisfactionIndicators = [
  'total_time',
  'time_per_agency',
  'contacts',
  'agencies_contacted',
  'one_stop_intake',
  'publicity',
  'staff_attitude',
  'complaint_handling',
  'online_service',
] as const;
export const SatisfactionIndicator = z.enum(satisfactionIndicators);
export type SatisfactionIndicator = z.infer<typeof SatisfactionIndicator>;
export const Indicators = z.partialRecord(SatisfactionIndicator, z.union([z.literal(0), z.literal(1), z.literal(2)]));
export type Indicators = z.infer<typeof Indicators>;
export type IndicatorScore = NonNullable<Indicators[SatisfactionIndicator]>;
export const indicatorScores = [0, 1, 2] as const satisfies readonly IndicatorScore[];
/** The most points the nine indicators add up to. */
export const MAX_INDICATOR_TOTAL = satisfactionIndicators.length * 2;

/** The rank of a 9-indicator total (domain.md section 4): Xuất sắc, Tốt, Khá, Trung bình, Yếu. */
export const indicatorRanks = ['xuat_sac', 'tot', 'kha', 'trung_binh', 'yeu'] as const;
export const IndicatorRank = z.enum(indicatorRanks);
export type IndicatorRank = z.infer<typeof IndicatorRank>;

export const MAX_REASON_LENGTH = 500;

/**
 * A rating as the kiosk sends it. The reason may be missing here; the server answers 422 when a
 * "khong_hai_long" has none, so that the refusal carries its own error code rather than a schema message.
 */
export const FeedbackRequest = z.object({
  dossierCode: z.string().min(1).max(64),
  rating: Rating,
  reason: z.string().trim().min(1).max(MAX_REASON_LENGTH).optional(),
  indicators: Indicators.optional(),
  kioskId: z.string().min(1).max(64),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/** Whether a rating carries everything its level needs: "không hài lòng" must say why. */
export const hasRequiredReason = (request: Pick<FeedbackRequest, 'rating' | 'reason'>): boolean =>
  request.rating !== 'khong_hai_long' || (request.reason !== undefined && request.reason.trim() !== '');

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** A UUID or any other 16-128 URL-safe characters. */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

const isoDateTime = z.iso.datetime({ offset: true });

export const FeedbackAccepted = z.object({ id: z.string().min(1).max(128), receivedAt: isoDateTime });
export type FeedbackAccepted = z.infer<typeof FeedbackAccepted>;

const AgencyRef = z.object({ id: z.string().max(64), name: z.string().max(300) });

export const FeedbackRecord = z.object({
  id: z.string(),
  dossierCode: z.string(),
  agency: AgencyRef,
  rating: Rating,
  reason: z.string().nullable(),
  indicators: Indicators.nullable(),
  kioskId: z.string(),
  receivedAt: isoDateTime,
});
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

export const FeedbackList = z.object({ items: z.array(FeedbackRecord), total: z.number().int().min(0) });
export type FeedbackList = z.infer<typeof FeedbackList>;

export const statsPeriods = ['month', 'quarter', 'year'] as const;
export const StatsPeriod = z.enum(statsPeriods);
export type StatsPeriod = z.infer<typeof StatsPeriod>;

/** One calendar month, quarter or year in Vietnam time; `label` is `2026-03`, `2026-Q1` or `2026`. */
export const PeriodRange = z.object({ kind: StatsPeriod, label: z.string(), from: isoDateTime, to: isoDateTime });
export type PeriodRange = z.infer<typeof PeriodRange>;

const count = z.number().int().min(0);
/** Share of ratings that are "rất hài lòng" or "hài lòng", 0 to 1; null when there is no rating. */
const share = z.number().min(0).max(1).nullable();

export const RatingCounts = z.object({ rat_hai_long: count, hai_long: count, khong_hai_long: count });
export type RatingCounts = z.infer<typeof RatingCounts>;

/**
 * The nine indicators over the ratings that carry any. `means` has an indicator once someone scored it;
 * `meanTotal` is the sum of the nine means (0-18), an indicator nobody scored counting at the average of the others,
 * rounded to two decimals; `rank` is that total's. Both null without any indicator.
 */
export const IndicatorSummary = z.object({
  rated: count,
  means: z.partialRecord(SatisfactionIndicator, z.number().min(0).max(2)),
  meanTotal: z.number().min(0).max(MAX_INDICATOR_TOTAL).nullable(),
  rank: IndicatorRank.nullable(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const FeedbackSummaryRow = z.object({
  agency: AgencyRef,
  period: z.string(),
  counts: RatingCounts,
  total: count,
  satisfactionShare: share,
  indicators: IndicatorSummary,
});
export const FeedbackSummary = z.object({ kind: StatsPeriod, rows: z.array(FeedbackSummaryRow) });
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

export const AgencyOnTime = z.object({
  agency: AgencyRef,
  received: count,
  resolvedOnTime: count,
  resolvedLate: count,
  pendingOnTime: count,
  pendingOverdue: count,
  ratings: count,
  satisfactionShare: share,
});
export type AgencyOnTime = z.infer<typeof AgencyOnTime>;

/** The on-time board: dossiers received in the current period, per agency, as of `generatedAt`. */
export const OnTimeBoard = z.object({
  period: PeriodRange,
  generatedAt: isoDateTime,
  agencies: z.array(AgencyOnTime).max(1000),
});
export type OnTimeBoard = z.infer<typeof OnTimeBoard>;

/** Admin list filters: an agency id and the current month, quarter or year. */
export const FeedbackListQuery = z.object({
  agency: z.string().min(1).max(64).optional(),
  period: StatsPeriod.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const FeedbackSummaryQuery = z.object({ period: StatsPeriod.default('month') });
export const OnTimeQuery = z.object({ period: StatsPeriod.default('month') });

export const feedbackPaths = {
  feedback: `${API_PREFIX}/feedback`,
  adminFeedback: `${API_PREFIX}/admin/feedback`,
  adminFeedbackSummary: `${API_PREFIX}/admin/feedback/summary`,
  onTime: `${API_PREFIX}/stats/on-time`,
} as const;

/** The satisfaction share of some counts: (rất hài lòng + hài lòng) / all, null without ratings. */
export function satisfactionShare(counts: RatingCounts): number | null {
  const total = counts.rat_hai_long + counts.hai_long + counts.khong_hai_long;
  return total === 0 ? null : (counts.rat_hai_long + counts.hai_long) / total;
}
