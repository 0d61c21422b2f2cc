/**
 * Version 5 of the catalogue cache, for ranking by relevance (catalogueSearch.ts); the cache keeps its catalogue.
 * Each procedure's name and everyday names (its keywords and its result's name) as search keys, in the procedures
 * table: the ranking reads them for every candidate, and once per sync for the words' frequencies, which reading
 * them out of the records' JSON would make a hundred times slower.
 */
import type { Database } from 'better-sqlite3';
import type { Procedure } from '../../../../shared/api/catalogue';
import { keywordsKey } from '../catalogueStore';
import { searchKey } from '../../../../shared/text/fold';

export const version = 5;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE procedures ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE procedures ADD COLUMN keywords_key TEXT NOT NULL DEFAULT '';
  `);
  const stored = db
    .prepare<[], { rowid: number; data: string }>("SELECT p.rowid AS rowid, r.data AS data FROM procedures p JOIN records r ON r.type = 'procedure' AND r.id = p.id")
    .all();
  const update = db.prepare('UPDATE procedures SET name_key = ?, keywords_key = ? WHERE rowid = ?');
  for (const { rowid, data } of stored) {
    const procedure = JSON.parse(data) as Procedure;
    update.run(searchKey(procedure.name), keywordsKey(procedure), rowid);
  }
}
