import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogueDb, schemaVersion } from '../../electron/core/catalogue/catalogueDb';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/catalogue/migrations';
import * as initial from '../../electron/core/catalogue/migrations/001_initial';
import * as rankedRowids from '../../electron/core/catalogue/migrations/002_ranked_rowids';
import * as searchIndexes from '../../electron/core/catalogue/migrations/003_search_indexes';
import { createCatalogueSearch } from '../../electron/core/catalogue/catalogueSearch';
import { createLogger } from '../../electron/core/logger';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import type { Agency, Procedure } from '../../shared/api/catalogue';
import { memoryLogger } from '../main/memoryLogger';

let dir: string;
let path: string;
const silent = createLogger({ level: 'silent' });
const sample = loadSampleCatalogue();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catalogue-db-'));
  path = join(dir, 'catalogue.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const names = (db: Database.Database, type: string) =>
  db.prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(type);

describe('migration 001_initial', () => {
  it('creates the records, procedures, full-text, vocabulary, staging and meta tables', () => {
    const db = new Database(path);
    initial.up(db);
    expect(names(db, 'table')).toEqual(expect.arrayContaining(['meta', 'procedure_fts', 'procedure_terms', 'procedures', 'records', 'staged_changes']));
    expect(names(db, 'index')).toEqual(['procedures_agency', 'procedures_code', 'procedures_field', 'procedures_level']);
    const fts = db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'procedure_fts'").pluck().get();
    expect(fts).toContain('unicode61 remove_diacritics 2');
    db.close();
  });
});

describe('migration 002_ranked_rowids', () => {
  it('rebuilds a version 1 cache as version 2: records in a rowid table, a contentless prefix-indexed full-text index, no cursor left', () => {
    const old = new Database(path);
    initial.up(old);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO meta (key, value) VALUES ('cursor', 's7')").run();
    old.prepare("INSERT INTO records (type, id, data) VALUES ('field', 'f1', '{}')").run();
    old.close();

    const db = new Database(path);
    rankedRowids.up(db);
    expect(names(db, 'table')).toEqual(expect.arrayContaining(['meta', 'procedure_fts', 'procedure_terms', 'procedures', 'records', 'staged_changes']));
    const sql = (name: string) => db.prepare<[string], string>('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name);
    expect(sql('records')).not.toContain('WITHOUT ROWID');
    expect(sql('procedure_fts')).toMatch(/content = ''.*contentless_delete = 1.*prefix = '1'/);
    // The next sync is a full one: it fills the new tables from the start.
    expect(db.prepare('SELECT count(*) FROM meta').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
    db.close();
  });

  it('brings a version 1 cache to the latest version, in WAL mode', () => {
    const old = new Database(path);
    initial.up(old);
    old.pragma('user_version = 1');
    old.close();
    const db = openCatalogueDb(path, silent);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('is applied once: reopening keeps the data and the version', () => {
    const db = openCatalogueDb(path, silent);
    db.prepare("INSERT INTO meta (key, value) VALUES ('cursor', 's7')").run();
    db.close();
    const again = openCatalogueDb(path, silent);
    expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    expect(again.prepare<[], string>("SELECT value FROM meta WHERE key = 'cursor'").pluck().get()).toBe('s7');
    again.close();
  });
});

const birth = sample.procedures.find((procedure) => procedure.id === 'tthc-1.001193') as Procedure;
const agency = sample.agencies.find((candidate) => candidate.id === birth.agencyId) as Agency;
/** The birth registration as caches before version 4 hold it: one `level`, no `levels`. */
const { levels: _levels, ...birthBefore4 } = { ...birth, level: 'xa' };

describe('migration 003_search_indexes', () => {

  /** A version 2 cache holding one procedure and its agency, as a kiosk synced before this version has it. */
  function versionTwoCache(): void {
    const old = new Database(path);
    initial.up(old);
    rankedRowids.up(old);
    old.pragma('user_version = 2');
    const record = old.prepare('INSERT INTO records (type, id, data) VALUES (?, ?, ?)');
    record.run('agency', agency.id, JSON.stringify(agency));
    record.run('procedure', birth.id, JSON.stringify(birthBefore4));
    old
      .prepare('INSERT INTO procedures (rowid, id, code, name, level, field, agency_id, online_level, online) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(4 * 2 ** 32 + 1, birth.id, birth.code, birth.name, 'xa', birth.field, birth.agencyId, birth.onlineLevel, 1);
    old.prepare("INSERT INTO meta (key, value) VALUES ('cursor', 's7')").run();
    old.close();
  }

  it('indexes a version 2 cache again and keeps its catalogue and cursor, so an offline kiosk still finds it', () => {
    versionTwoCache();
    const db = openCatalogueDb(path, silent);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare<[], string>("SELECT value FROM meta WHERE key = 'cursor'").pluck().get()).toBe('s7');
    const search = createCatalogueSearch(db);
    const find = (query: string) => search.search({ query, filters: {}, limit: 10, offset: 0 });
    // By name while typed (the completions come from search_terms), by a document, by the agency, with a typo.
    expect(find('dang ky khai si')).toMatchObject({ total: 1, items: [{ id: birth.id, score: expect.any(Number) }] });
    expect(find(`${birth.documents[0]?.name ?? ''} `).total).toBe(1);
    expect(find(`${agency.name} `).total).toBe(1);
    expect(find('khai sinhh').total).toBe(1);
    expect(db.prepare<[], string>("SELECT term FROM search_terms WHERE term IN ('khai', 'sinh') ORDER BY term").pluck().all()).toEqual(['khai', 'sinh']);
    expect(names(db, 'table')).not.toContain('procedure_terms');
    const sql = (name: string) => db.prepare<[string], string>('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name);
    expect(sql('procedure_fts')).toMatch(/contentless_delete = 1.*detail = none/);
    expect(sql('procedure_titles')).toMatch(/name, keywords.*contentless_delete = 1/s);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('migration 004_levels', () => {
  /** A version 3 cache holding the birth registration with its old `level`, and a staged change of it. */
  function versionThreeCache(): void {
    const old = new Database(path);
    initial.up(old);
    rankedRowids.up(old);
    const record = old.prepare('INSERT INTO records (type, id, data) VALUES (?, ?, ?)');
    record.run('agency', agency.id, JSON.stringify(agency));
    record.run('procedure', birth.id, JSON.stringify(birthBefore4));
    old
      .prepare('INSERT INTO procedures (rowid, id, code, name, level, field, agency_id, online_level, online) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(4 * 2 ** 32 + 1, birth.id, birth.code, birth.name, 'xa', birth.field, birth.agencyId, birth.onlineLevel, 1);
    searchIndexes.up(old);
    old.pragma('user_version = 3');
    old.prepare("INSERT INTO staged_changes (op, type, id, data) VALUES ('upsert', 'procedure', ?, ?)").run(birth.id, JSON.stringify(birthBefore4));
    old.prepare("INSERT INTO meta (key, value) VALUES ('cursor', 's7')").run();
    old.close();
  }

  it('gives cached and staged procedures `levels` from their `level`, and keeps the catalogue, its cursor and its search', () => {
    versionThreeCache();
    const db = openCatalogueDb(path, silent);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const stored = (sql: string) => JSON.parse(db.prepare<[], string>(sql).pluck().get() ?? 'null') as Record<string, unknown>;
    const cached = stored("SELECT data FROM records WHERE type = 'procedure'");
    expect(cached).toMatchObject({ id: birth.id, levels: ['xa'] });
    expect(cached).not.toHaveProperty('level');
    expect(stored('SELECT data FROM staged_changes')).toMatchObject({ levels: ['xa'] });
    expect(db.prepare<[], string>("SELECT value FROM meta WHERE key = 'cursor'").pluck().get()).toBe('s7');

    const search = createCatalogueSearch(db);
    expect(search.search({ query: 'khai sinh', filters: { level: 'xa' }, limit: 10, offset: 0 }).items).toMatchObject([{ id: birth.id, levels: ['xa'] }]);
    expect(search.search({ query: 'khai sinh', filters: { level: 'tinh' }, limit: 10, offset: 0 }).total).toBe(0);
    expect(search.facets({}).levels).toEqual([{ level: 'xa', count: 1 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('stores record types beyond the first four (the province\'s everyday names)', () => {
    versionThreeCache();
    const db = openCatalogueDb(path, silent);
    db.prepare("INSERT INTO records (type, id, data) VALUES ('everydayName', 'so-do', '{}')").run();
    expect(db.prepare("SELECT count(*) FROM records WHERE type = 'everydayName'").pluck().get()).toBe(1);
    db.close();
  });
});

describe('opening an unusable cache', () => {
  it('moves a file that is not a database aside and starts empty', () => {
    writeFileSync(path, 'this is not a database, just text that fills a page '.repeat(200));
    const { logger, entries } = memoryLogger();
    const db = openCatalogueDb(path, logger);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
    db.close();
    expect(readdirSync(dir).some((name) => name.startsWith('catalogue.db.corrupt-'))).toBe(true);
    expect(entries().some((entry) => entry.event === 'catalogue.db_moved_aside')).toBe(true);
  });

  it('moves a database from a newer schema aside', () => {
    const newer = new Database(path);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const db = openCatalogueDb(path, silent);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('moves a database whose pages are damaged aside', () => {
    const db = openCatalogueDb(path, silent);
    const insert = db.prepare("INSERT INTO records (type, id, data) VALUES ('field', ?, ?)");
    db.transaction(() => {
      for (let index = 0; index < 2000; index++) insert.run(`f${index}`, 'x'.repeat(200));
    })();
    db.pragma('journal_mode = DELETE');
    db.close();
    // Overwrite the middle of the file: the header stays valid, the b-tree pages do not.
    const bytes = readFileSync(path);
    bytes.fill(0xab, 8192, bytes.length - 8192);
    writeFileSync(path, bytes);
    const reopened = openCatalogueDb(path, silent);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
    reopened.close();
  });
});
