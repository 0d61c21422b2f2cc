/** A fake catalogue core behind KioskApi['catalogue']: a few procedures, filtered and counted like the real one. */
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { Agency, Field } from '../../shared/api/catalogue';
import type {
  CatalogueFacets,
  CatalogueFilters,
  CatalogueStatus,
  KioskApi,
  ProcedureDetail,
  ProcedureSummary,
} from '../../shared/contract/kiosk';

const hoTich: Field = { id: 'ho-tich', name: 'Hộ tịch' };
const chungThuc: Field = { id: 'chung-thuc', name: 'Chứng thực' };
const haiQuan: Field = { id: 'hai-quan', name: 'Hải quan' };
const ubndXa: Agency = { id: 'ubnd-xa', name: 'UBND cấp xã', type: 'ubnd', level: 'xa', status: 'active' };
const soTuPhap: Agency = { id: 'so-tu-phap', name: 'Sở Tư pháp', type: 'so', level: 'tinh', status: 'active' };

function procedure(overrides: Partial<ProcedureDetail> & Pick<ProcedureDetail, 'id' | 'code' | 'name'>): ProcedureDetail {
  return {
    levels: ['xa'],
    field: hoTich.id,
    agencyId: ubndXa.id,
    methods: [
      { channel: 'truc_tiep', time: { value: 1, unit: 'ngay_lam_viec' }, fee: 'Miễn lệ phí' },
      { channel: 'truc_tuyen', time: { value: 1, unit: 'ngay_lam_viec' }, fee: null },
    ],
    methodsAvailable: ['truc_tiep', 'truc_tuyen'],
    onlineLevel: 'toan_trinh',
    documents: [],
    steps: ['Nộp hồ sơ', 'Nhận kết quả'],
    result: { name: 'Giấy khai sinh' },
    legalBasis: [{ ref: 'Luật Hộ tịch 2014' }],
    nonGeographic: true,
    agency: ubndXa,
    fieldInfo: hoTich,
    portalUrl: `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${overrides.code}`,
    locations: [],
    ...overrides,
  };
}

export const birthRegistration = procedure({
  id: 'p-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', original: 1, copy: 0, note: 'Theo mẫu' },
    { name: 'Giấy chứng sinh', original: 1, copy: 0 },
    { name: 'Văn bản ủy quyền', original: 1, copy: 0, case: 'Người đi đăng ký được ủy quyền' },
  ],
});

export const marriageRegistration = procedure({
  id: 'p-ket-hon',
  code: '1.000894',
  name: 'Đăng ký kết hôn',
  nonGeographic: null,
  methods: [{ channel: 'truc_tiep', time: { value: 5, unit: null }, fee: 'Miễn lệ phí' }],
  documents: [{ name: 'Tờ khai đăng ký kết hôn', original: 1, copy: 0 }],
});

export const certifiedCopy = procedure({
  id: 'p-chung-thuc',
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  levels: ['tinh'],
  field: chungThuc.id,
  agencyId: soTuPhap.id,
  agency: soTuPhap,
  fieldInfo: chungThuc,
  methods: [{ channel: 'truc_tiep', time: { value: null, unit: null, text: 'Trong ngày' }, fee: '2.000 đồng/trang' }],
  methodsAvailable: ['truc_tiep'],
  onlineLevel: null,
  portalUrl: null,
});

const sampleProcedures = [birthRegistration, marriageRegistration, certifiedCopy];
const fields = [hoTich, chungThuc, haiQuan];

/**
 * A field as large as a province's Hải quan (142 procedures in the national catalogue, nearly all named
 * "Thủ tục ..."), at provincial level, the last of them done at commune level too.
 */
