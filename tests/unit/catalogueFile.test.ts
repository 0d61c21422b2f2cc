import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDemoCatalogue, loadNationalCatalogue, NATIONAL_CATALOGUE_FILE } from '../../server/catalogueDemo';
import { importCatalogueFile, splitSubjects } from '../../server/catalogueFile';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import { underCi } from '../support/ci';

const sample = loadSampleCatalogue();
const birth = sample.procedures.find((procedure) => procedure.id === 'tthc-1.001193');
const agency = sample.agencies.find((candidate) => candidate.id === birth?.agencyId);
const field = sample.fields.find((candidate) => candidate.id === birth?.field);

describe('a catalogue file read record by record', () => {
  it('splits the subjects text at commas outside brackets', () => {
    expect(splitSubjects('Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam, Người nước ngoài')).toEqual([
      'Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'Công dân Việt Nam',
      'Người nước ngoài',
    ]);
  });

  it('takes the national file\'s conventions: a single level, subjects as one text', () => {
    const { levels: _levels, ...rest } = birth as NonNullable<typeof birth>;
    const { catalogue, refused } = importCatalogueFile({
      agencies: [agency],
      fields: [field],
      procedures: [{ ...rest, level: 'xa', subjects: 'Công dân Việt Nam, Người nước ngoài', source: 'crawl/1.001193.json' }],
    });
    expect(refused).toEqual([]);
    expect(catalogue.procedures[0]).toMatchObject({ levels: ['xa'], subjects: ['Công dân Việt Nam', 'Người nước ngoài'] });
    expect(catalogue.procedures[0]).not.toHaveProperty('source');
  });

  it('refuses a record past a limit, one under a missing agency and a repeated id, keeping the rest', () => {
    const procedure = birth as NonNullable<typeof birth>;
    const { catalogue, refused } = importCatalogueFile({
      agencies: [agency],
      fields: [field],
      procedures: [
        procedure,
        { ...procedure, id: 'p-long', name: 'x'.repeat(2001) },
        { ...procedure, id: 'p-orphan', agencyId: 'co-quan-khac' },
        procedure,
      ],
    });
    expect(catalogue.procedures.map((kept) => kept.id)).toEqual([procedure.id]);
    expect(refused).toEqual([
      { type: 'procedure', id: 'p-long', reason: 'is not a valid record at name: Too big: expected string to have <=2000 characters' },
      { type: 'procedure', id: procedure.id, reason: 'repeats an id given earlier in the file' },
      { type: 'procedure', id: 'p-orphan', reason: 'names agency co-quan-khac, which the catalogue does not hold' },
    ]);
  });

  it('throws for a file without a procedures list', () => {
    expect(() => importCatalogueFile({ agencies: [] })).toThrow(/^not a catalogue file/);
  });
});

describe('the national and demo catalogues', () => {
  it('accepts every record of the national catalogue under the schema\'s limits', () => {
    const { catalogue, refused } = loadNationalCatalogue();
    expect(refused).toEqual([]);
    expect(catalogue.procedures).toHaveLength(1601);
    expect(catalogue.procedures.filter((procedure) => procedure.levels.length === 2)).toHaveLength(238);
  });

  it('serves the national catalogue with the sample\'s hand-checked records in place of theirs, and the sample\'s locations', () => {
    const demo = loadDemoCatalogue();
    const ids = new Set(loadNationalCatalogue().catalogue.procedures.map((procedure) => procedure.id));
    for (const id of sample.procedures.map((procedure) => procedure.id)) ids.add(id);
    expect(demo.procedures.map((procedure) => procedure.id).sort()).toEqual([...ids].sort());
    expect(demo.procedures.find((procedure) => procedure.id === 'tthc-1.001193')).toEqual(birth);
    expect(demo.locations).toEqual(sample.locations);
  });
});

describe('the shipped national catalogue', () => {
  // The project material beside the checkout (CI has it, so there the check always runs); a clone without it has only
  // the shipped copy.
  const material = new URL('../../../shared/fixtures/catalogue-national.json', import.meta.url);
  it.skipIf(!existsSync(material) && !underCi)('is the project material\'s fixtures/catalogue-national.json, gzipped', () => {
    expect(gunzipSync(readFileSync(NATIONAL_CATALOGUE_FILE)).equals(readFileSync(material))).toBe(true);
  });
});
