/**
 * The catalogue in the reference server's database, kept as its change log: one row per (type, id) holding that
 * record's latest change, upsert or delete, under a sequence number that only grows. A write replaces the record's
 * row with one at a new sequence, so the log compacts itself: a kiosk syncing from scratch reads each record once,
 * and a kiosk resuming after sequence s reads exactly what changed since. Deletes stay as tombstones for kiosks that
 * still hold the record. The table is created by centralStore's migration list.
 */
import type Database from 'better-sqlite3';
import type { CatalogueRecordType } from '../shared/api/catalogue';
import type { Catalogue } from './catalogueFile';

/** The table, for centralStore's migrations. AUTOINCREMENT: a sequence is never reused, even after its row is replaced. */
export const catalogueMigration = `
  CREATE TABLE catalogue_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,              -- agency | field | procedure | location
    id TEXT NOT NULL,
    op TEXT NOT NULL,                -- upsert | delete
    json TEXT,                       -- the record as the API serves it; NULL for a delete
    UNIQUE (type, id)
  );
`;

/** A change as stored: the record's JSON text is served as it is, never parsed again (a feed page is ~1 MB). */
export interface CatalogueChangeRow {
  seq: number;
  type: CatalogueRecordType;
  id: string;
  op: 'upsert' | 'delete';
  /** The record's JSON; null for a delete. */
  json: string | null;
}

export interface CatalogueStore {
  /** Records present (not deleted). */
  countRecords(): number;
  /** Whether a record of this type and id is present (written and not deleted). */
  has(type: CatalogueRecordType, id: string): boolean;
  /** The highest sequence written, 0 for an empty log. */
  lastSequence(): number;
  /** The changes after `sequence` in order, at most `limit`, and whether more follow. */
  changesAfter(sequence: number, limit: number): { rows: CatalogueChangeRow[]; hasMore: boolean };
  /** The present records of one type as stored JSON, in id order. */
  presentRecords(type: CatalogueRecordType): string[];
  /** Stores the record (already validated) and logs the change. */
  upsert(type: CatalogueRecordType, id: string, record: unknown): void;
  /** Deletes a present record and logs the change; false when there is none. */
  remove(type: CatalogueRecordType, id: string): boolean;
  /** Upserts a whole catalogue in one transaction. */
  seed(catalogue: Catalogue): void;
  /**
   * Upserts a catalogue's records in one transaction, leaving those already stored as they are unchanged (kiosks
   * then fetch only what the import changed). Records absent from the catalogue are kept.
   */
  importRecords(catalogue: Catalogue): { written: number; unchanged: number };
}

export function createCatalogueStore(db: Database.Database): CatalogueStore {
  const write = db.prepare<[string, string, string, string | null]>(
    // DELETE then INSERT, not UPDATE: the row must move to a new sequence.
    'INSERT OR REPLACE INTO catalogue_changes (type, id, op, json) VALUES (?, ?, ?, ?)',
  );
  const selectOp = db.prepare<[string, string], { op: string }>('SELECT op FROM catalogue_changes WHERE type = ? AND id = ?');
  const selectAfter = db.prepare<[number, number], CatalogueChangeRow>('SELECT seq, type, id, op, json FROM catalogue_changes WHERE seq > ? ORDER BY seq LIMIT ?');
  const selectLast = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM catalogue_changes');
  const countPresent = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM catalogue_changes WHERE op = 'upsert'");
  const selectPresent = db.prepare<[string], { json: string }>("SELECT json FROM catalogue_changes WHERE type = ? AND op = 'upsert' ORDER BY id");
  const selectJson = db.prepare<[string, string], string | null>("SELECT json FROM catalogue_changes WHERE type = ? AND id = ? AND op = 'upsert'").pluck();

  const upsert = (type: CatalogueRecordType, id: string, record: unknown) => {
    write.run(type, id, 'upsert', JSON.stringify(record));
  };

  /** Referenced records first, so that a kiosk paging through never meets a procedure before its field. */
  const inFeedOrder = (catalogue: Catalogue): [CatalogueRecordType, { id: string }][] => [
    ...catalogue.agencies.map((record) => ['agency', record] as [CatalogueRecordType, { id: string }]),
    ...catalogue.fields.map((record) => ['field', record] as [CatalogueRecordType, { id: string }]),
    ...catalogue.locations.map((record) => ['location', record] as [CatalogueRecordType, { id: string }]),
    ...catalogue.procedures.map((record) => ['procedure', record] as [CatalogueRecordType, { id: string }]),
    ...catalogue.everydayNames.map((record) => ['everydayName', record] as [CatalogueRecordType, { id: string }]),
  ];

  return {
    countRecords: () => countPresent.get()?.n ?? 0,
    has: (type, id) => selectOp.get(type, id)?.op === 'upsert',
    lastSequence: () => selectLast.get()?.seq ?? 0,
    changesAfter(sequence, limit) {
      const rows = selectAfter.all(sequence, limit + 1);
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    },
    presentRecords: (type) => selectPresent.all(type).map((row) => row.json),
    upsert,
    remove: db.transaction((type: CatalogueRecordType, id: string) => {
      if (selectOp.get(type, id)?.op !== 'upsert') return false;
      write.run(type, id, 'delete', null);
      return true;
    }),
    seed: db.transaction((catalogue: Catalogue) => {
      for (const [type, record] of inFeedOrder(catalogue)) upsert(type, record.id, record);
    }),
    importRecords: db.transaction((catalogue: Catalogue) => {
      let written = 0;
      let unchanged = 0;
      for (const [type, record] of inFeedOrder(catalogue)) {
        const json = JSON.stringify(record);
        if (selectJson.get(type, record.id) === json) unchanged++;
        else {
          write.run(type, record.id, 'upsert', json);
          written++;
        }
      }
      return { written, unchanged };
    }),
  };
}
