/**
 * Writing records into a catalogue cache database: the record as JSON, and for a procedure its filter columns and
 * its row in the full-text index. Callers wrap these in transactions; nothing here commits on its own.
 */
import type { Database } from 'better-sqlite3';
import type { CatalogueRecordType, Procedure } from '../../../shared/api/catalogue';
import type { CatalogueRecord, StoredSyncState, ValidChange } from '../../../shared/catalogue/syncPlan';
import { searchKey } from '../../../shared/text/fold';

export interface CatalogueCounts {
  procedures: number;
  agencies: number;
  fields: number;
  locations: number;
}

/**
 * A procedure's rowid is its name's length in words times this, plus its place among names of that length: the
 * full-text index lists matches in rowid order, shortest names first (migration 002).
 */
const ROWIDS_PER_NAME_LENGTH = 2 ** 32;

/** Words of a procedure's name (its search key), not counting the "Thủ tục" many official names start with. */
function nameLength(nameKey: string): number {
  const words = nameKey.split(' ');
  return words[0] === 'thu' && words[1] === 'tuc' ? words.length - 2 : words.length;
}

/** A procedure's everyday names as indexed with its name: its keywords and its result's name ("Giấy khai sinh"). */
export const keywordsKey = (procedure: Procedure): string => searchKey([...(procedure.keywords ?? []), procedure.result?.name ?? ''].join(' '));

/** Online levels at which a citizen can file without coming in. */
const FILED_ONLINE = new Set(['toan_trinh', 'mot_phan']);

/**
 * A procedure's rows in the search indexes (migration 003): every word in procedure_fts, which finds and counts
 * the matches; the name and the keywords (everyday names) again in procedure_titles, a small index that finds the
 * matches of the first tiers without walking the word lists of the documents; and each new word in search_terms.
 */
function createSearchIndexWriter(db: Database) {
  const statements = {
    agencyName: db.prepare<[string], string | null>("SELECT json_extract(data, '$.name') FROM records WHERE type = 'agency' AND id = ?").pluck(),
    insertFts: db.prepare('INSERT INTO procedure_fts (rowid, name, code, documents, agency, keywords) VALUES (?, ?, ?, ?, ?, ?)'),
    insertTitles: db.prepare('INSERT INTO procedure_titles (rowid, name, keywords) VALUES (?, ?, ?)'),
    insertTerm: db.prepare('INSERT OR IGNORE INTO search_terms (term) VALUES (?)'),
    deleteFts: db.prepare('DELETE FROM procedure_fts WHERE rowid = ?'),
    deleteTitles: db.prepare('DELETE FROM procedure_titles WHERE rowid = ?'),
  };
  /**
   * Texts whose words this writer has put in search_terms: a full sync lists each of a catalogue's few thousand
   * words once, and splits each document name once, not at each of the thousands of procedures that require it.
   * A word whose last procedure goes stays listed; it then matches nothing, and the next full sync starts a new
   * file without it.
   */
  const listedKeys = new Set<string>();
  const listedTerms = new Set<string>();
  function listWords(key: string): void {
    if (listedKeys.has(key)) return;
    listedKeys.add(key);
    for (const term of key.split(' ')) {
      if (term === '' || listedTerms.has(term)) continue;
      listedTerms.add(term);
      statements.insertTerm.run(term);
    }
  }

  return {
    write(rowid: number, procedure: Procedure, nameKey = searchKey(procedure.name)): void {
      const documentKeys = procedure.documents.map((document) => searchKey(document.name)).filter((key) => key !== '');
      const keywords = keywordsKey(procedure);
      const codeKey = searchKey(procedure.code);
      const agencyKey = searchKey(statements.agencyName.get(procedure.agencyId) ?? '');
      statements.insertFts.run(rowid, nameKey, codeKey, documentKeys.join(' '), agencyKey, keywords);
      statements.insertTitles.run(rowid, nameKey, keywords);
      for (const key of [nameKey, codeKey, ...documentKeys, agencyKey, keywords]) listWords(key);
    },
    remove(rowid: number): void {
      statements.deleteFts.run(rowid);
      statements.deleteTitles.run(rowid);
    },
  };
}

/**
 * Writes every stored procedure's rows in emptied search indexes, keeping their rowids: for migration 003, and at
 * the end of a full sync's build. In rowid order: FTS5 appends rising rowids to its pending word lists, but flushes
 * them at every lower rowid, which triples the index's cost when procedures come in the feed's order.
 */
export function reindexProcedures(db: Database): void {
  const searchIndex = createSearchIndexWriter(db);
  const stored = db.prepare<[], { rowid: number; data: string }>(
    "SELECT p.rowid AS rowid, r.data AS data FROM procedures p JOIN records r ON r.type = 'procedure' AND r.id = p.id ORDER BY p.rowid",
  );
  // Read whole: the connection cannot write while iterating.
  for (const { rowid, data } of stored.all()) searchIndex.write(rowid, JSON.parse(data) as Procedure);
}

