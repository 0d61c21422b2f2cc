/**
 * The demo catalogue the reference server seeds: the 48 real procedures, 19 fields and 30 agencies of
 * server/fixtures/catalogue-sample.json mapped to the shared schemas (ids kept), and demo service locations. The
 * everyday names citizens search with are the kiosk's dictionary's (shared/text/dictionary.vi.json), for every
 * catalogue alike. The sample's research keys (sources, uncertain, notes) are
 * dropped by the schemas; each record is validated here, so a bad edit of the fixture fails at seed, not on a kiosk.
 */
import { z } from 'zod';
import { Agency, Field, Level, Location, Procedure } from '../shared/api/catalogue';
import type { Catalogue } from './catalogueFile';
import sampleFile from './fixtures/catalogue-sample.json' with { type: 'json' };

/** The sample's shape where it differs from the schemas; every other key is passed to the schema as is. */
const SampleAgency = z.looseObject({
  status: z.enum(['active', 'new_2025', 'merged_2025', 'abolished_2025', 'legacy_2024_2025']),
  // One agency was split among several successors: the schema has a single `mergedInto`.
  mergedInto: z.union([z.string(), z.array(z.string())]).nullable().optional(),
});
const SampleProcedure = z.looseObject({
  name: z.string(),
  // One level per record in the sample; the schema lists every level a procedure is done at.
  level: Level,
  field: z.string(),
  nonGeographic: z.object({ binhDuong: z.boolean().nullable(), national: z.boolean().optional() }),
});
const SampleFile = z.object({
  agencies: z.array(SampleAgency),
  fields: z.array(z.looseObject({})),
  procedures: z.array(SampleProcedure),
});

const agencyStatus = {
  active: 'active',
  new_2025: 'active',
  merged_2025: 'merged',
  abolished_2025: 'abolished',
  // The district branches of the centre, closed with the district level on 01/07/2025.
  legacy_2024_2025: 'abolished',
} as const satisfies Record<z.infer<typeof SampleAgency>['status'], Agency['status']>;

/**
 * Demo service locations: Thành phố Hồ Chí Minh as it is since 01/07/2025 (domain.md section 0: Bình Dương and Bà
 * Rịa–Vũng Tàu joined it, and there is no district level). The city's Trung tâm Phục vụ hành chính công, and the
 * Trung tâm Phục vụ hành chính công of some of its wards and communes (NĐ 118/2025/NĐ-CP), each under the city's centre
 * and of the same kind: a commune's centre is no branch of the city's. Names are the post-2025 wards and communes
 * (phường Lái Thiêu is in the city's 2026 data, domain.md section 0); the addresses are for the demo only.
 */
const openingHours = 'Thứ Hai – Thứ Sáu 7:30–11:30, 13:00–17:00; Thứ Bảy 7:30–11:30';
const city = 'Thành phố Hồ Chí Minh';
export const demoLocations: readonly Location[] = [
  {
    id: 'hcc-thanh-pho',
    name: `Trung tâm Phục vụ hành chính công ${city}`,
    kind: 'centre',
    address: `Số 86 Lê Thánh Tôn, phường Sài Gòn, ${city}`,
    parent: null,
    openingHours,
  },
  ...(
    [
      ['phuong-sai-gon', 'phường Sài Gòn', 'Số 45 Lê Duẩn'],
      ['phuong-ben-thanh', 'phường Bến Thành', 'Số 92 Nguyễn Thị Nghĩa'],
      ['phuong-lai-thieu', 'phường Lái Thiêu', 'Số 8 Phan Đình Phùng'],
      ['phuong-di-an', 'phường Dĩ An', 'Số 6 Cô Bắc'],
      ['phuong-vung-tau', 'phường Vũng Tàu', 'Số 89 Lý Thường Kiệt'],
      ['xa-dau-tieng', 'xã Dầu Tiếng', 'Số 12 Hùng Vương'],
      ['xa-can-gio', 'xã Cần Giờ', 'Số 5 Lương Văn Nho'],
    ] as const
  ).map(([slug, unit, street]): Location => ({
    id: `hcc-${slug}`,
    name: `Trung tâm Phục vụ hành chính công ${unit}`,
    kind: 'centre',
    address: `${street}, ${unit}, ${city}`,
    parent: 'hcc-thanh-pho',
    openingHours,
  })),
];

/** Maps and validates the sample file; throws with the failing record's id when the fixture does not fit. */
export function mapSampleCatalogue(file: unknown): Catalogue {
  const sample = SampleFile.parse(file);
  const validated = <T>(schema: z.ZodType<T>, record: Record<string, unknown>): T => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new Error(`catalogue sample: record ${String(record.id)} is invalid: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
  return {
    agencies: sample.agencies.map(({ status, mergedInto, ...agency }) =>
      validated(Agency, { ...agency, status: agencyStatus[status], mergedInto: typeof mergedInto === 'string' ? mergedInto : null }),
    ),
    fields: sample.fields.map((field) => validated(Field, field)),
    procedures: sample.procedures.map(({ nonGeographic, level, ...procedure }) =>
      validated(Procedure, {
        ...procedure,
        levels: [level],
        // The province's own list decides; without it, a procedure filed anywhere in the country still is.
        nonGeographic: nonGeographic.binhDuong ?? (nonGeographic.national === true ? true : null),
      }),
    ),
    locations: demoLocations.map((location) => validated(Location, location)),
    everydayNames: [],
  };
}

/** The demo catalogue, mapped once per process. */
let sampleCatalogue: Catalogue | undefined;
export function loadSampleCatalogue(): Catalogue {
  sampleCatalogue ??= mapSampleCatalogue(sampleFile);
  return sampleCatalogue;
}
