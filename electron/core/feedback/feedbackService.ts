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

/** Session/dossier pairs remembered to ignore repeat taps; far more than a day of citizens at one kiosk. */
const MAX_REMEMBERED_RATINGS = 10_000;

export function createFeedbackService(opts: FeedbackServiceOptions): FeedbackService {
  const { outbox, client, delivery, kioskId, logger, redactor, now = () => new Date(), newIdempotencyKey = randomUUID } = opts;
  const rated = new Set<string>();

  return {
    submit(request) {
      const receipt = parseReceipt(request.dossierCode);
      if (!receipt.ok) return { ok: false, error: { code: 'INVALID_CODE', message: 'The input is not a receipt code', reason: receipt.reason } };
      if (!hasRequiredReason(request)) {
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'A "không hài lòng" rating needs a reason', reason: 'REASON_REQUIRED' } };
      }
      const sessionKey = `${request.sessionId}\u0000${receipt.code.toUpperCase()}`;
      if (rated.has(sessionKey)) return { ok: true, value: { recorded: false } };
      outbox.add(
        { dossierCode: receipt.code, rating: request.rating, reason: request.reason, indicators: request.indicators, kioskId },
        newIdempotencyKey(),
        now(),
      );
      rated.add(sessionKey);
      // A Set iterates in insertion order: the first entry is the oldest.
      if (rated.size > MAX_REMEMBERED_RATINGS) rated.delete(rated.values().next().value!);
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
