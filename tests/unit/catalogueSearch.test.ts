import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogueDb } from '../../electron/core/catalogue/catalogueDb';
import { createCatalogueSearch, PORTAL_PROCEDURE_URL, type CatalogueSearch } from '../../electron/core/catalogue/catalogueSearch';
import { createCatalogueStore } from '../../electron/core/catalogue/catalogueStore';
import { createLogger } from '../../electron/core/logger';
import type { ValidChange } from '../../shared/catalogue/syncPlan';
import { loadSampleCatalogue } from '../../server/catalogueSample';

const sample = loadSampleCatalogue();
let dir: string;
let db: Database;
let search: CatalogueSearch;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'catalogue-search-'));
  db = openCatalogueDb(join(dir, 'catalogue.db'), createLogger({ level: 'silent' }));
  const store = createCatalogueStore(db);
  // Procedures before their agencies, as a feed may send them: the agency's name must still be indexed.
  const changes: ValidChange[] = [
    ...sample.procedures.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'procedure', data } })),
    ...sample.agencies.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'agency', data } })),
    ...sample.fields.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'field', data } })),
    ...sample.locations.map((data): ValidChange => ({ op: 'upsert', id: data.id, record: { type: 'location', data } })),
  ];
  db.transaction(() => store.applyChanges(changes))();
  search = createCatalogueSearch(db);
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const find = (query: string, filters = {}) => search.search({ query, filters, limit: 30, offset: 0 });
const topIds = (query: string) => find(query).items.slice(0, 3).map((item) => item.id);

