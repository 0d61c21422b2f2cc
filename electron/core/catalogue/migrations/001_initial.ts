/**
 * Version 1 of the catalogue cache. Records are kept as the server sent them (JSON, checked by their schemas);
 * procedures also get columns for the filters and a row in the full-text index, whose columns hold search keys
 * (shared/text/fold.ts) so that đ and i/y are folded the same way as the query.
 */
import type { Database } from 'better-sqlite3';

export const version = 1;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE records (
      type TEXT NOT NULL CHECK (type IN ('agency', 'field', 'procedure', 'location')),
      id TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (type, id)
    ) WITHOUT ROWID;
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
      tokenize = "unicode61 remove_diacritics 2"
    );
    CREATE VIRTUAL TABLE procedure_terms USING fts5vocab (procedure_fts, 'row');
    -- Pages of an incremental sync wait here until the last one arrives, then apply in one transaction.
    CREATE TABLE staged_changes (
      seq INTEGER PRIMARY KEY,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      type TEXT NOT NULL,
      id TEXT NOT NULL,
      data TEXT
    );
  `);
}
