/**
 * The ratings outbox in outbox.db: a rating is written here before the citizen is thanked, then the delivery loop
 * moves it to delivered or rejected. Nothing is ever deleted by delivery, so a rating cannot be lost between a
 * server's answer and the write that records it (the idempotency key makes the resend harmless).
 */
import type { Database } from 'better-sqlite3';
import { FeedbackRequest, OnTimeBoard, type StatsPeriod } from '../../../shared/api/feedback';

export type OutboxState = 'pending' | 'delivered' | 'rejected';

export interface OutboxEntry {
  idempotencyKey: string;
  request: FeedbackRequest;
  attempts: number;
  nextAttemptAt: number;
}

export interface OutboxCounts {
  pending: number;
  delivered: number;
  rejected: number;
}

export interface CachedBoard {
  board: OnTimeBoard;
  fetchedAt: Date;
}

export interface OutboxStore {
  add(request: FeedbackRequest, idempotencyKey: string, now: Date): void;
  /** Whether a rating of this dossier is pending or delivered (the server keeps one per dossier per kiosk). */
  hasRating(dossierCode: string): boolean;
  /** Pending ratings due at `now`, oldest first. */
  due(now: Date, limit: number): OutboxEntry[];
  /** When the next pending rating is due (epoch ms), or null when none is pending. */
  nextDueAt(): number | null;
  markDelivered(idempotencyKey: string, now: Date): void;
  markRejected(idempotencyKey: string, serverCode: string, now: Date): void;
  markFailed(idempotencyKey: string, error: string, nextAttemptAt: number): void;
  /** Deletes delivered and rejected ratings settled before `cutoff`; returns how many. Pending ones are never touched. */
  forgetSettledBefore(cutoff: Date): number;
  counts(): OutboxCounts;
  saveBoard(period: StatsPeriod, board: OnTimeBoard, fetchedAt: Date): void;
  cachedBoard(period: StatsPeriod): CachedBoard | null;
}

export function createOutboxStore(db: Database): OutboxStore {
  const insert = db.prepare(
    `INSERT INTO outbox (idempotency_key, body, state, attempts, next_attempt_at, created_at) VALUES (?, ?, 'pending', 0, ?, ?)`,
  );
  const selectDue = db.prepare<[number, number], { idempotency_key: string; body: string; attempts: number; next_attempt_at: number }>(
    `SELECT idempotency_key, body, attempts, next_attempt_at FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`,
  );
  const selectRating = db.prepare<[string], { found: number }>(
    `SELECT 1 AS found FROM outbox WHERE state != 'rejected' AND upper(json_extract(body, '$.dossierCode')) = upper(?) LIMIT 1`,
  );
  const selectNextDue = db.prepare<[], { at: number | null }>(`SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'`);
  const settle = db.prepare(`UPDATE outbox SET state = ?, settled_at = ?, rejection_code = ?, attempts = attempts + 1 WHERE idempotency_key = ? AND state = 'pending'`);
  const fail = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE idempotency_key = ? AND state = 'pending'`);
  const forgetSettled = db.prepare(`DELETE FROM outbox WHERE state IN ('delivered', 'rejected') AND settled_at < ?`);
  const countStates = db.prepare<[], { state: OutboxState; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state');
  const upsertBoard = db.prepare(
    'INSERT INTO board_cache (period, json, fetched_at) VALUES (?, ?, ?) ON CONFLICT (period) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at',
  );
  const selectBoard = db.prepare<[string], { json: string; fetched_at: number }>('SELECT json, fetched_at FROM board_cache WHERE period = ?');

  return {
    add(request, idempotencyKey, now) {
      insert.run(idempotencyKey, JSON.stringify(request), now.getTime(), now.getTime());
    },
    hasRating: (dossierCode) => selectRating.get(dossierCode) !== undefined,
    due: (now, limit) =>
      selectDue.all(now.getTime(), limit).map((row) => ({
        idempotencyKey: row.idempotency_key,
        // Parsed again: the file outlives the code that wrote it.
        request: FeedbackRequest.parse(JSON.parse(row.body)),
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
      })),
    nextDueAt: () => selectNextDue.get()?.at ?? null,
    markDelivered(idempotencyKey, now) {
      settle.run('delivered', now.getTime(), null, idempotencyKey);
    },
    markRejected(idempotencyKey, serverCode, now) {
      settle.run('rejected', now.getTime(), serverCode, idempotencyKey);
    },
    markFailed(idempotencyKey, error, nextAttemptAt) {
      fail.run(error, nextAttemptAt, idempotencyKey);
    },
    forgetSettledBefore: (cutoff) => forgetSettled.run(cutoff.getTime()).changes,
    counts() {
      const counts: OutboxCounts = { pending: 0, delivered: 0, rejected: 0 };
      for (const row of countStates.all()) counts[row.state] = row.n;
      return counts;
    },
    saveBoard(period, board, fetchedAt) {
      upsertBoard.run(period, JSON.stringify(board), fetchedAt.getTime());
    },
    cachedBoard(period) {
      const row = selectBoard.get(period);
      if (!row) return null;
      const board = OnTimeBoard.safeParse(JSON.parse(row.json));
      return board.success ? { board: board.data, fetchedAt: new Date(row.fetched_at) } : null;
    },
  };
}
