/**
 * A synthetic catalogue for benchmarks: any number of procedures recombined from the sample's vocabulary (verbs,
 * the results they issue as objects, their fields, agencies, documents and steps), deterministic for a seed, valid
 * against the shared schemas, with unique ids and codes. The organisation (agencies, fields, locations) is the
 * sample's: a province has one, however many procedures it publishes.
 */
import { Procedure } from '../shared/api/catalogue';
import type { Catalogue } from './catalogueFile';
import { loadDemoCatalogue } from './catalogueDemo';
import { loadSampleCatalogue } from './catalogueSample';

export interface SyntheticCatalogueOptions {
  procedures: number;
  seed?: number;
}

/** Codes are d.dddddd: six digits under each of the leading digits 1-9. */
export const MAX_SYNTHETIC_PROCEDURES = 9_000_000;

const verbs = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Đăng ký', 'Đăng ký thay đổi', 'Điều chỉnh', 'Gia hạn', 'Xác nhận', 'Thu hồi'];
const qualifiers: readonly { text: string; levels?: Procedure['levels'] }[] = [
  { text: '' },
  { text: '' },
  { text: ' (thực hiện tại cấp tỉnh)', levels: ['tinh'] },
  { text: ' (thực hiện tại cấp xã)', levels: ['xa'] },
  { text: ' (thực hiện tại cấp tỉnh và cấp xã)', levels: ['tinh', 'xa'] },
  { text: ' cho người nước ngoài' },
  { text: ' trong trường hợp bị mất, bị hỏng' },
  { text: ' cho hộ gia đình, cá nhân' },
  { text: ' đối với tổ chức, doanh nghiệp' },
];
const onlineLevels: Procedure['onlineLevel'][] = [null, 'mot_phan', 'toan_trinh'];
const nonGeographic: Procedure['nonGeographic'][] = [null, true, false];

/** A seeded PRNG (mulberry32): small, fast and the same on every platform, so a seed gives the same data anywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** "Giấy phép lái xe" inside a sentence is "giấy phép lái xe"; an abbreviation ("GCN") stays as it is. */
const sentenceCase = (text: string): string => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

export function generateCatalogue({ procedures: count, seed = 1 }: SyntheticCatalogueOptions): Catalogue {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_PROCEDURES) {
    throw new RangeError(`procedures must be a whole number from 0 to ${MAX_SYNTHETIC_PROCEDURES}`);
  }
  const sample = loadSampleCatalogue();
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sources = sample.procedures.filter((procedure) => procedure.result !== null);
  const allDocuments = sample.procedures.flatMap((procedure) => procedure.documents);
  // A permutation of 0..999999 (7919 is prime to 10^6), shifted by the seed: codes look scattered, never repeat.
  const codeOffset = Math.floor(random() * 1_000_000);

  const procedures = Array.from({ length: count }, (_, index): Procedure => {
    const source = pick(sources);
    const qualifier = pick(qualifiers);
    const code = `${1 + Math.floor(index / 1_000_000)}.${String(((index % 1_000_000) * 7919 + codeOffset) % 1_000_000).padStart(6, '0')}`;
    const object = source.result?.name ?? source.name;
    const name = `${pick(verbs)} ${sentenceCase(object)}${qualifier.text}`;
    const extraDocuments = Array.from({ length: Math.floor(random() * 4) }, () => pick(allDocuments));
    const documents = [...new Map([...source.documents, ...extraDocuments].map((document) => [document.name, document])).values()];
    return Procedure.parse({
      ...source,
      id: `tthc-${code}`,
      code,
      name,
      levels: qualifier.levels ?? source.levels,
      documents,
      onlineLevel: pick(onlineLevels),
      nonGeographic: pick(nonGeographic),
      result: { name: object, code: null },
    });
  });
  return { agencies: sample.agencies, fields: sample.fields, locations: sample.locations, procedures, everydayNames: [] };
}

/**
 * Which catalogue a server seeds: the 48 hand-checked procedures (tests), the demo (the national catalogue with the
 * sample's records taking precedence), a synthetic one of a given size (benchmarks), or one read from a file.
 */
export type CatalogueChoice = 'sample' | 'demo' | { synthetic: number; seed?: number } | { records: Catalogue };

export function seedCatalogue(choice: CatalogueChoice): Catalogue {
  if (choice === 'sample') return loadSampleCatalogue();
  if (choice === 'demo') return loadDemoCatalogue();
  if ('records' in choice) return choice.records;
  return generateCatalogue({ procedures: choice.synthetic, seed: choice.seed });
}
