/**
 * The procedure catalogue (thủ tục hành chính) as the central server publishes it and the kiosk caches it: agencies,
 * fields (lĩnh vực), procedures and service locations, and the change feed the kiosk syncs from. Shapes follow the
 * sample catalogue (shared/fixtures/catalogue-sample.json, kept in server/fixtures/) and domain.md sections 3, 6, 7.
 * Limits here are what the kiosk accepts from a server: a larger record is a broken or hostile server. They are set
 * from the national catalogue (shared/fixtures/catalogue-national.json, 1,601 procedures) with headroom; its
 * longest texts and arrays, measured 2026-12, are in the comments (CATALOGUE_LIMITS below holds the numbers).
 */
import { z } from 'zod';
import { API_PREFIX } from './gateway';

const id = z.string().min(1).max(80).regex(/^[\p{L}\p{N}._:-]+$/u);
const text = (max: number) => z.string().max(max);

/** cấp tỉnh, cấp xã; cấp huyện only in data from before 01/07/2025. */
export const Level = z.enum(['tinh', 'huyen', 'xa']);
export type Level = z.infer<typeof Level>;

export const Channel = z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh']);
export type Channel = z.infer<typeof Channel>;

export const TimeUnit = z.enum(['ngay_lam_viec', 'ngay', 'gio']);

/** Online level per ND 42/2022: full process (toàn trình), partial (một phần), information only. */
export const OnlineLevel = z.enum(['toan_trinh', 'mot_phan', 'thong_tin']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

export const Agency = z.object({
  id,
  name: text(300).min(1),
  type: text(60),
  level: Level.nullable(),
  status: z.enum(['active', 'merged', 'abolished']).default('active'),
  mergedInto: id.nullable().optional(),
  parent: id.nullable().optional(),
  note: text(1000).nullable().optional(),
});
export type Agency = z.infer<typeof Agency>;

export const Field = z.object({
  id,
  name: text(300).min(1),
  nameEn: text(300).nullable().optional(),
  ministryCode: text(16).nullable().optional(),
});
export type Field = z.infer<typeof Field>;

/**
 * Longest texts and largest arrays a record may hold. National maxima (1,601 procedures): name 1,094 characters;
 * 28 steps, a step 14,907; 94 documents, a document's name 4,944, its case 299; a condition 20,000 (the source's own
 * cut-off); a result's name 847; a method's time text and fee 5,346; 28 legal bases; 14 subjects of up to 41
 * characters; decisions of 17; a record of 79 KB of JSON. Each limit is about one and a half times the maximum or more.
 */
export const CATALOGUE_LIMITS = {
  procedureName: 2000,
  step: 25_000,
  steps: 100,
  documents: 200,
  documentName: 8000,
  documentCase: 1000,
  condition: 30_000,
  conditions: 50,
  resultName: 2000,
  methodText: 8000,
  subject: 300,
  subjects: 30,
  decision: 200,
} as const;
const limits = CATALOGUE_LIMITS;

export const Method = z.object({
  channel: Channel,
  /** Units are messy in the national data: keep the value, the unit when known and the source's own words. */
  time: z.object({ value: z.number().nonnegative().max(3650).nullable(), unit: TimeUnit.nullable(), text: text(limits.methodText).optional() }),
  fee: text(limits.methodText).nullable(),
});
export type Method = z.infer<typeof Method>;

export const RequiredDocument = z.object({
  name: text(limits.documentName).min(1),
  /** Counts of bản chính (original) and bản sao (copy). */
  original: z.number().int().min(0).max(50),
  copy: z.number().int().min(0).max(50),
  note: text(500).optional(),
  /** The case (trường hợp) the document belongs to; absent for documents every case needs. */
  case: text(limits.documentCase).optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const Procedure = z.object({
  id,
  /** National code d.dddddd (1.001193), with case suffixes where they exist. */
  code: z.string().regex(/^\d\.\d{6}(\.\d{2})?$/),
  name: text(limits.procedureName).min(1),
  /**
   * Every level the procedure is done at: 238 national procedures are done at both provincial and commune level.
   * Replaces the single `level` of earlier versions (cache migration 004 converts cached records).
   */
  levels: z.array(Level).min(1).max(Level.options.length),
  levelBefore2025: Level.nullable().optional(),
  field: id,
  agencyId: id,
  ministry: text(16).nullable().optional(),
  methods: z.array(Method).max(10),
  methodsAvailable: z.array(Channel).max(3),
  feeSummary: text(2000).nullable().optional(),
  onlineLevel: OnlineLevel.nullable(),
  documents: z.array(RequiredDocument).max(limits.documents),
  steps: z.array(text(limits.step)).max(limits.steps),
  conditions: z.array(text(limits.condition)).max(limits.conditions).optional(),
  result: z.object({ name: text(limits.resultName), code: text(40).nullable().optional() }).nullable(),
  legalBasis: z.array(z.object({ ref: text(500), inSourceRecord: z.boolean().optional() })).max(100),
  /** Filed at any location regardless of residence (phi địa giới). Unknown (null) where the province's list is missing. */
  nonGeographic: z.boolean().nullable(),
  /** Who may file it (đối tượng thực hiện): "Công dân Việt Nam", "Doanh nghiệp", "Người nước ngoài"… */
  subjects: z.array(text(limits.subject).min(1)).max(limits.subjects).optional(),
  /** The decision that published it (quyết định công bố), e.g. "163/QĐ-BTP". */
  decision: text(limits.decision).nullable().optional(),
  /** Extra search terms: everyday names citizens use (e.g. "giấy khai sinh" for the birth registration). */
  keywords: z.array(text(100)).max(50).optional(),
});
export type Procedure = z.infer<typeof Procedure>;

/** Where citizens are served: the province's centre, its branches and commune reception points. */
export const Location = z.object({
  id,
  name: text(300).min(1),
  kind: z.enum(['centre', 'branch', 'reception_point']),
  address: text(500),
  parent: id.nullable(),
  openingHours: text(300).nullable().optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * An everyday name the province adds to the kiosk's dictionary (shared/text/dictionary.ts): what citizens say or
 * type, and the official words it stands for. The kiosk applies it to every search the same way as the shipped
 * entries; a province entry with a shipped entry's phrase replaces it.
 */
export const EverydayName = z.object({
  id,
  /** As citizens write it, e.g. "sổ đỏ", "CCCD", "hộ khẩu". */
  phrase: text(100).min(1),
  /** Official words it stands for, any of them: ["giấy chứng nhận quyền sử dụng đất"]; empty for a filler word. */
  means: z.array(text(200).min(1)).max(10),
  note: text(500).nullable().optional(),
});
export type EverydayName = z.infer<typeof EverydayName>;

export const catalogueRecordSchemas = { agency: Agency, field: Field, procedure: Procedure, location: Location, everydayName: EverydayName } as const;
export type CatalogueRecordType = keyof typeof catalogueRecordSchemas;
const recordType = z.enum(['agency', 'field', 'procedure', 'location', 'everydayName']);

/** Largest page the kiosk asks for, and largest record it accepts, in bytes of JSON. */
export const MAX_CHANGES_PAGE = 500;
/** The page size a server uses when the kiosk sends no `limit`. */
export const DEFAULT_CHANGES_PAGE = 200;
export const MAX_RECORD_BYTES = 256 * 1024;

export const CatalogueChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), type: recordType, id, data: z.unknown() }),
  z.object({ op: z.literal('delete'), type: recordType, id }),
]);
export type CatalogueChange = z.infer<typeof CatalogueChange>;

