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
 * Demo service locations: a provincial centre (Bình Dương's, launched 02/12/2024, domain.md section 6), three of its
 * branches and commune/ward reception points. Names follow the real places; the addresses are for the demo only.
 */
const openingHours = 'Thứ Hai – Thứ Sáu 7:30–11:30, 13:00–17:00; Thứ Bảy 7:30–11:30';
export const demoLocations: readonly Location[] = [
  {
    id: 'hcc-tinh',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Bình Dương',
    kind: 'centre',
    address: 'Tầng 1, Tháp A, Trung tâm Hành chính tập trung tỉnh, phường Hòa Phú, thành phố Thủ Dầu Một, tỉnh Bình Dương',
    parent: null,
    openingHours,
  },
  {
    id: 'hcc-chi-nhanh-thu-dau-mot',
    name: 'Chi nhánh Trung tâm Phục vụ hành chính công tại thành phố Thủ Dầu Một',
    kind: 'branch',
    address: 'Số 1 Quang Trung, phường Phú Cường, thành phố Thủ Dầu Một, tỉnh Bình Dương',
    parent: 'hcc-tinh',
    openingHours,
  },
  {
    id: 'hcc-chi-nhanh-thuan-an',
    name: 'Chi nhánh Trung tâm Phục vụ hành chính công tại thành phố Thuận An',
    kind: 'branch',
    address: 'Số 2 Nguyễn Văn Tiết, phường Lái Thiêu, thành phố Thuận An, tỉnh Bình Dương',
    parent: 'hcc-tinh',
    openingHours,
  },
  {
    id: 'hcc-chi-nhanh-di-an',
    name: 'Chi nhánh Trung tâm Phục vụ hành chính công tại thành phố Dĩ An',
    kind: 'branch',
    address: 'Số 3 Trần Hưng Đạo, phường Dĩ An, thành phố Dĩ An, tỉnh Bình Dương',
    parent: 'hcc-tinh',
    openingHours,
  },
  ...(
    [
      ['phu-cuong', 'phường Phú Cường', 'Số 10 Đinh Bộ Lĩnh, phường Phú Cường, thành phố Thủ Dầu Một', 'thu-dau-mot'],
      ['hiep-thanh', 'phường Hiệp Thành', 'Số 25 Lê Hồng Phong, phường Hiệp Thành, thành phố Thủ Dầu Một', 'thu-dau-mot'],
      ['lai-thieu', 'phường Lái Thiêu', 'Số 8 Phan Đình Phùng, phường Lái Thiêu, thành phố Thuận An', 'thuan-an'],
      ['an-phu', 'phường An Phú', 'Số 15 Nguyễn Trãi, phường An Phú, thành phố Thuận An', 'thuan-an'],
      ['di-an', 'phường Dĩ An', 'Số 6 Cô Bắc, phường Dĩ An, thành phố Dĩ An', 'di-an'],
      ['tan-dong-hiep', 'phường Tân Đông Hiệp', 'Số 30 Nguyễn Thị Minh Khai, phường Tân Đông Hiệp, thành phố Dĩ An', 'di-an'],
    ] as const
  ).map(([slug, ward, street, branch]): Location => ({
    id: `tiep-nhan-${slug}`,
    name: `Bộ phận Một cửa ${ward}`,
    kind: 'reception_point',
    address: `${street}, tỉnh Bình Dương`,
    parent: `hcc-chi-nhanh-${branch}`,
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
