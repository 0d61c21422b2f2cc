/** Every version of the catalogue cache's schema, oldest first; PRAGMA user_version records the one applied. */
import type { Database } from 'better-sqlite3';
import * as initial from './001_initial';
import * as rankedRowids from './002_ranked_rowids';
import * as searchIndexes from './003_search_indexes';
import * as levels from './004_levels';
import * as titleKeys from './005_title_keys';

export interface Migration {
  version: number;
  up(db: Database): void;
}

export const migrations: readonly Migration[] = [initial, rankedRowids, searchIndexes, levels, titleKeys];
export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
