/**
 * Opening the kiosk's outbox database (outbox.db), apart from the disposable catalogue cache: it holds ratings not
 * yet delivered, so it is never moved aside or rebuilt, and every commit reaches the disk before a rating is
 * acknowledged (WAL with synchronous=FULL survives a power cut).
 */
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { LATEST_OUTBOX_VERSION, migrations } from './migrations';

export const OUTBOX_DB_FILE = 'outbox.db';

export class OutboxDbError extends Error {
  override readonly name = 'OutboxDbError';
}

/** Opens (creating or migrating) the outbox; `:memory:` for tests that need no file. */
export function openOutboxDb(path: string): SqliteDatabase {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function outboxSchemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: SqliteDatabase): void {
  const current = outboxSchemaVersion(db);
  // A newer kiosk wrote this file: running on it could lose ratings, so refuse rather than guess.
  if (current > LATEST_OUTBOX_VERSION) throw new OutboxDbError(`outbox schema version ${current} is newer than this kiosk (${LATEST_OUTBOX_VERSION})`);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
