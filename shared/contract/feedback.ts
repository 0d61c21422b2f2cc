/**
 * The renderer ↔ core messages of ratings and the on-time board (channels 'feedback:submit' and 'stats:onTime' in
 * kiosk.ts). No personal data: a rating carries the dossier code and the citizen's choices, nothing about them.
 */
import { z } from 'zod';
import { Indicators, MAX_REASON_LENGTH, OnTimeBoard, Rating, StatsPeriod } from '../api/feedback';

export const FeedbackSubmitRequest = z.object({
  /** Random per citizen session (from the first touch until the kiosk goes home). The kiosk keeps one rating per dossier whatever the session. */
  sessionId: z.string().min(8).max(64),
  dossierCode: z.string().min(1).max(64),
  rating: Rating,
  reason: z.string().trim().min(1).max(MAX_REASON_LENGTH).optional(),
  indicators: Indicators.optional(),
});
export type FeedbackSubmitRequest = z.infer<typeof FeedbackSubmitRequest>;

/** `recorded` is false when this kiosk already holds a rating of this dossier: the repeat did nothing. */
export const FeedbackReceipt = z.object({ recorded: z.boolean() });
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;

export const OnTimeRequest = z.object({ period: StatsPeriod });
export type OnTimeRequest = z.infer<typeof OnTimeRequest>;

/**
 * The board as the kiosk can show it: fresh from the server, or the last one cached on disk (`stale`), or none
 * (`board` null) when the server was never reached. `fetchedAt` is when the shown board came from the server.
 */
export const OnTimeBoardView = z.object({ board: OnTimeBoard.nullable(), fetchedAt: z.string().nullable(), stale: z.boolean() });
export type OnTimeBoardView = z.infer<typeof OnTimeBoardView>;
