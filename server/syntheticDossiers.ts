/**
 * Synthetic dossiers for benchmarks and for sizing a deployment: a province's year of one-stop work, deterministic
 * for a seed. Receipts on working days over the past year at the province centre, its departments and its wards and
 * communes (and a few of the district branches closed in July 2025); the sample catalogue's procedures with their
 * own processing times; statuses in the proportions of a live system (most returned, a tenth still in hand, some
 * overdue, some finished late, a few rejected or withdrawn); about a quarter of finished dossiers rated, some with
 * the nine indicators. Every dossier goes through createDossier, the admin API's own write (codes issued in the
 * national format), and every rating through the ratings store's insertOnce, in batched transactions.
 */
import { randomUUID } from 'node:crypto';
import { FeedbackRequest, hasRequiredReason, type Indicators, type Rating, satisfactionIndicators } from '../shared/api/feedback';
import { AdminCreateDossier, type DossierStatus, type ProcessingStep } from '../shared/api/gateway';
import { seededRandom } from './catalogueGenerator';
import { loadSampleCatalogue } from './catalogueSample';
import type { CentralStore } from './centralStore';
import { createDossier } from './centralServer';
import { sha256Hex } from './secrets';
import { statusLabelVi } from './statusLabels';
import { inVietnam, toVietnamIso, vietnamInstant } from './vietnamTime';

export interface SyntheticDossierOptions {
  count: number;
  seed?: number;
  /** The end of the year of receipts. */
  now: Date;
  /** Called every `progressEvery` dossiers and at the end. */
  progress?: (done: number, count: number) => void;
}

export const MAX_SYNTHETIC_DOSSIERS = 10_000_000;
const BATCH = 5_000;
const PROGRESS_EVERY = 100_000;
const DAY_MS = 86_400_000;

const placeNames = [
  'Hòa Bình', 'Tân An', 'Phú Lợi', 'Chánh Nghĩa', 'Hiệp Thành', 'Phú Cường', 'Định Hòa', 'Tương Bình Hiệp', 'Thuận Giao',
  'Bình Chuẩn', 'An Phú', 'Lái Thiêu', 'Vĩnh Phú', 'Bình Hòa', 'Tân Định', 'Dĩ An', 'Đông Hòa', 'Tân Đông Hiệp', 'Bến Cát',
  'Chánh Phú Hòa', 'Thới Hòa', 'Tân Uyên', 'Tân Hiệp', 'Khánh Bình', 'Phú Giáo', 'Phước Hòa', 'An Bình', 'Bàu Bàng',
  'Lai Uyên', 'Trừ Văn Thố', 'Dầu Tiếng', 'Minh Hòa', 'Thanh Tuyền', 'Long Hòa', 'Bắc Tân Uyên', 'Thường Tân', 'Đất Cuốc',
  'Phú An', 'An Tây', 'Hòa Lợi', 'Tây Nam', 'Long Nguyên', 'Hưng Hòa', 'Thạnh Phước', 'Vĩnh Tân', 'Hội Nghĩa', 'Bình Mỹ',
];

interface SyntheticAgency {
  agency: { id: string; name: string };
  level: 'tinh' | 'xa';
  intake: string;
  counter: (n: number) => string;
  /** Relative share of the province's dossiers. */
  weight: number;
}