export function largeField(count: number): ProcedureDetail[] {
  const goods = ['hàng hóa xuất khẩu', 'hàng hóa nhập khẩu', 'phương tiện vận tải', 'hành lý', 'hàng quá cảnh', 'kho ngoại quan'];
  const acts = ['Thủ tục hải quan đối với', 'Thủ tục kiểm tra', 'Thủ tục miễn thuế', 'Thủ tục hoàn thuế', 'Thủ tục tạm nhập tái xuất'];
  return Array.from({ length: count }, (_, i) =>
    procedure({
      id: `p-hq-${i + 1}`,
      code: `1.${String(900_000 + i)}`,
      name: `${acts[i % acts.length]} ${goods[Math.floor(i / acts.length) % goods.length]} (${i + 1})`,
      levels: i === count - 1 ? ['tinh', 'xa'] : ['tinh'],
      field: haiQuan.id,
      agencyId: soTuPhap.id,
      agency: soTuPhap,
      fieldInfo: haiQuan,
    }),
  );
}
const agencies = [ubndXa, soTuPhap];

const plain = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function matching(allProcedures: readonly ProcedureDetail[], filters: CatalogueFilters, query = ''): ProcedureDetail[] {
  return allProcedures.filter(
    (p) =>
      (filters.level === undefined || p.levels.includes(filters.level)) &&
      (filters.field === undefined || p.field === filters.field) &&
      (filters.agency === undefined || p.agencyId === filters.agency) &&
      (filters.online !== true || p.methodsAvailable.includes('truc_tuyen')) &&
      plain(p.name).includes(plain(query)),
  );
}

function summary(p: ProcedureDetail): ProcedureSummary {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    levels: p.levels,
    field: p.field,
    agencyId: p.agencyId,
    onlineLevel: p.onlineLevel,
    agencyName: p.agency?.name ?? '',
    fieldName: p.fieldInfo?.name ?? '',
  };
}

function facets(allProcedures: readonly ProcedureDetail[], filters: CatalogueFilters): CatalogueFacets {
  const found = matching(allProcedures, filters);
  const count = (pick: (p: ProcedureDetail) => string, id: string) => found.filter((p) => pick(p) === id).length;
  return {
    levels: (['tinh', 'huyen', 'xa'] as const).map((level) => ({ level, count: found.filter((p) => p.levels.includes(level)).length })),
    fields: fields.map((f) => ({ id: f.id, name: f.name, count: count((p) => p.field, f.id) })),
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, count: count((p) => p.agencyId, a.id) })),
  };
}

export const syncedStatus: CatalogueStatus = {
  lastSyncAt: '2026-11-21T03:30:00.000Z',
  online: true,
  syncing: false,
  progress: null,
  counts: { procedures: sampleProcedures.length, agencies: agencies.length, fields: fields.length, locations: 0 },
};

export interface FakeCatalogue {
  api: KioskApi['catalogue'];
  search: ReturnType<typeof vi.fn<KioskApi['catalogue']['search']>>;
  /** The search gaps the screen reported, in order. */
  reportSearchGap: ReturnType<typeof vi.fn<KioskApi['catalogue']['reportSearchGap']>>;
  /** Pushes a status the way the core would, to every subscriber. */
  pushStatus(status: CatalogueStatus): void;
}

/** `procedures`: the sample's three, unless given. */
export function fakeCatalogue(status: CatalogueStatus = syncedStatus, allProcedures: readonly ProcedureDetail[] = sampleProcedures): FakeCatalogue {
  const listeners = new Set<(status: CatalogueStatus) => void>();
  const search = vi.fn<KioskApi['catalogue']['search']>(async (request) => {
    const found = matching(allProcedures, request.filters ?? {}, request.query);
    const offset = request.offset ?? 0;
    return { items: found.slice(offset, offset + (request.limit ?? 30)).map(summary), total: found.length };
  });
  const reportSearchGap = vi.fn<KioskApi['catalogue']['reportSearchGap']>(async () => undefined);
  return {
    api: {
      search,
      reportSearchGap,
      facets: async (request) => facets(allProcedures, request.filters ?? {}),
      procedure: async ({ id }) => {
        const found = allProcedures.find((p) => p.id === id);
        return found === undefined ? { ok: false, error: { code: 'NOT_FOUND', message: 'No such procedure' } } : { ok: true, value: found };
      },
      status: async () => status,
      syncNow: async () => status,
      onStatus(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    search,
    reportSearchGap,
    pushStatus(next) {
      act(() => {
        for (const listener of listeners) listener(next);
      });
    },
  };
}
