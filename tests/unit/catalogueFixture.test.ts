// The demo catalogue the reference server seeds: the sample fixture mapped to the shared schemas, keeping every id.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Agency, Field, Location, Procedure } from '../../shared/api/catalogue';
import { loadSampleCatalogue, mapSampleCatalogue } from '../../server/catalogueSample';

interface RawSample {
  agencies: { id: string; status: string; mergedInto?: string | string[] | null }[];
  fields: { id: string }[];
  procedures: { id: string; code: string; name: string; nonGeographic: { binhDuong: boolean | null; national?: boolean } }[];
}
const readSample = (): RawSample =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../server/fixtures/catalogue-sample.json'), 'utf8')) as RawSample;

const catalogue = loadSampleCatalogue();

describe('the sample catalogue mapping', () => {
  it('keeps every agency, field and procedure id of the fixture, in its order', () => {
    const raw = readSample();
    expect(catalogue.agencies.map(({ id }) => id)).toEqual(raw.agencies.map(({ id }) => id));
    expect(catalogue.fields.map(({ id }) => id)).toEqual(raw.fields.map(({ id }) => id));
    expect(catalogue.procedures.map(({ id }) => id)).toEqual(raw.procedures.map(({ id }) => id));
    expect(catalogue.procedures.map(({ code }) => code)).toEqual(raw.procedures.map(({ code }) => code));
    expect([catalogue.agencies.length, catalogue.fields.length, catalogue.procedures.length]).toEqual([30, 19, 48]);
  });

  it('yields records every schema accepts as they are, without the research-only keys', () => {
    for (const agency of catalogue.agencies) expect(Agency.parse(agency)).toEqual(agency);
    for (const field of catalogue.fields) expect(Field.parse(field)).toEqual(field);
    for (const procedure of catalogue.procedures) expect(Procedure.parse(procedure)).toEqual(procedure);
    for (const location of catalogue.locations) expect(Location.parse(location)).toEqual(location);
    const keys = new Set(catalogue.procedures.flatMap((procedure) => Object.keys(procedure)));
    for (const researchKey of ['sources', 'uncertain', 'uncertainFields', 'levelNote', 'level']) expect(keys).not.toContain(researchKey);
    // The decision that published a procedure is the schema's now, kept where the sample names it.
    expect(catalogue.procedures.find((procedure) => procedure.id === 'tthc-1.001193')).toMatchObject({ decision: '163/QĐ-BTP', levels: ['xa'] });
  });

  it('keeps the time text of a method whose time the source words loosely', () => {
    const texts = catalogue.procedures.flatMap((procedure) => procedure.methods.flatMap((method) => method.time.text ?? []));
    expect(texts).toContain('trong ngày nếu hồ sơ hợp lệ nhận trước 15 giờ; tối đa 03 ngày làm việc');
  });

  it('maps the research statuses onto active, merged and abolished, keeping a single successor', () => {
    const byId = new Map(catalogue.agencies.map((agency) => [agency.id, agency]));
    expect(byId.get('so-nong-nghiep-moi-truong')).toMatchObject({ status: 'active' });
    expect(byId.get('so-ke-hoach-dau-tu')).toMatchObject({ status: 'merged', mergedInto: 'so-tai-chinh' });
    // Split among three departments: no single successor, the note says where each part went.
    expect(byId.get('so-lao-dong-tbxh')).toMatchObject({ status: 'abolished', mergedInto: null });
    expect(byId.get('so-lao-dong-tbxh')?.note).toContain('Nội vụ');
    expect(byId.get('chi-nhanh-pvhcc')).toMatchObject({ status: 'abolished' });
  });

  it('knows a procedure is filed anywhere only when a list says so, and leaves the rest unknown', () => {
    const raw = readSample();
    const national = raw.procedures.filter(({ nonGeographic }) => nonGeographic.national === true).map(({ id }) => id);
    expect(national.length).toBeGreaterThan(0);
    for (const procedure of catalogue.procedures) expect(procedure.nonGeographic).toBe(national.includes(procedure.id) ? true : null);
  });

  it('refers only to agencies and fields it has', () => {
    const agencies = new Set(catalogue.agencies.map(({ id }) => id));
    const fields = new Set(catalogue.fields.map(({ id }) => id));
    for (const procedure of catalogue.procedures) {
      expect(agencies, procedure.id).toContain(procedure.agencyId);
      expect(fields, procedure.id).toContain(procedure.field);
    }
    for (const agency of catalogue.agencies) {
      for (const other of [agency.parent, agency.mergedInto]) if (other) expect(agencies, agency.id).toContain(other);
    }
  });

  it('adds no keywords of its own: everyday names are the kiosk dictionary\'s, the same for every catalogue', () => {
    expect(catalogue.procedures.filter((procedure) => procedure.keywords !== undefined)).toEqual([]);
  });

  it("adds the city's centre and its ward and commune centres as of 2026: no district branch, no legacy name", () => {
    const [top, ...local] = catalogue.locations;
    expect(top).toMatchObject({ kind: 'centre', parent: null, name: 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh' });
    expect(local.length).toBeGreaterThanOrEqual(4);
    expect(local.some(({ name }) => name.includes(' xã '))).toBe(true);
    const ids = new Set(catalogue.locations.map(({ id }) => id));
    expect(ids.size).toBe(catalogue.locations.length);
    for (const location of local) {
      expect(location).toMatchObject({ kind: 'centre', parent: top?.id });
      expect(location.name).toMatch(/^Trung tâm Phục vụ hành chính công (phường|xã) \p{Lu}/u);
    }
    for (const location of catalogue.locations) {
      expect(location.address).toMatch(/, Thành phố Hồ Chí Minh$/u);
      // Units that no longer exist since 01/07/2025: the province, its cities and districts, district branches.
      expect(`${location.name} ${location.address}`).not.toMatch(/Bình Dương|Thủ Dầu Một|Thuận An|quận|huyện|thị xã|thành phố (?!Hồ Chí Minh)|Chi nhánh|tỉnh/iu);
    }
  });

  it('refuses a fixture record the schemas refuse, naming the record', () => {
    const raw = readSample();
    raw.procedures[3]!.code = '1.23';
    expect(() => mapSampleCatalogue(raw)).toThrow(raw.procedures[3]!.id);
  });

  it('refuses an agency status it does not know how to map', () => {
    const raw = readSample();
    raw.agencies[0]!.status = 'renamed_2026';
    expect(() => mapSampleCatalogue(raw)).toThrow(/status/);
  });
});