describe('catalogue search ranking on the sample catalogue', () => {
  // Citizen-style queries: no diacritics, upper case, typos, i/y, abbreviations, everyday names, half-typed words.
  it.each([
    ['khai sinh', 'tthc-1.001193'],
    ['DANG KY KET HON', 'tthc-1.000894'],
    ['giấy khai sinh', 'tthc-1.001193'],
    ['khai si', 'tthc-1.001193'],
    ['khai sinhh', 'tthc-1.001193'],
    ['dang ki khai tu', 'tthc-1.000656'],
    ['ho khau', 'tthc-1.004222'],
    ['thuong chu', 'tthc-1.004222'],
    ['CCCD', 'tthc-1.014061'],
    ['bang lai', 'tthc-3.000347'],
    ['li lich tu phap', 'tthc-3.000333'],
    ['lý lịch tư pháp', 'tthc-3.000333'],
    ['ho chieu', 'tthc-1.001456'],
    ['passport', 'tthc-1.001456'],
    ['so do', 'tthc-1.012783'],
    ['ket hon nuoc ngoai', 'tthc-2.000806'],
    ['giay phep xay dung', 'tthc-1.013225'],
    ['thai san', 'tthc-2.000693'],
    ['BHXH mot lan', 'tthc-1.001613'],
    ['chung thuc chu ky', 'tthc-2.000884'],
    ['doc than', 'tthc-1.004873'],
    ['chuyen truong', 'tthc-2.002481'],
    ['mai tang', 'tthc-1.001731'],
    ['THANH LAP HO KINH DOANH', 'tthc-1.001612'],
    ['tam tru', 'tthc-1.004194'],
    // Two letters of a word typed: matched as the catalogue's words they begin.
    ['dang ky kh', 'tthc-1.001193'],
    ['chuyen tr', 'tthc-2.002481'],
    // An everyday name ends the query: its official words are whole words, not prefixes.
    ['giay chung tu', 'tthc-1.000656'],
  ])('"%s" finds %s in the top three', (query, id) => {
    expect(topIds(query)).toContain(id);
  });

  it('ranks a match in the name before matches only in the documents', () => {
    const byName = find('khai sinh').items;
    const firstWithoutName = byName.findIndex((item) => !/khai sinh/i.test(item.name));
    const lastWithName = byName.findLastIndex((item) => /khai sinh/i.test(item.name));
    expect(firstWithoutName).toBeGreaterThan(0);
    expect(lastWithName).toBeLessThan(firstWithoutName);
  });

  it.each(['dang ky khai sinh', 'Đăng ký khai sinh', 'thu tuc dang ky khai sinh'])('ranks the procedure named exactly "%s" first, "Thủ tục" or not', (query) => {
    expect(find(query).items[0]?.id).toBe('tthc-1.001193');
  });

  it('pages through the tiers without losing or repeating a procedure, best first', () => {
    const page = (offset: number, limit: number) => search.search({ query: 'dang ky', filters: {}, limit, offset });
    const whole = page(0, 200);
    expect(whole.items).toHaveLength(whole.total);
    // Names first, then keywords, then the rest: the pages cross from one tier into the next.
    expect(new Set(whole.items.map((item) => Math.floor(item.score))).size).toBeGreaterThan(1);
    const paged = Array.from({ length: Math.ceil(whole.total / 4) }, (_, index) => page(index * 4, 4).items).flat();
    expect(paged.map((item) => item.id)).toEqual(whole.items.map((item) => item.id));
    const scores = whole.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(page(whole.total, 4).items).toEqual([]);
  });

  it('finds a procedure by its national code', () => {
    expect(find('1.001193')).toMatchObject({ total: 1, items: [{ id: 'tthc-1.001193', code: '1.001193', name: 'Thủ tục đăng ký khai sinh' }] });
  });

  it('treats FTS5 syntax typed by a citizen as plain words', () => {
    for (const query of ['"khai', 'khai*', 'NEAR(khai sinh)', 'name:khai', 'khai OR', '^sinh', '(']) {
      expect(() => find(query)).not.toThrow();
    }
    expect(topIds('khai" OR "sinh')).toContain('tthc-1.001193');
  });

  it('finds the words a later sync brings, typed in part or misspelt', () => {
    const birth = sample.procedures.find((procedure) => procedure.id === 'tthc-1.001193');
    if (!birth) throw new Error('sample without tthc-1.001193');
    const karaoke = { ...birth, id: 'tthc-9.000001', code: '9.000001', name: 'Cấp giấy phép kinh doanh karaoke' };
    db.transaction(() => createCatalogueStore(db).applyChanges([{ op: 'upsert', id: karaoke.id, record: { type: 'procedure', data: karaoke } }]))();
    search.invalidate();
    try {
      expect(topIds('kinh doanh karao')[0]).toBe(karaoke.id);
      expect(topIds('karaoek')).toEqual([karaoke.id]);
    } finally {
      db.transaction(() => createCatalogueStore(db).applyChanges([{ op: 'delete', type: 'procedure', id: karaoke.id }]))();
      search.invalidate();
    }
    expect(find('karaoke').total).toBe(0);
  });

  it('finds nothing for words unlike anything in the catalogue', () => {
    expect(find('xyzzyqwv')).toEqual({ items: [], total: 0 });
  });
});