const SEARCH_INDEXES = ['procedure_titles', 'procedure_fts'] as const;

/**
 * Merges each full-text index into one segment, clearing the tombstones of deleted rows: for the end of a full
 * sync's build, which leaves segments that every search reads side by side. About 100 ms for 10,000 procedures.
 */
export function optimizeSearchIndexes(db: Database): void {
  for (const index of SEARCH_INDEXES) db.prepare(`INSERT INTO ${index} (${index}) VALUES ('optimize')`).run();
}

/**
 * One slice of the same merge, for after an incremental sync: the changes' new rows sit in a segment of their own
 * and their old ones are tombstones in the big segment, which every search then checks row by row (twice the cost
 * of a search). FTS5's 'merge' with a negative budget works towards one segment as 'optimize' does, writing about
 * `pages` pages (a few milliseconds for 16), and keeps where it stopped in the index: a merge cut off by a kill
 * goes on at the next call. Returns false once every index is merged, having written nothing.
 */
export function mergeSearchIndexesStep(db: Database, pages: number): boolean {
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  for (const index of SEARCH_INDEXES) {
    const before = totalChanges.get() ?? 0;
    db.prepare(`INSERT INTO ${index} (${index}, rank) VALUES ('merge', ?)`).run(-pages);
    // FTS5's documented test: a merge that found work to do changes two rows or more.
    if ((totalChanges.get() ?? 0) - before >= 2) return true;
  }
  return false;
}

export interface CatalogueStoreOptions {
  /** Leaves the search indexes empty, for a full sync's build to fill in one pass at the end (reindexProcedures). */
  deferSearchIndex?: boolean;
}

