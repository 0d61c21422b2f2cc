/**
 * Ratings and the on-time board as the kiosk core runs them: the outbox database, the delivery loop and the two
 * contract handlers. The host starts the loop once the kiosk is up and stops it (then closes) on the way out.
 */
import type { CentralClient } from '../centralClient';
import type { InvokeHandlers } from '../dispatch';
import type { Logger, Redactor } from '../logger';
import { createFeedbackDelivery, type FeedbackDelivery } from './feedbackDelivery';
import { createFeedbackService } from './feedbackService';
import { openOutboxDb } from './outboxDb';
import { createOutboxStore, type OutboxStore } from './outboxStore';

export type FeedbackHandlers = Pick<InvokeHandlers, 'feedback:submit' | 'stats:onTime'>;

export interface FeedbackModule {
  handlers: FeedbackHandlers;
  delivery: FeedbackDelivery;
  outbox: OutboxStore;
  /** Stops the loop and closes the outbox database. */
  close(): Promise<void>;
}

export interface FeedbackModuleOptions {
  /** outbox.db in the host's data directory. */
  dbPath: string;
  client: Pick<CentralClient, 'postFeedback' | 'getOnTimeBoard'>;
  kioskId: string;
  logger: Logger;
  redactor: Redactor;
  now?: () => Date;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export function openFeedbackModule(opts: FeedbackModuleOptions): FeedbackModule {
  const db = openOutboxDb(opts.dbPath);
  const outbox = createOutboxStore(db);
  const delivery = createFeedbackDelivery({ outbox, client: opts.client, logger: opts.logger, now: opts.now, retryBaseMs: opts.retryBaseMs, retryMaxMs: opts.retryMaxMs });
  const service = createFeedbackService({ outbox, client: opts.client, delivery, kioskId: opts.kioskId, logger: opts.logger, redactor: opts.redactor, now: opts.now });
  return {
    handlers: {
      'feedback:submit': async (request) => service.submit(request),
      'stats:onTime': (request) => service.onTimeBoard(request.period),
    },
    delivery,
    outbox,
    async close() {
      await delivery.stop();
      db.close();
    },
  };
}