/** The province's agencies, with national ids (QĐ 20/2020/QĐ-TTg) under the province code H56. */
function provinceAgencies(): SyntheticAgency[] {
  const centre = 'Trung tâm Phục vụ hành chính công tỉnh';
  const departments = ['Sở Tư pháp', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Nông nghiệp và Môi trường', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Nội vụ', 'Sở Công Thương', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Bảo hiểm xã hội tỉnh', 'Công an tỉnh'];
  const agencies: SyntheticAgency[] = [
    { agency: { id: '000.00.06.H56', name: centre }, level: 'tinh', intake: `Bộ phận tiếp nhận và trả kết quả, ${centre}`, counter: (n) => `Quầy số ${n}, ${centre}`, weight: 30 },
    ...departments.map((name, index): SyntheticAgency => ({
      agency: { id: `000.00.${String(10 + index).padStart(2, '0')}.H56`, name },
      level: 'tinh',
      intake: `Quầy ${name}, ${centre}`,
      counter: (n) => `Quầy số ${n}, ${centre}`,
      weight: 2,
    })),
  ];
  placeNames.forEach((place, index) => {
    const kind = index % 3 === 0 ? 'xã' : 'phường';
    const name = `UBND ${kind} ${place}`;
    agencies.push({
      agency: { id: `000.${String(21 + Math.floor(index / 9)).padStart(2, '0')}.${String(30 + (index % 9)).padStart(2, '0')}.H56`, name },
      level: 'xa',
      intake: `Bộ phận Một cửa, Trung tâm Phục vụ hành chính công ${kind} ${place}`,
      counter: (n) => `Quầy số ${n}, Trung tâm Phục vụ hành chính công ${kind} ${place}`,
      weight: 1,
    });
  });
  // Before July 2025 the district branches received dossiers too; their old codes still come back.
  for (const [index, district] of ['Thủ Dầu Một', 'Dĩ An', 'Thuận An'].entries()) {
    const name = `Chi nhánh Trung tâm Phục vụ hành chính công thành phố ${district}`;
    agencies.push({ agency: { id: `000.${20 + index}.00.H56`, name }, level: 'xa', intake: `Bộ phận Một cửa, ${name}`, counter: (n) => `Quầy số ${n}, ${name}`, weight: 0.5 });
  }
  return agencies;
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Vũ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Đinh', 'Lý', 'Tôn Nữ', 'Công Tằng Tôn Nữ'];
const middleNames = ['Thị', 'Văn', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thị Thu', 'Hoàng', 'Xuân', 'Bảo', 'Thị Mỹ'];
const givenNames = ['Hà', 'Hùng', 'Lan', 'Bảo', 'Tuấn', 'Hương', 'Dũng', 'Trang', 'Khánh', 'Phương', 'Nguyệt', 'Quỳnh', 'Thảo', 'Đạt', 'Yến', 'Huệ', 'Lộc', 'Ngân', 'Tường Vi', 'Ánh Dương'];
const organisations = ['Công ty TNHH Thương mại Dịch vụ Phú Lợi', 'Hộ kinh doanh Tạp hóa Bà Tư', 'Công ty Cổ phần Xây dựng và Phát triển Đô thị Bình Dương', 'Hợp tác xã Nông nghiệp Tân An'];
const reasons = ['Chờ quá lâu', 'Phải đi lại nhiều lần', 'Hẹn trả kết quả nhưng chưa có', 'Hướng dẫn không rõ ràng', 'Nhân viên thiếu nhiệt tình'];

/** Relative share of each outcome for a dossier whose due date has passed, and for one still within it. */
const pastDueOutcomes: readonly [DossierStatus, number][] = [
  ['returned', 80],
  ['result_ready', 5],
  ['processing', 4],
  ['awaiting_supplement', 3],
  ['suspended', 1],
  ['awaiting_payment', 1],
  ['rejected', 4],
  ['withdrawn', 2],
];
const withinDueOutcomes: readonly [DossierStatus, number][] = [
  ['received', 15],
  ['processing', 50],
  ['awaiting_supplement', 10],
  ['awaiting_payment', 4],
  ['suspended', 2],
  ['result_ready', 10],
  ['returned', 6],
  ['rejected', 2],
  ['withdrawn', 1],
];
/** Share of finished dossiers finished after their due date. */
const FINISHED_LATE_SHARE = 0.08;
const RATED_SHARE = 0.25;

const isFinished = (status: DossierStatus) => status === 'result_ready' || status === 'returned';

/** Seeds `count` dossiers (and their ratings); returns how many ratings were stored. */
export function seedSyntheticDossiers(store: CentralStore, { count, seed = 1, now, progress }: SyntheticDossierOptions): { ratings: number } {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_DOSSIERS) {
    throw new RangeError(`dossiers must be a whole number from 0 to ${MAX_SYNTHETIC_DOSSIERS}`);
  }
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(items: readonly [T, number][]): T => {
    let left = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) if ((left -= weight) < 0) return item;
    return items.at(-1)![0];
  };
  const agencies = provinceAgencies();
  const byLevel = { tinh: agencies.filter((a) => a.level === 'tinh'), xa: agencies.filter((a) => a.level === 'xa') };
  const procedures = loadSampleCatalogue().procedures.map((procedure) => {
    const time = procedure.methods.find((method) => method.time.value !== null)?.time;
    // Working days run five in seven calendar days; hours count as part of a day.
    const days = time === undefined || time.value === null ? 10 : time.unit === 'gio' ? time.value / 8 : time.unit === 'ngay' ? time.value : (time.value * 7) / 5;
    return { procedure: { code: procedure.code, name: procedure.name }, level: procedure.levels.includes('tinh') ? 'tinh' : 'xa', days: Math.max(0.5, days) } as const;
  });
  const nowMs = now.getTime();
  let ratings = 0;

  // The working days of the past year (Vietnam time), oldest first, and a few Saturday mornings.
  const workingDays: { year: number; month: number; day: number; saturday: boolean }[] = [];
  for (let back = 364; back >= 0; back--) {
    const { year, month, day } = inVietnam(new Date(nowMs - back * DAY_MS));
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (weekday !== 0 && (weekday !== 6 || random() < 0.2)) workingDays.push({ year, month, day, saturday: weekday === 6 });
  }
  /**
   * The `index`-th dossier's receipt, in office hours: dossiers come in the order they were received, day by day, as
   * a one-stop system records them (which also keeps each agency's codes, and so the index, growing at its end).
   */
  const receivedInstant = (index: number): number => {
    const { year, month, day, saturday } = workingDays[Math.floor((index * workingDays.length) / Math.max(1, count))]!;
    const minutes = 7 * 60 + 30 + Math.floor(random() * (saturday ? 4 * 60 : 9 * 60 + 30));
    const instant = vietnamInstant(year, month, day, Math.floor(minutes / 60), minutes % 60).getTime() + Math.floor(random() * 60_000);
    return Math.min(instant, nowMs - 60_000);
  };

  const applicant = () =>
    random() < 0.06 ? pick(organisations) : `${pick(familyNames)} ${random() < 0.85 ? `${pick(middleNames)} ` : ''}${pick(givenNames)}`;

  function oneDossier(index: number): { request: AdminCreateDossier; finishedAt: number | null } {
    const { procedure, level, days } = pick(procedures);
    const place = level === 'tinh' && random() < 0.7 ? agencies[0]! : weightedAgency(byLevel[level === 'tinh' ? 'tinh' : 'xa']);
    const received = receivedInstant(index);
    const dueDay = inVietnam(new Date(received + Math.ceil(days) * DAY_MS));
    const due = Math.max(received + 3_600_000, vietnamInstant(dueDay.year, dueDay.month, dueDay.day, 16, 30).getTime());
    const status = weighted(due < nowMs ? pastDueOutcomes : withinDueOutcomes);
    let finishedAt: number | null = null;
    if (isFinished(status) || status === 'rejected' || status === 'withdrawn') {
      const late = isFinished(status) && random() < FINISHED_LATE_SHARE;
      const latest = Math.min(nowMs, late ? due + (1 + random() * 20) * DAY_MS : due);
      const earliest = late ? Math.min(due + 60_000, latest) : received + Math.min(3_600_000, (due - received) / 4);
      finishedAt = Math.max(received, Math.min(nowMs, Math.floor(earliest + random() * Math.max(0, latest - earliest))));
    }
    const counter = place.counter(1 + Math.floor(random() * 12));
    const iso = (ms: number) => toVietnamIso(new Date(ms));
    const steps: ProcessingStep[] = [{ name: 'Tiếp nhận hồ sơ', unit: place.intake, startedAt: iso(received - 10 * 60_000), finishedAt: iso(received) }];
    const lastDone = finishedAt ?? Math.min(nowMs, due);
    if (status !== 'received' && status !== 'withdrawn') {
      const checked = received + (lastDone - received) / 3;
      steps.push({ name: 'Thẩm định hồ sơ', unit: place.agency.name, startedAt: iso(Math.min(checked, received + 60 * 60_000)), finishedAt: finishedAt !== null || status !== 'processing' ? iso(checked) : null });
    }
    if (status === 'awaiting_supplement') steps.push({ name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', unit: place.intake, startedAt: iso(lastDone), finishedAt: null });
    if (isFinished(status)) steps.push({ name: 'Trả kết quả', unit: place.intake, startedAt: iso(finishedAt!), finishedAt: status === 'returned' ? iso(finishedAt!) : null });
    const request = AdminCreateDossier.parse({
      procedure,
      agency: place.agency,
      applicantName: applicant(),
      receivedAt: iso(received),
      dueAt: iso(due),
      finishedAt: finishedAt === null ? null : iso(finishedAt),
      status,
      statusLabel: statusLabelVi[status],
      steps,
      result: { pickupLocation: counter, returnMethod: weighted([['in_person', 80], ['postal', 12], ['online', 8]]) },
      supplement:
        status === 'awaiting_supplement' || status === 'awaiting_payment'
          ? { documents: status === 'awaiting_supplement' ? ['Bản sao Căn cước công dân (có chứng thực)', 'Tờ khai đã ký đủ'].slice(0, 1 + Math.floor(random() * 2)) : [], counter }
          : null,
    });
    return { request, finishedAt: isFinished(status) ? finishedAt : null };
  }

  function weightedAgency(from: readonly SyntheticAgency[]): SyntheticAgency {
    return weighted(from.map((agency) => [agency, agency.weight] as [SyntheticAgency, number]));
  }

  function rate(dossier: { code: string; agency: { id: string; name: string } }, finishedAt: number): void {
    const rating: Rating = weighted([['rat_hai_long', 55], ['hai_long', 38], ['khong_hai_long', 7]]);
    const indicators: Indicators | undefined =
      random() < 0.3 ? Object.fromEntries(satisfactionIndicators.filter(() => random() < 0.8).map((name) => [name, weighted([[2, 60], [1, 32], [0, 8]] as [0 | 1 | 2, number][])])) : undefined;
    const kioskId = `synthetic-kiosk-${1 + Math.floor(random() * 500)}`;
    const request = FeedbackRequest.parse({ dossierCode: dossier.code, rating, kioskId, ...(rating === 'khong_hai_long' && { reason: pick(reasons) }), ...(indicators && { indicators }) });
    if (!hasRequiredReason(request)) throw new Error('synthetic rating without the reason its level needs');
    store.feedback.insertOnce({
      id: randomUUID(),
      idempotencyKey: randomUUID(),
      requestHash: sha256Hex(JSON.stringify(request)),
      record: { dossierCode: dossier.code, agency: dossier.agency, kioskId, rating, reason: request.reason ?? null, indicators: request.indicators ?? null },
      receivedAt: new Date(Math.min(nowMs, finishedAt + Math.floor(random() * 3 * DAY_MS))),
    });
    ratings++;
  }

  let lastReport = 0;
  for (let done = 0; done < count; ) {
    const batch = Math.min(BATCH, count - done);
    store.transaction(() => {
      for (let i = 0; i < batch; i++) {
        const { request, finishedAt } = oneDossier(done + i);
        const created = createDossier(store, request, now);
        if (!created.ok) throw new Error(`synthetic dossier refused: ${created.failure.message}`);
        if (finishedAt !== null && random() < RATED_SHARE) rate(created.dossier, finishedAt);
      }
    });
    done += batch;
    if (progress && (done - lastReport >= PROGRESS_EVERY || done === count)) {
      lastReport = done;
      progress(done, count);
    }
  }
  // The board's watermark starts at today: its first read need not count a year of due dates.
  store.stats.settleOverdue(now);
  return { ratings };
}
