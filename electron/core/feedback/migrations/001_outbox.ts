/**
 * Version 1 of the kiosk's outbox database: ratings waiting for (or done with) delivery to the central server, and
 * the last on-time board per period for showing offline.
 */
import type { Database } from 'better-sqlite3';

export const version = 1;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,  -- sent with every attempt: the server counts the rating once
      body TEXT NOT NULL,                    -- the FeedbackRequest as JSON
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,      -- epoch ms
      created_at INTEGER NOT NULL,
      settled_at INTEGER,                    -- when delivered or rejected
      last_error TEXT,                       -- an error kind and HTTP status, never the body
      rejection_code TEXT                    -- the server's error code for a rejected rating
    );
    CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
    CREATE TABLE board_cache (
      period TEXT PRIMARY KEY,               -- month | quarter | year
      json TEXT NOT NULL,                    -- the OnTimeBoard as the server sent it
      fetched_at INTEGER NOT NULL
    ) WITHOUT ROWID;
  `);
}
