/**
 * Version 2 of the catalogue cache, for search speed and size; the cache is rebuilt by the next (full) sync.
 * - A procedure's rowid starts with its name's length in words (ROWIDS_PER_NAME_LENGTH in catalogueStore.ts): the
 *   full-text index returns matches in rowid order, so the shortest names, the closest to what was typed, come
 *   first without ranking every match, and a page stops after its last row.
 * - The full-text index keeps no copy of the text it indexes (contentless, deletable by rowid): nothing reads it back.
 * - Records are kept in an ordinary rowid table: a WITHOUT ROWID table stores rows of kilobytes of JSON at twice
 *   their size.
 * - A prefix index for one letter: a word just begun ("dang k") would otherwise merge the lists of every word
 *   starting with it. Longer prefixes cost more to index than they save.
 */
import type { Database } from 'better-sqlite3';

export const version = 2;

export function up(db: Database): void {
  db.exec(`
    DROP TABLE procedure_terms;
    DROP TABLE procedure_fts;
    DROP TABLE procedures;
    DROP TABLE records;
    DROP TABLE staged_changes;
    DELETE FROM meta;
    CREATE TABLE records (
      type TEXT NOT NULL CHECK (type IN ('agency', 'field', 'procedure', 'location')),
      id TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (type, id)
    );
    CREATE TABLE procedures (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      level TEXT NOT NULL,
      field TEXT NOT NULL,
      agency_id TEXT NOT NULL,
      online_level TEXT,
      online INTEGER NOT NULL
    );
    CREATE INDEX procedures_code ON procedures (code);
    CREATE INDEX procedures_level ON procedures (level);
    CREATE INDEX procedures_field ON procedures (field);
    CREATE INDEX procedures_agency ON procedures (agency_id);
    CREATE VIRTUAL TABLE procedure_fts USING fts5 (
      name, code, documents, agency, keywords,
      tokenize = "unicode61 remove_diacritics 2", content = '', contentless_delete = 1, prefix = '1'
    );
    CREATE VIRTUAL TABLE procedure_terms USING fts5vocab (procedure_fts, 'row');
    CREATE TABLE staged_changes (
      seq INTEGER PRIMARY KEY,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      type TEXT NOT NULL,
      id TEXT NOT NULL,
      data TEXT
    );
  `);
}
