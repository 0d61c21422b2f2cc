/**
 * Version 3 of the catalogue cache, for search speed; the cache keeps its catalogue (indexed again from its records).
 * - The name and the keywords of each procedure in a small full-text index of their own, procedure_titles: a column
 *   filter on the whole index walks the word lists of every document to find the few matches in names.
 * - The whole index keeps no positions or columns (detail = none): it only finds and counts the matches now, and
 *   its word lists are a sixth of the size, quicker to walk and to write.
 * - The words of the index in an ordinary table, search_terms: a word being typed is matched as the words it
 *   begins, read here in microseconds (FTS5's prefix query merges all their lists first, and the fts5vocab table
 *   walks them), and the typo fallback reads its vocabulary here.
 */
import type { Database } from 'better-sqlite3';
import { optimizeSearchIndexes, reindexProcedures } from '../catalogueStore';

export const version = 3;

export function up(db: Database): void {
  db.exec(`
    DROP TABLE procedure_terms;
    DROP TABLE procedure_fts;
    CREATE VIRTUAL TABLE procedure_fts USING fts5 (
      name, code, documents, agency, keywords,
      tokenize = "unicode61 remove_diacritics 2", content = '', contentless_delete = 1, prefix = '1', detail = none
    );
    CREATE VIRTUAL TABLE procedure_titles USING fts5 (
      name, keywords,
      tokenize = "unicode61 remove_diacritics 2", content = '', contentless_delete = 1, prefix = '1'
    );
    CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
  `);
  reindexProcedures(db);
  optimizeSearchIndexes(db);
}
