/**
 * The loop that empties the ratings outbox into the central server. Each rating is posted with its idempotency key
 * (one attempt per run: the client never retries a POST); a 2xx marks it delivered, a definitive refusal (404 for
 * an unknown dossier, 422 for a missing reason, any other 4xx but 408/429) marks it rejected with the server's
 * code, and anything else (server down, 5xx, a garbage reply, a refused token) leaves it pending, due again after a
 * capped exponential backoff kept in the outbox, so it holds across restarts.
 */
import { CentralError, type CentralClient } from '../centralClient';
import type { Logger } from '../logger';
import type { OutboxStore } from './outboxStore';

export const DEFAULT_RETRY_BASE_MS = 2_000;
export const DEFAULT_RETRY_MAX_MS = 5 * 60_000;
/** Settled ratings hold dossier codes: the kiosk keeps them a week (for diagnostics), then forgets them. */
export const SETTLED_RETENTION_MS = 7 * 24 * 60 * 60_000;
/** Even with nothing due, look again this often: the clock may have jumped. */
const IDLE_POLL_MS = 60_000;
const BATCH_SIZE = 20;

/** Wait before the next attempt after `failedAttempts` failures (1 or more): base, 2·base, 4·base… up to max. */
export function retryDelayMs(failedAttempts: number, baseMs = DEFAULT_RETRY_BASE_MS, maxMs = DEFAULT_RETRY_MAX_MS): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
}

export type AttemptOutcome = { kind: 'delivered' } | { kind: 'rejected'; code: string } | { kind: 'retry'; error: string };

/** What a failed post means for the rating. */
export function outcomeOfFailure(error: unknown): AttemptOutcome {
  if (!(error instanceof CentralError)) return { kind: 'retry', error: error instanceof Error ? error.name : 'unknown' };
  const status = error.status;
  if (error.kind === 'not_found') return { kind: 'rejected', code: error.serverCode ?? 'DOSSIER_NOT_FOUND' };
  if (error.kind === 'rejected' && status !== 408 && status !== 429) return { kind: 'rejected', code: error.serverCode ?? `HTTP_${status}` };
  return { kind: 'retry', error: status === undefined ? error.kind : `${error.kind} ${status}` };
}

export interface DeliveryRun {
  delivered: number;
  rejected: number;
  retrying: number;
}

export interface FeedbackDelivery {
  /** Posts every rating due now, one at a time. Concurrent calls share the run in progress. */
  deliverDue(): Promise<DeliveryRun>;
  /** Starts the background loop. */
  start(): void;
  /** A rating was just added: try now rather than at the next scheduled run. */
  poke(): void;
  /** Stops the loop and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface FeedbackDeliveryOptions {
  outbox: OutboxStore;
  client: Pick<CentralClient, 'postFeedback'>;
  logger: Logger;
  now?: () => Date;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export function createFeedbackDelivery(opts: FeedbackDeliveryOptions): FeedbackDelivery {
  const { outbox, client, logger, now = () => new Date(), retryBaseMs = DEFAULT_RETRY_BASE_MS, retryMaxMs = DEFAULT_RETRY_MAX_MS } = opts;
  let running: Promise<DeliveryRun> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  async function runOnce(): Promise<DeliveryRun> {
    const run: DeliveryRun = { delivered: 0, rejected: 0, retrying: 0 };
    outbox.forgetSettledBefore(new Date(now().getTime() - SETTLED_RETENTION_MS));
    // One attempt per rating per run, even when a failed one is due again at once (a zero backoff).
    const tried = new Set<string>();
    for (;;) {
      const due = outbox.due(now(), BATCH_SIZE).filter((entry) => !tried.has(entry.idempotencyKey));
      if (due.length === 0) return run;
      for (const entry of due) {
        tried.add(entry.idempotencyKey);
        let outcome: AttemptOutcome;
        try {
          await client.postFeedback(entry.request, entry.idempotencyKey);
          outcome = { kind: 'delivered' };
        } catch (error) {
          outcome = outcomeOfFailure(error);
        }
        if (outcome.kind === 'delivered') {
          outbox.markDelivered(entry.idempotencyKey, now());
          run.delivered++;
        } else if (outcome.kind === 'rejected') {
          outbox.markRejected(entry.idempotencyKey, outcome.code, now());
          logger.warn({ event: 'feedback.rejected', serverCode: outcome.code }, 'central server refused a rating');
          run.rejected++;
        } else {
          const wait = retryDelayMs(entry.attempts + 1, retryBaseMs, retryMaxMs);
          outbox.markFailed(entry.idempotencyKey, outcome.error, now().getTime() + wait);
          run.retrying++;
        }
      }
    }
  }

  function deliverDue(): Promise<DeliveryRun> {
    running ??= runOnce().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(delayMs: number): void {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, delayMs));
    // The loop alone must not keep a process (a CLI, a test) alive.
    timer.unref();
  }

  function tick(): void {
    timer = null;
    deliverDue()
      .then((run) => {
        if (run.delivered + run.rejected + run.retrying > 0) logger.info({ event: 'feedback.delivery', ...run, ...outbox.counts() }, 'ratings delivery run');
      })
      .catch((error: unknown) => logger.error({ event: 'feedback.delivery_failed', error: error instanceof Error ? error.name : 'unknown' }, 'ratings delivery failed'))
      .finally(() => {
        const next = outbox.nextDueAt();
        schedule(next === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, next - now().getTime()));
      });
  }

  return {
    deliverDue,
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    poke() {
      if (started && !running) schedule(0);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
