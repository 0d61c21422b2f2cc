import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogueDb, schemaVersion } from '../../electron/core/catalogue/catalogueDb';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/catalogue/migrations';
import * as initial from '../../electron/core/catalogue/migrations/001_initial';
import { createLogger } from '../../electron/core/logger';
import { memoryLogger } from '../main/memoryLogger';

let dir: string;
let path: string;
const silent = createLogger({ level: 'silent' });

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
  it('rebuilds a version 1 cache as version 2, in WAL mode: records in a rowid table, a contentless prefix-indexed full-text index, no cursor left', () => {
    const old = new Database(path);
    initial.up(old);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO meta (key, value) VALUES ('cursor', 's7')").run();
    old.prepare("INSERT INTO records (type, id, data) VALUES ('field', 'f1', '{}')").run();
    old.close();

    const db = openCatalogueDb(path, silent);
    expect(schemaVersion(db)).toBe(2);
    expect(LATEST_SCHEMA_VERSION).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(names(db, 'table')).toEqual(expect.arrayContaining(['meta', 'procedure_fts', 'procedure_terms', 'procedures', 'records', 'staged_changes']));
    const sql = (name: string) => db.prepare<[string], string>('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name);
    expect(sql('records')).not.toContain('WITHOUT ROWID');
    expect(sql('procedure_fts')).toMatch(/content = ''.*contentless_delete = 1.*prefix = '1'/);
    // The next sync is a full one: it fills the new tables from the start.
    expect(db.prepare('SELECT count(*) FROM meta').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
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