/** `GET /api/v1/catalogue/changes?since=<cursor>&limit=<n>`. Each record's `data` is checked by its own schema. */
export const CatalogueChangesPage = z.object({
  changes: z.array(CatalogueChange).max(MAX_CHANGES_PAGE),
  cursor: z.string().min(1).max(200),
  hasMore: z.boolean(),
});
export type CatalogueChangesPage = z.infer<typeof CatalogueChangesPage>;

/** The admin API's collection of each record type. */
export const adminCollection = {
  agency: 'agencies',
  field: 'fields',
  procedure: 'procedures',
  location: 'locations',
  everydayName: 'everyday-names',
} as const satisfies Record<CatalogueRecordType, string>;

/** Largest catalogue file the admin bulk import takes, in bytes of JSON (the national catalogue is 13 MB). */
export const MAX_CATALOGUE_IMPORT_BYTES = 64 * 1024 * 1024;

const fileRecords = (type: string) =>
  z.array(z.unknown()).max(1_000_000).describe(`${type} records; each is checked on its own by its schema, and refused alone`);
/**
 * A catalogue file, the body of a bulk import and the file `npm run central -- --catalogue` serves: the outline
 * only, its records checked one by one (a bad record is reported, the rest imported). The national catalogue's
 * conventions are taken too: a procedure's single `level` and its `subjects` as one comma-separated text.
 */
export const CatalogueFile = z.object({
  meta: z.unknown().optional(),
  agencies: fileRecords('Agency').default([]),
  fields: fileRecords('Field').default([]),
  procedures: fileRecords('Procedure'),
  locations: fileRecords('Location').default([]),
  everydayNames: fileRecords('EverydayName').default([]),
});
export type CatalogueFile = z.input<typeof CatalogueFile>;

/**
 * The answer to a bulk import (`POST /api/v1/admin/catalogue/import`, a body shaped as a catalogue file): what the
 * file held that the schemas accept, how many of those changed the catalogue, and each refused record with why.
 */
export const CatalogueImportReport = z.object({
  accepted: z.object({
    agencies: z.number().int().min(0),
    fields: z.number().int().min(0),
    procedures: z.number().int().min(0),
    locations: z.number().int().min(0),
    everydayNames: z.number().int().min(0),
  }),
  /** Accepted records new or different from the stored ones: kiosks fetch these at their next sync. */
  written: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  refused: z.array(z.object({ type: recordType, id: z.string(), reason: z.string() })),
});
export type CatalogueImportReport = z.infer<typeof CatalogueImportReport>;

export const cataloguePaths = {
  changes: `${API_PREFIX}/catalogue/changes`,
  adminImport: `${API_PREFIX}/admin/catalogue/import`,
  adminRecord: (type: CatalogueRecordType, recordId: string) =>
    `${API_PREFIX}/admin/${adminCollection[type]}/${encodeURIComponent(recordId)}`,
} as const;
