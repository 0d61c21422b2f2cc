/**
 * The procedure catalogue (thủ tục hành chính) as the central server publishes it and the kiosk caches it: agencies,
 * fields (lĩnh vực), procedures and service locations, and the change feed the kiosk syncs from. Shapes follow the
 * sample catalogue (shared/fixtures/catalogue-sample.json, kept in server/fixtures/) and domain.md sections 3, 6, 7.
 * Limits here are what the kiosk accepts from a server: a larger record is a broken or hostile server.
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

export const Method = z.object({
  channel: Channel,
  /** Units are messy in the national data: keep the value, the unit when known and the source's own words. */
  time: z.object({ value: z.number().nonnegative().max(3650).nullable(), unit: TimeUnit.nullable(), text: text(500).optional() }),
  fee: text(1000).nullable(),
});
export type Method = z.infer<typeof Method>;

export const RequiredDocument = z.object({
  name: text(1000).min(1),
  /** Counts of bản chính (original) and bản sao (copy). */
  original: z.number().int().min(0).max(50),
  copy: z.number().int().min(0).max(50),
  note: text(500).optional(),
  /** The case (trường hợp) the document belongs to; absent for documents every case needs. */
  case: text(300).optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const Procedure = z.object({
  id,
  /** National code d.dddddd (1.001193), with case suffixes where they exist. */
  code: z.string().regex(/^\d\.\d{6}(\.\d{2})?$/),
  name: text(500).min(1),
  level: Level,
  levelBefore2025: Level.nullable().optional(),
  field: id,
  agencyId: id,
  ministry: text(16).nullable().optional(),
  methods: z.array(Method).max(10),
  methodsAvailable: z.array(Channel).max(3),
  feeSummary: text(2000).nullable().optional(),
  onlineLevel: OnlineLevel.nullable(),
  documents: z.array(RequiredDocument).max(200),
  steps: z.array(text(2000)).max(100),
  conditions: z.array(text(2000)).max(50).optional(),
  result: z.object({ name: text(500), code: text(40).nullable().optional() }).nullable(),
  legalBasis: z.array(z.object({ ref: text(500), inSourceRecord: z.boolean().optional() })).max(100),
  /** Filed at any location regardless of residence (phi địa giới). Unknown (null) where the province's list is missing. */
  nonGeographic: z.boolean().nullable(),
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

export const catalogueRecordSchemas = { agency: Agency, field: Field, procedure: Procedure, location: Location } as const;
export type CatalogueRecordType = keyof typeof catalogueRecordSchemas;

/** Largest page the kiosk asks for, and largest record it accepts, in bytes of JSON. */
export const MAX_CHANGES_PAGE = 500;
/** The page size a server uses when the kiosk sends no `limit`. */
export const DEFAULT_CHANGES_PAGE = 200;
export const MAX_RECORD_BYTES = 256 * 1024;

export const CatalogueChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), type: z.enum(['agency', 'field', 'procedure', 'location']), id, data: z.unknown() }),
  z.object({ op: z.literal('delete'), type: z.enum(['agency', 'field', 'procedure', 'location']), id }),
]);
export type CatalogueChange = z.infer<typeof CatalogueChange>;

/** `GET /api/v1/catalogue/changes?since=<cursor>&limit=<n>`. Each record's `data` is checked by its own schema. */
export const CatalogueChangesPage = z.object({
  changes: z.array(CatalogueChange).max(MAX_CHANGES_PAGE),
  cursor: z.string().min(1).max(200),
  hasMore: z.boolean(),
});
export type CatalogueChangesPage = z.infer<typeof CatalogueChangesPage>;

export const cataloguePaths = {
  changes: `${API_PREFIX}/catalogue/changes`,
  adminRecord: (type: CatalogueRecordType, recordId: string) =>
    `${API_PREFIX}/admin/${{ agency: 'agencies', field: 'fields', procedure: 'procedures', location: 'locations' }[type]}/${encodeURIComponent(recordId)}`,
} as const;
