/**
 * A kiosk's catalogue cache holding the national catalogue (server/fixtures/catalogue-national.json.gz), written the
 * way a sync writes it, for the relevance table's test and the catalogue bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openCatalogueDb } from '../../electron/core/catalogue/catalogueDb';
import { createCatalogueSearch, type CatalogueSearch } from '../../electron/core/catalogue/catalogueSearch';
import { createCatalogueStore } from '../../electron/core/catalogue/catalogueStore';
import { createLogger } from '../../electron/core/logger';
import type { Catalogue } from '../../server/catalogueFile';
import type { ValidChange } from '../../shared/catalogue/syncPlan';

/** The catalogue's records as one batch of upserts, referenced records first. */
export function catalogueChanges(catalogue: Catalogue): ValidChange[] {
  return [
    ...catalogue.agencies.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'agency', data } })),
    ...catalogue.fields.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'field', data } })),
    ...catalogue.procedures.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'procedure', data } })),
    ...catalogue.everydayNames.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'everydayName', data } })),
  ];
}

export interface CatalogueCache {
  db: Database;
  search: CatalogueSearch;
  close(): void;
}

/** A new cache in a temporary directory holding `catalogue`; close() removes it. */
export function openCatalogueCache(catalogue: Catalogue): CatalogueCache {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-catalogue-cache-'));
  const db = openCatalogueDb(join(dir, 'catalogue.db'), createLogger({ level: 'silent' }));
  const store = createCatalogueStore(db);
  db.transaction(() => store.applyChanges(catalogueChanges(catalogue)))();
  return {
    db,
    search: createCatalogueSearch(db),
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Hits at 1 and at 3 of a tier of the relevance table, and the queries missed from the top three. */
export function scoreTier(
  queries: readonly { query: string; accept: readonly string[] }[],
  topIds: (query: string) => readonly string[],
): { hitsAt1: number; hitsAt3: number; missed: string[] } {
  let hitsAt1 = 0;
  let hitsAt3 = 0;
  const missed: string[] = [];
  for (const { query, accept } of queries) {
    const rank = topIds(query).findIndex((id) => accept.includes(id));
    if (rank === 0) hitsAt1++;
    if (rank >= 0 && rank < 3) hitsAt3++;
    else missed.push(query);
  }
  return { hitsAt1, hitsAt3, missed };
}
