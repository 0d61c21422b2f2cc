// The synthetic catalogue benchmarks seed the server with: deterministic, valid, unique, any size.
import { describe, expect, it } from 'vitest';
import { Procedure } from '../../shared/api/catalogue';
import { generateCatalogue, MAX_SYNTHETIC_PROCEDURES } from '../../server/catalogueGenerator';
import { loadSampleCatalogue } from '../../server/catalogueSample';

const sample = loadSampleCatalogue();

describe('generateCatalogue', () => {
  it('gives the same records for the same seed, and other records for another seed', () => {
    const first = generateCatalogue({ procedures: 300, seed: 42 });
    expect(generateCatalogue({ procedures: 300, seed: 42 })).toEqual(first);
    const other = generateCatalogue({ procedures: 300, seed: 43 });
    expect(other.procedures.map(({ code }) => code)).not.toEqual(first.procedures.map(({ code }) => code));
    expect(other.procedures.map(({ name }) => name)).not.toEqual(first.procedures.map(({ name }) => name));
  });

  it('makes 10,000 schema-valid procedures with unique ids and codes, in the sample\'s fields and agencies', () => {
    const { procedures, fields, agencies } = generateCatalogue({ procedures: 10_000, seed: 7 });
    expect(procedures).toHaveLength(10_000);
    expect(new Set(procedures.map(({ id }) => id)).size).toBe(10_000);
    expect(new Set(procedures.map(({ code }) => code)).size).toBe(10_000);
    const fieldIds = new Set(fields.map(({ id }) => id));
    const agencyIds = new Set(agencies.map(({ id }) => id));
    for (const procedure of procedures) {
      expect(Procedure.safeParse(procedure).success).toBe(true);
      expect(fieldIds.has(procedure.field) && agencyIds.has(procedure.agencyId)).toBe(true);
    }
    // Recombined, not copied: far more distinct names than the sample's 48.
    expect(new Set(procedures.map(({ name }) => name)).size).toBeGreaterThan(1_000);
  }, 60_000);

  it('writes names as a verb and an object from the sample, in Vietnamese', () => {
    const { procedures } = generateCatalogue({ procedures: 200, seed: 1 });
    for (const { name } of procedures) {
      expect(name).toMatch(/^(Cấp|Cấp lại|Cấp đổi|Đăng ký|Đăng ký thay đổi|Điều chỉnh|Gia hạn|Xác nhận|Thu hồi) \S/u);
    }
  });

  it('serves the sample\'s organisation: agencies, fields and locations', () => {
    const { agencies, fields, locations } = generateCatalogue({ procedures: 1, seed: 1 });
    expect({ agencies, fields, locations }).toEqual({ agencies: sample.agencies, fields: sample.fields, locations: sample.locations });
  });

  it('refuses a size it cannot give unique codes to', () => {
    expect(() => generateCatalogue({ procedures: MAX_SYNTHETIC_PROCEDURES + 1 })).toThrow(RangeError);
    expect(() => generateCatalogue({ procedures: -1 })).toThrow(RangeError);
    expect(() => generateCatalogue({ procedures: 2.5 })).toThrow(RangeError);
  });
});
