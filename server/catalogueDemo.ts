/**
 * The demo catalogue: a real province's size and mess, the national catalogue at provincial and commune level
 * (server/fixtures/catalogue-national.json.gz, a gzip of the project material's fixtures/catalogue-national.json,
 * 13 MB as JSON, 1.2 MB shipped), with the 48 hand-checked sample records taking precedence where their ids meet,
 * and the sample's demo service locations. Shipped with the server, read at run time: `npm start` needs nothing
 * beside the checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type Catalogue, type CatalogueFileImport, importCatalogueFile } from './catalogueFile';
import { loadSampleCatalogue } from './catalogueSample';

export const NATIONAL_CATALOGUE_FILE = new URL('./fixtures/catalogue-national.json.gz', import.meta.url);
/**
 * Where the file is when this module runs bundled into the Electron app's out/main (its demo mode): the app's root
 * holds server/fixtures, packed by build/electron-builder.config.ts.
 */
const BUNDLED_NATIONAL_CATALOGUE_FILE = new URL('../../server/fixtures/catalogue-national.json.gz', import.meta.url);

let national: CatalogueFileImport | undefined;
/** The national catalogue as the server reads any catalogue file, once per process. */
export function loadNationalCatalogue(): CatalogueFileImport {
  const file = [NATIONAL_CATALOGUE_FILE, BUNDLED_NATIONAL_CATALOGUE_FILE].find((candidate) => existsSync(candidate)) ?? NATIONAL_CATALOGUE_FILE;
  national ??= importCatalogueFile(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')));
  return national;
}

/** Records of `base` in its order, each replaced by the record of `preferred` with its id, then the rest of `preferred`. */
function preferring<T extends { id: string }>(base: readonly T[], preferred: readonly T[]): T[] {
  const byId = new Map(preferred.map((record) => [record.id, record]));
  const merged = base.map((record) => byId.get(record.id) ?? record);
  const present = new Set(base.map((record) => record.id));
  return [...merged, ...preferred.filter((record) => !present.has(record.id))];
}

let demo: Catalogue | undefined;
export function loadDemoCatalogue(): Catalogue {
  if (!demo) {
    const { catalogue } = loadNationalCatalogue();
    const sample = loadSampleCatalogue();
    demo = {
      agencies: preferring(catalogue.agencies, sample.agencies),
      fields: preferring(catalogue.fields, sample.fields),
      procedures: preferring(catalogue.procedures, sample.procedures),
      locations: sample.locations,
      everydayNames: catalogue.everydayNames,
    };
  }
  return demo;
}
