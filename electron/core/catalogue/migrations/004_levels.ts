/**
 * Version 4 of the catalogue cache, for the schema of real catalogues; the cache keeps its catalogue and cursor.
 * - A procedure has `levels` (one or more) instead of one `level`: cached and staged records are rewritten, the
 *   procedures table keeps them as JSON for summaries, and procedure_levels lists each (level, procedure) pair so a
 *   level filter finds a procedure done at both provincial and commune level under either.
 * - Records of any type the feed carries (the province's everyday names, `everydayName`), no longer four fixed
 *   types: the schema at the boundary (shared/catalogue/syncPlan.ts) decides what is a record.
 */
import type { Database } from 'better-sqlite3';

export const version = 4;

/** A cached procedure's JSON with `levels` from its old `level`; records that already have `levels` are kept. */
const withLevels = (column: string) =>
  `CASE WHEN json_type(${column}, '$.levels') IS NULL AND json_type(${column}, '$.level') = 'text'
     THEN json_remove(json_set(${column}, '$.levels', json_array(json_extract(${column}, '$.level'))), '$.level')
     ELSE ${column} END`;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE records_v4 (type TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, id));
    INSERT INTO records_v4 (type, id, data)
      SELECT type, id, CASE WHEN type = 'procedure' THEN ${withLevels('data')} ELSE data END FROM records;
    DROP TABLE records;
    ALTER TABLE records_v4 RENAME TO records;
    UPDATE staged_changes SET data = ${withLevels('data')} WHERE type = 'procedure' AND data IS NOT NULL;

    ALTER TABLE procedures ADD COLUMN levels TEXT NOT NULL DEFAULT '[]';
    UPDATE procedures SET levels = json_array(level);
    CREATE TABLE procedure_levels (level TEXT NOT NULL, rowid INTEGER NOT NULL, PRIMARY KEY (level, rowid)) WITHOUT ROWID;
    INSERT INTO procedure_levels (level, rowid) SELECT level, rowid FROM procedures;
    DROP INDEX procedures_level;
    ALTER TABLE procedures DROP COLUMN level;
  `);
}