export function createCatalogueStore(db: Database, { deferSearchIndex = false }: CatalogueStoreOptions = {}) {
  const statements = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
    getRecord: db.prepare<[string, string], { data: string }>('SELECT data FROM records WHERE type = ? AND id = ?'),
    putRecord: db.prepare('INSERT INTO records (type, id, data) VALUES (?, ?, ?) ON CONFLICT (type, id) DO UPDATE SET data = excluded.data'),
    deleteRecord: db.prepare('DELETE FROM records WHERE type = ? AND id = ?'),
    procedureRowid: db.prepare<[string], { rowid: number }>('SELECT rowid FROM procedures WHERE id = ?'),
    lastRowidBelow: db.prepare<[number], number | null>('SELECT max(rowid) FROM procedures WHERE rowid < ?').pluck(),
    insertProcedure: db.prepare(
      'INSERT INTO procedures (rowid, id, code, name, levels, field, agency_id, online_level, online, name_key, keywords_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteProcedure: db.prepare('DELETE FROM procedures WHERE rowid = ?'),
    insertLevel: db.prepare('INSERT OR IGNORE INTO procedure_levels (level, rowid) VALUES (?, ?)'),
    deleteLevels: db.prepare('DELETE FROM procedure_levels WHERE rowid = ?'),
    proceduresOfAgency: db.prepare<[string], { id: string }>('SELECT id FROM procedures WHERE agency_id = ?'),
    stage: db.prepare('INSERT INTO staged_changes (op, type, id, data) VALUES (?, ?, ?, ?)'),
    staged: db.prepare<[], { op: 'upsert' | 'delete'; type: CatalogueRecordType; id: string; data: string | null }>(
      'SELECT op, type, id, data FROM staged_changes ORDER BY seq',
    ),
    clearStaged: db.prepare('DELETE FROM staged_changes'),
    counts: db.prepare<[], { type: CatalogueRecordType; count: number }>('SELECT type, count(*) AS count FROM records GROUP BY type'),
  };

  const getMeta = (key: string): string | null => statements.getMeta.get(key)?.value ?? null;

  const searchIndex = createSearchIndexWriter(db);

  /**
   * The search-index rows a batch of changes removes and writes, held until its records are in place: FTS5 writes
   * what it holds in memory to a new segment whenever a delete follows an insert or a rowid goes down, so writing
   * as each change comes makes a segment per change (about 1 ms a change on 10,000 procedures, and more segments
   * for each search to read). Sorted by rowid and written together, a batch makes one segment per index.
   */
  interface IndexBatch {
    removed: Set<number>;
    written: Map<number, { procedure: Procedure; nameKey: string }>;
  }

  function unindexProcedure(id: string, batch: IndexBatch): void {
    const row = statements.procedureRowid.get(id);
    if (!row) return;
    // A row written earlier in the batch is not in the index yet: dropping it from the batch removes it.
    if (!deferSearchIndex && !batch.written.delete(row.rowid)) batch.removed.add(row.rowid);
    statements.deleteProcedure.run(row.rowid);
    statements.deleteLevels.run(row.rowid);
  }

  function indexProcedure(procedure: Procedure, batch: IndexBatch): void {
    unindexProcedure(procedure.id, batch);
    const online = procedure.onlineLevel !== null && FILED_ONLINE.has(procedure.onlineLevel) ? 1 : 0;
    const nameKey = searchKey(procedure.name);
    // At most 250 words (500 characters): far below the 2^53 rowids a JavaScript number holds exactly.
    const first = nameLength(nameKey) * ROWIDS_PER_NAME_LENGTH;
    const rowid = Math.max(first, statements.lastRowidBelow.get(first + ROWIDS_PER_NAME_LENGTH) ?? 0) + 1;
    statements.insertProcedure.run(
      rowid,
      procedure.id,
      procedure.code,
      procedure.name,
      JSON.stringify(procedure.levels),
      procedure.field,
      procedure.agencyId,
      procedure.onlineLevel,
      online,
      nameKey,
      keywordsKey(procedure),
    );
    for (const level of procedure.levels) statements.insertLevel.run(level, rowid);
    if (!deferSearchIndex) batch.written.set(rowid, { procedure, nameKey });
  }

  function putRecord(record: CatalogueRecord, batch: IndexBatch): void {
    statements.putRecord.run(record.type, record.data.id, JSON.stringify(record.data));
    if (record.type === 'procedure') indexProcedure(record.data, batch);
    // The agency's name is indexed with each of its procedures.
    if (record.type === 'agency') {
      for (const { id } of statements.proceduresOfAgency.all(record.data.id)) {
        const stored = statements.getRecord.get('procedure', id);
        if (stored) indexProcedure(JSON.parse(stored.data) as Procedure, batch);
      }
    }
  }

  function applyChange(change: ValidChange, batch: IndexBatch): void {
    if (change.op === 'upsert') return putRecord(change.record, batch);
    statements.deleteRecord.run(change.type, change.id);
    if (change.type === 'procedure') unindexProcedure(change.id, batch);
  }

  /** Applies the changes in order; their search-index rows go last, removals then writes, each in rowid order. */
  function applyChanges(changes: readonly ValidChange[]): void {
    const batch: IndexBatch = { removed: new Set(), written: new Map() };
    for (const change of changes) applyChange(change, batch);
    for (const rowid of [...batch.removed].sort((a, b) => a - b)) searchIndex.remove(rowid);
    // The agency's name is read as the batch left it.
    for (const [rowid, { procedure, nameKey }] of [...batch.written].sort(([a], [b]) => a - b)) searchIndex.write(rowid, procedure, nameKey);
  }

  return {
    getMeta,
    setMeta: (key: string, value: string) => void statements.setMeta.run(key, value),
    deleteMeta: (key: string) => void statements.deleteMeta.run(key),
    applyChanges,
    syncState(): StoredSyncState {
      const from = getMeta('staged_from');
      const cursor = getMeta('staged_cursor');
      return { cursor: getMeta('cursor'), staged: from !== null && cursor !== null ? { from, cursor } : null };
    },
    stage(changes: readonly ValidChange[]): void {
      for (const change of changes) {
        if (change.op === 'upsert') statements.stage.run('upsert', change.record.type, change.id, JSON.stringify(change.record.data));
        else statements.stage.run('delete', change.type, change.id, null);
      }
    },
    /** Staged changes in order, as they were checked when staged (read whole: the connection cannot write while iterating). */
    stagedChanges(): ValidChange[] {
      return statements.staged.all().map((row): ValidChange =>
        row.op === 'delete' || row.data === null
          ? { op: 'delete', type: row.type, id: row.id }
          : { op: 'upsert', id: row.id, record: { type: row.type, data: JSON.parse(row.data) } as CatalogueRecord },
      );
    },
    clearStaged(): void {
      statements.clearStaged.run();
      statements.deleteMeta.run('staged_from');
      statements.deleteMeta.run('staged_cursor');
    },
    counts(): CatalogueCounts {
      const counts: CatalogueCounts = { procedures: 0, agencies: 0, fields: 0, locations: 0 };
      const key: Partial<Record<CatalogueRecordType, keyof CatalogueCounts>> = {
        procedure: 'procedures',
        agency: 'agencies',
        field: 'fields',
        location: 'locations',
      };
      for (const row of statements.counts.all()) {
        const counted = key[row.type];
        if (counted) counts[counted] = row.count;
      }
      return counts;
    },
  };
}

export type CatalogueStore = ReturnType<typeof createCatalogueStore>;
