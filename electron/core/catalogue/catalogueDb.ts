/**
 * Opening the catalogue cache's own SQLite file. The cache is disposable (the server holds the catalogue): a file
 * that is not a database, fails its integrity check or comes from a newer schema is moved aside and an empty cache
 * starts in its place, so the kiosk stays usable and the next sync rebuilds it.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import type { Logger } from '../logger';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export const CATALOGUE_DB_FILE = 'catalogue.db';

export class CatalogueDbUnusableError extends Error {
  override readonly name = 'CatalogueDbUnusableError';
}

export interface OpenOptions {
  /** False skips the integrity check, for a file this process has just built and closed. */
  verify?: boolean;
}

export function openCatalogueDb(path: string, logger: Logger, options: OpenOptions = {}): SqliteDatabase {
  try {
    return openChecked(path, options);
  } catch (error) {
    const aside = `${path}.corrupt-${Date.now()}`;
    logger.warn({ event: 'catalogue.db_moved_aside', reason: (error as Error).message }, 'catalogue cache unusable, starting empty');
    if (existsSync(path)) renameSync(path, aside);
    removeSidecars(path);
    return openChecked(path, options);
  }
}

/**
 * A new file for a full sync to build in (on the builder's thread): no journal, no syncs, as it is thrown away if
 * the build fails; and without a write-ahead log its close has no checkpoint to copy. Nothing in it to move aside:
 * a failure to open it is the build's failure, reported by the sync.
 */
export function openBuildingDb(path: string): SqliteDatabase {
  return openChecked(path, { verify: false, building: true });
}

/** The write-ahead log and shared-memory files that belong to a database file. */
export function removeSidecars(path: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function openChecked(path: string, { verify = true, building = false }: OpenOptions & { building?: boolean }): SqliteDatabase {
  const db = new Database(path);
  try {
    if (building) {
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      // Before the first table: records of a few kilobytes of JSON fill 16 KiB pages, and leave 4 KiB ones half empty.
      db.pragma('page_size = 16384');
    } else {
      db.pragma('journal_mode = WAL');
      // A kill -9 may lose the last transaction of a sync in WAL mode but never tear one: that is all the cache needs.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // Reads every page (a few hundred ms for a province's catalogue): done once at start, not after each sync.
    if (verify && db.pragma('integrity_check', { simple: true }) !== 'ok') throw new CatalogueDbUnusableError('integrity check failed');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: SqliteDatabase): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new CatalogueDbUnusableError(`schema version ${current} is newer than this kiosk`);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