describe('scoring by relevance', () => {
  const names = (query: string) => find(query).items.map((item) => item.name);

  it('puts the plain procedure before its variants, unless the query names the variant', () => {
    expect(names('đăng ký kết hôn')[0]).toBe('Thủ tục đăng ký kết hôn');
    expect(names('đăng ký kết hôn có yếu tố nước ngoài')[0]).toBe('Thủ tục đăng ký kết hôn có yếu tố nước ngoài');
    expect(names('đăng ký khai sinh')[0]).toBe('Thủ tục đăng ký khai sinh');
  });

  it('ranks partial matches by how much of the query they cover: a word no name has keeps nothing out', () => {
    const partial = find('đăng ký khai sinh abcxyz');
    expect(partial.items[0]?.id).toBe('tthc-1.001193');
    // Scores fall with what a result leaves of the query uncovered.
    const scores = partial.items.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('weighs fillers so little that they never decide: "làm … cho con ở đâu" finds the same as without them', () => {
    expect(topIds('làm giấy khai sinh cho con ở đâu')[0]).toBe(topIds('giấy khai sinh')[0]);
  });

  it('weighs rare words above common ones: "cấp" hardly counts beside "hộ chiếu"', () => {
    expect(topIds('cấp hộ chiếu')[0]).toBe('tthc-1.001456');
  });

  it('applies the province\'s everyday names from the feed the same way as the shipped ones', () => {
    const store = createCatalogueStore(db);
    const entry: ValidChange = {
      op: 'upsert',
      id: 'the-xanh',
      record: { type: 'everydayName', data: { id: 'the-xanh', phrase: 'giấy báo sinh', means: ['đăng ký khai sinh'] } },
    };
    db.transaction(() => store.applyChanges([entry]))();
    search.invalidate();
    try {
      expect(topIds('giấy báo sinh')[0]).toBe('tthc-1.001193');
    } finally {
      db.transaction(() => store.applyChanges([{ op: 'delete', type: 'everydayName', id: 'the-xanh' }]))();
      search.invalidate();
    }
  });
});

describe('catalogue browsing and filters', () => {
  it('lists the whole catalogue in code order for an empty query, paged', () => {
    const all = search.search({ query: '', filters: {}, limit: 100, offset: 0 });
    expect(all.total).toBe(sample.procedures.length);
    expect(all.items.map((item) => item.code)).toEqual(sample.procedures.map((p) => p.code).sort());
    const second = search.search({ query: '', filters: {}, limit: 10, offset: 10 });
    expect(second.items).toEqual(all.items.slice(10, 20));
  });

  it('filters by level, field, agency and online filing, with names for the summaries', () => {
    const provincial = find('', { level: 'tinh' });
    expect(provincial.total).toBe(sample.procedures.filter((p) => p.levels.includes('tinh')).length);
    expect(provincial.items.every((item) => item.levels.includes('tinh'))).toBe(true);
    const civil = find('dang ky', { field: 'ho-tich' });
    expect(civil.items.length).toBeGreaterThan(0);
    expect(civil.items.every((item) => item.field === 'ho-tich' && item.fieldName === 'Hộ tịch')).toBe(true);
    const police = find('', { agency: 'cong-an-tinh' });
    expect(police.items.every((item) => item.agencyId === 'cong-an-tinh' && item.agencyName.length > 0)).toBe(true);
    const online = find('', { online: true });
    expect(online.total).toBe(sample.procedures.filter((p) => p.onlineLevel === 'toan_trinh' || p.onlineLevel === 'mot_phan').length);
  });

  it('counts procedures per level, field and agency under the filters', () => {
    const facets = search.facets({});
    expect(facets.levels.reduce((sum, level) => sum + level.count, 0)).toBe(sample.procedures.length);
    expect(facets.fields.find((field) => field.id === 'ho-tich')).toEqual({
      id: 'ho-tich',
      name: 'Hộ tịch',
      count: sample.procedures.filter((p) => p.field === 'ho-tich').length,
    });
    const commune = search.facets({ level: 'xa' });
    expect(commune.levels).toEqual([{ level: 'xa', count: sample.procedures.filter((p) => p.levels.includes('xa')).length }]);
  });
});

describe('a procedure in detail', () => {
  it('carries its agency, field, portal link and the locations', () => {
    const detail = search.procedure('tthc-1.001193');
    expect(detail).toMatchObject({
      code: '1.001193',
      agency: { id: 'ubnd-xa' },
      fieldInfo: { id: 'ho-tich', name: 'Hộ tịch' },
      portalUrl: `${PORTAL_PROCEDURE_URL}1.001193`,
    });
    expect(detail?.locations).toHaveLength(sample.locations.length);
    expect(PORTAL_PROCEDURE_URL).toBe('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=');
  });

  it('is null for an unknown id', () => {
    expect(search.procedure('tthc-0.000000')).toBeNull();
  });
});
