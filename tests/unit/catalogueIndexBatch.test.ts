/**
 * Applying a sync's changes as one batch (the search-index rows written last, in rowid order) and merging the
 * search indexes in slices afterwards: what a search finds must not depend on either.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogueDb } from '../../electron/core/catalogue/catalogueDb';
import { createCatalogueSearch, type CatalogueSearch } from '../../electron/core/catalogue/catalogueSearch';
import { createCatalogueStore, mergeSearchIndexesStep, type CatalogueStore } from '../../electron/core/catalogue/catalogueStore';
import { createLogger } from '../../electron/core/logger';
import type { Procedure } from '../../shared/api/catalogue';
import type { ValidChange } from '../../shared/catalogue/syncPlan';
import { loadSampleCatalogue } from '../../server/catalogueSample';

const sample = loadSampleCatalogue();
const upsert = (data: Procedure): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'procedure', data } });
const remove = (id: string): ValidChange => ({ op: 'delete', type: 'procedure', id });
const procedure = (id: string): Procedure => {
  const found = sample.procedures.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`sample without ${id}`);
  return found;
};
const birth = procedure('tthc-1.001193');
const marriage = procedure('tthc-1.000894');

let dir: string;
let db: Database;
let store: CatalogueStore;
let search: CatalogueSearch;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catalogue-batch-'));
  db = openCatalogueDb(join(dir, 'catalogue.db'), createLogger({ level: 'silent' }));
  store = createCatalogueStore(db);
  search = createCatalogueSearch(db);
  db.transaction(() =>
    store.applyChanges([
      ...sample.procedures.map(upsert),
      ...sample.agencies.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'agency', data } })),
      ...sample.fields.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'field', data } })),
    ]),
  )();
  while (mergeSearchIndexesStep(db, 16));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function apply(changes: ValidChange[]): void {
  db.transaction(() => store.applyChanges(changes))();
  search.invalidate();
}
const ids = (query: string) => search.search({ query, filters: {}, limit: 30, offset: 0 }).items.map((item) => item.id);
const queries = ['khai sinh', 'ket hon', 'luu dong', 'karaoke', 'dang ky', 'giay to tuy than', 'ho khau', 'so do'];
const results = () => Object.fromEntries(queries.map((query) => [query, ids(query)]));

describe('a batch of catalogue changes', () => {
  it('leaves each procedure indexed as its last change in the batch says, however often it changed', () => {
    const karaoke = { ...birth, id: 'tthc-9.000001', code: '9.000001', name: 'Cấp giấy phép kinh doanh karaoke' };
    apply([
      upsert(karaoke),
      upsert({ ...karaoke, name: 'Cấp giấy phép kinh doanh karaoke lưu động' }),
      upsert({ ...birth, name: 'Thủ tục đăng ký khai sinh lưu động' }),
      remove(marriage.id),
      upsert(marriage),
      remove(karaoke.id),
    ]);
    expect(search.search({ query: 'karaoke', filters: {}, limit: 30, offset: 0 })).toEqual({ items: [], total: 0 });
    // Ranked first: the only name with both words (partial matches follow it).
    expect(ids('luu dong')[0]).toBe(birth.id);
    expect(ids('dang ky ket hon')[0]).toBe(marriage.id);
    expect(store.counts().procedures).toBe(sample.procedures.length);
  });

  it('indexes a procedure with the name its agency has at the end of the batch', () => {
    const agency = sample.agencies.find((candidate) => candidate.id === birth.agencyId);
    if (!agency) throw new Error('sample procedure without its agency');
    apply([
      upsert({ ...birth, name: 'Thủ tục đăng ký khai sinh lưu động' }),
      { op: 'upsert', id: agency.id, record: { type: 'agency', data: { ...agency, name: 'Ủy ban nhân dân xã Hòa Bình Xanh' } } },
    ]);
    expect(ids('hoa binh xanh luu dong')[0]).toBe(birth.id);
  });
});

describe('merging the search indexes after a sync', () => {
  it('goes a slice at a time until there is nothing left to merge, and searches find the same all along', () => {
    apply([upsert({ ...birth, name: 'Thủ tục đăng ký khai sinh lưu động' }), remove(marriage.id), ...sample.procedures.slice(2, 30).map(upsert)]);
    const beforeMerge = results();
    expect(beforeMerge['luu dong']?.[0]).toBe(birth.id);
    expect(beforeMerge['ket hon']).not.toContain(marriage.id);

    let slices = 0;
    while (mergeSearchIndexesStep(db, 1)) {
      slices++;
      expect(results()).toEqual(beforeMerge);
    }
    // Two indexes, each with rows deleted: at least a slice each.
    expect(slices).toBeGreaterThanOrEqual(2);
    expect(results()).toEqual(beforeMerge);
    expect(mergeSearchIndexesStep(db, 1)).toBe(false);
  });

  it('goes on after the cache is opened again when it was cut off, and leaves an intact database', () => {
    apply([upsert({ ...birth, name: 'Thủ tục đăng ký khai sinh lưu động' }), remove(marriage.id), ...sample.procedures.slice(2, 30).map(upsert)]);
    const beforeMerge = results();
    expect(mergeSearchIndexesStep(db, 1)).toBe(true);
    db.close();

    // Opening checks the file's integrity, and would move a damaged one aside and start empty.
    db = openCatalogueDb(join(dir, 'catalogue.db'), createLogger({ level: 'silent' }));
    search = createCatalogueSearch(db);
    expect(results()).toEqual(beforeMerge);
    let slices = 0;
    while (mergeSearchIndexesStep(db, 1)) slices++;
    expect(slices).toBeGreaterThanOrEqual(1);
    expect(results()).toEqual(beforeMerge);
    for (const index of ['procedure_fts', 'procedure_titles']) expect(() => db.exec(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('has nothing to merge when no change came since the last merge', () => {
    expect(mergeSearchIndexesStep(db, 16)).toBe(false);
  });
});
