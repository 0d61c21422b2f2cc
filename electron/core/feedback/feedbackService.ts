/**
 * The core's side of ratings and the on-time board. A rating is committed to the outbox (synchronous=FULL) before
 * the renderer hears "recorded", then handed to the delivery loop; the board comes from the server when it answers
 * and from the outbox's cache otherwise, marked stale.
 */
import { randomUUID } from 'node:crypto';
import { hasRequiredReason, type StatsPeriod } from '../../../shared/api/feedback';
import type { FeedbackReceipt, FeedbackSubmitRequest, OnTimeBoardView } from '../../../shared/contract/feedback';
import type { Result } from '../../../shared/contract/kiosk';
import { parseReceipt } from '../../../shared/receipt/parseReceipt';
import type { CentralClient } from '../centralClient';
import type { Logger, Redactor } from '../logger';
import type { OutboxStore } from './outboxStore';

export interface FeedbackService {
  submit(request: FeedbackSubmitRequest): Result<FeedbackReceipt>;
  onTimeBoard(period: StatsPeriod): Promise<OnTimeBoardView>;
}

export interface FeedbackServiceOptions {
  outbox: OutboxStore;
  client: Pick<CentralClient, 'getOnTimeBoard'>;
  /** Told of each new rating, so it is sent at once when the server is up. */
  delivery: { poke(): void };
  kioskId: string;
  logger: Logger;
  redactor: Redactor;
  now?: () => Date;
  newIdempotencyKey?: () => string;
}

export function createFeedbackService(opts: FeedbackServiceOptions): FeedbackService {
  const { outbox, client, delivery, kioskId, logger, redactor, now = () => new Date(), newIdempotencyKey = randomUUID } = opts;

  return {
    submit(request) {
      const receipt = parseReceipt(request.dossierCode);
      if (!receipt.ok) return { ok: false, error: { code: 'INVALID_CODE', message: 'The input is not a receipt code', reason: receipt.reason } };
      if (!hasRequiredReason(request)) {
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'A "không hài lòng" rating needs a reason', reason: 'REASON_REQUIRED' } };
      }
      // One rating per dossier from this kiosk, as the server keeps (a repeat would be refused, ALREADY_RATED):
      // the first stands, and the citizen hears the dossier was already rated. Delivered ratings count until the
      // outbox forgets them; past that the server's 409 settles a repeat as rejected, never retried.
      if (outbox.hasRating(receipt.code)) return { ok: true, value: { recorded: false } };
      outbox.add(
        { dossierCode: receipt.code, rating: request.rating, reason: request.reason, indicators: request.indicators, kioskId },
        newIdempotencyKey(),
        now(),
      );
      logger.info({ event: 'feedback.recorded', code: redactor.code(receipt.code), rating: request.rating }, 'rating recorded');
      delivery.poke();
      return { ok: true, value: { recorded: true } };
    },

    async onTimeBoard(period) {
      try {
        const board = await client.getOnTimeBoard(period);
        const fetchedAt = now();
        outbox.saveBoard(period, board, fetchedAt);
        return { board, fetchedAt: fetchedAt.toISOString(), stale: false };
      } catch (error) {
        logger.warn({ event: 'stats.on_time_unavailable', errorName: error instanceof Error ? error.name : typeof error }, 'on-time board from cache');
        const cached = outbox.cachedBoard(period);
        return cached ? { board: cached.board, fetchedAt: cached.fetchedAt.toISOString(), stale: true } : { board: null, fetchedAt: null, stale: true };
      }
    },
  };
}
