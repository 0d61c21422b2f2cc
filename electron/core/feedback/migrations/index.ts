/** Every version of the outbox database's schema, oldest first; PRAGMA user_version records the one applied. */
import type { Database } from 'better-sqlite3';
import * as outbox from './001_outbox';

export interface Migration {
  version: number;
  up(db: Database): void;
}

export const migrations: readonly Migration[] = [outbox];
export const LATEST_OUTBOX_VERSION = migrations.at(-1)?.version ?? 0;
