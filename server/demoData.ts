/**
 * Demo data the reference server seeds into an empty database: one dossier in every status plus the cases a kiosk
 * must show differently (overdue, finished late, another agency's number format), and a reusable enrollment code.
 *
 * The demo is Thành phố Hồ Chí Minh as it is since 01/07/2025 (domain.md section 0): the city, which Bình Dương and
 * Bà Rịa–Vũng Tàu joined, its Trung tâm Phục vụ hành chính công, and ward and commune centres; no district level.
 * Phường Lái Thiêu is in the city's 2026 data (domain.md section 0); xã Dầu Tiếng is a commune of the same former
 * Bình Dương area.
 *
 * Codes are constants so that tests and the end-to-end suite can pick a dossier without sharing the server's
 * clock; the dates are relative to the server's "today". The date inside a structured code therefore does not
 * match `receivedAt`, which no reader of these codes relies on. Procedures come from the sample catalogue
 * (shared/fixtures/catalogue-sample.json in the project's shared material); agency ids follow the national format
 * (QĐ 20/2020/QĐ-TTg) under H29, the city's level-1 code in its own portal's procedure codes
 * (`1.000494.000.00.00.H29`); the lower groups, not published for the city's units, are the demo's. Applicants,
 * accounts and amounts are fictional.
 */
import type { Dossier, DossierPayment, DossierStatus, ProcessingStep } from '../shared/api/gateway';
import type { CentralStore } from './centralStore';
import { enrollmentCodeHash } from './secrets';
import { statusLabelVi } from './statusLabels';
import { inVietnam, toVietnamIso, vietnamInstant } from './vietnamTime';

/** Enrolls any number of kiosks, never expires; seeded only together with the demo dossiers. */
export const DEMO_ENROLLMENT_CODE = 'DEMO-KIOSK-2026';

export type DemoScenario = DossierStatus | 'overdue' | 'finished_late' | 'other_agency';

const cityCentreName = 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh';
const cityCentre = { id: '000.00.06.H29', name: cityCentreName };
const wardLaiThieu = { id: '000.21.30.H29', name: 'UBND phường Lái Thiêu' };
const communeDauTieng = { id: '000.22.30.H29', name: 'UBND xã Dầu Tiếng' };
const socialInsurance = { id: '000.00.31.H29', name: 'Bảo hiểm xã hội Thành phố Hồ Chí Minh' };

const centreIntake = `Bộ phận tiếp nhận và trả kết quả, ${cityCentreName}`;
const centreCounter = (n: number) => `Quầy số ${n}, ${cityCentreName}`;
const laiThieuIntake = 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công phường Lái Thiêu';
const laiThieuCounter = 'Quầy số 2, Trung tâm Phục vụ hành chính công phường Lái Thiêu';
const laiThieuCivilStatus = 'Công chức Tư pháp - Hộ tịch, UBND phường Lái Thiêu';
const dauTiengIntake = 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công xã Dầu Tiếng';
const dauTiengCounter = 'Quầy số 1, Trung tâm Phục vụ hành chính công xã Dầu Tiếng';
const dauTiengEconomy = 'Phòng Kinh tế, UBND xã Dầu Tiếng';
const landOffice = 'Văn phòng Đăng ký đất đai Thành phố Hồ Chí Minh';
const businessRegistry = 'Phòng Đăng ký kinh doanh, Sở Tài chính Thành phố Hồ Chí Minh';

/** The land fees of the awaiting-payment dossier, paid by VietQR to the centre's (fictional) account. */
const landFees = (deadline: string): DossierPayment => ({
  amountVnd: 1_250_000,
  purpose: 'Phí thẩm định hồ sơ và lệ phí cấp Giấy chứng nhận quyền sử dụng đất (tách thửa)',
  beneficiary: { bankBin: '970415', accountNumber: '113000268868', accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG TP HO CHI MINH' },
  reference: 'HCC 2601080187',
  deadline,
});

/** Times relative to the server's today, in Vietnam time. */
interface DemoClock {
  /** `days` from today (negative: past) at hour:minute. */
  day(days: number, hour: number, minute: number): string;
  minutesAgo(minutes: number): string;
}

type DemoDossierSpec = {
  code: string;
  scenario: DemoScenario;
  status: DossierStatus;
  build(clock: DemoClock): Omit<Dossier, 'code' | 'status' | 'statusLabel'>;
};

const step = (name: string, unit: string, startedAt: string, finishedAt: string | null = null): ProcessingStep => ({
  name,
  unit,
  startedAt,
  finishedAt,
});

const specs: readonly DemoDossierSpec[] = [
  {
    code: '000.21.30.H29-260105-0042',
    scenario: 'received',
    status: 'received',
    build: (t) => ({
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      agency: wardLaiThieu,
      applicantName: 'Lê Thị Thu Hà',
      receivedAt: t.minutesAgo(25),
      dueAt: t.day(1, 16, 30),
      finishedAt: null,
      steps: [step('Tiếp nhận hồ sơ', laiThieuIntake, t.minutesAgo(40), t.minutesAgo(25))],
      result: { pickupLocation: laiThieuCounter, returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.22.30.H29-260106-0015',
    scenario: 'processing',
    status: 'processing',
    build: (t) => ({
      procedure: { code: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh' },
      agency: communeDauTieng,
      applicantName: 'Phạm Quốc Bảo',
      receivedAt: t.day(-1, 9, 25),
      dueAt: t.day(2, 16, 30),
      finishedAt: null,
      steps: [
        step('Tiếp nhận hồ sơ', dauTiengIntake, t.day(-1, 9, 10), t.day(-1, 9, 25)),
        step('Kiểm tra tính hợp lệ của hồ sơ', dauTiengEconomy, t.day(-1, 14, 0)),
      ],
      result: { pickupLocation: dauTiengCounter, returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.00.06.H29-260107-0231',
    scenario: 'awaiting_supplement',
    status: 'awaiting_supplement',
    build: (t) => ({
      procedure: { code: '1.012786', name: 'Cấp lại Giấy chứng nhận do bị mất' },
      agency: cityCentre,
      applicantName: 'Trần Văn Hùng',
      receivedAt: t.day(-6, 8, 40),
      dueAt: t.day(22, 16, 30),
      finishedAt: null,
      steps: [
        step('Tiếp nhận hồ sơ', centreIntake, t.day(-6, 8, 30), t.day(-6, 8, 40)),
        step('Thẩm định hồ sơ', landOffice, t.day(-5, 9, 0), t.day(-2, 14, 30)),
        step('Yêu cầu bổ sung, hoàn thiện hồ sơ', centreIntake, t.day(-2, 15, 0)),
      ],
      result: { pickupLocation: centreCounter(3), returnMethod: 'in_person' },
      supplement: {
        documents: [
          'Mảnh trích đo bản đồ địa chính thửa đất (bản chính)',
          'Giấy xác nhận của UBND phường về việc đã niêm yết thông báo mất Giấy chứng nhận (bản chính)',
        ],
        counter: centreCounter(5),
      },
    }),
  },
  {
    code: '000.00.06.H29-260108-0187',
    scenario: 'awaiting_payment',
    status: 'awaiting_payment',
    build: (t) => ({
      procedure: { code: '1.012784', name: 'Tách thửa hoặc hợp thửa đất' },
      agency: cityCentre,
      applicantName: 'Nguyễn Thị Bích Ngọc',
      receivedAt: t.day(-12, 10, 5),
      dueAt: t.day(19, 16, 30),
      finishedAt: null,
      steps: [
        step('Tiếp nhận hồ sơ', centreIntake, t.day(-12, 9, 50), t.day(-12, 10, 5)),
        step('Thẩm định hồ sơ, đo đạc thửa đất', landOffice, t.day(-11, 8, 0), t.day(-5, 16, 0)),
        step('Xác định nghĩa vụ tài chính', 'Thuế Thành phố Hồ Chí Minh', t.day(-5, 16, 0), t.day(-3, 10, 0)),
        step('Chờ người sử dụng đất nộp nghĩa vụ tài chính', centreIntake, t.day(-3, 10, 0)),
      ],
      result: { pickupLocation: centreCounter(3), returnMethod: 'in_person' },
      supplement: {
        documents: ['Chứng từ nộp tiền nghĩa vụ tài chính về đất đai (bản chính)'],
        counter: centreCounter(6),
      },
      payment: landFees(t.day(7, 16, 30)),
    }),
  },
  {
    code: '000.22.30.H29-260109-0008',
    scenario: 'suspended',
    status: 'suspended',
    build: (t) => ({
      procedure: {
        code: '1.013229',
        name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp III, cấp IV và nhà ở riêng lẻ',
      },
      agency: communeDauTieng,
      applicantName: 'Võ Minh Tuấn',
      receivedAt: t.day(-9, 8, 20),
      dueAt: t.day(6, 16, 30),
      finishedAt: null,
      steps: [
        step('Tiếp nhận hồ sơ', dauTiengIntake, t.day(-9, 8, 5), t.day(-9, 8, 20)),
        step('Thẩm định hồ sơ, kiểm tra hiện trạng công trình', dauTiengEconomy, t.day(-8, 8, 0), t.day(-4, 11, 0)),
        step('Dừng xử lý: công trình có tranh chấp, chờ cơ quan có thẩm quyền giải quyết', dauTiengEconomy, t.day(-4, 11, 0)),
      ],
      result: { pickupLocation: dauTiengCounter, returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.00.06.H29-260112-0356',
    scenario: 'result_ready',
    status: 'result_ready',
    build: (t) => ({
      procedure: { code: '2.001583', name: 'Đăng ký thành lập công ty TNHH một thành viên' },
      agency: cityCentre,
      applicantName: 'Đặng Thị Mai Anh',
      receivedAt: t.day(-3, 9, 45),
      dueAt: t.day(0, 16, 30),
      finishedAt: t.day(-1, 15, 20),
      steps: [
        step('Tiếp nhận hồ sơ', centreIntake, t.day(-3, 9, 30), t.day(-3, 9, 45)),
        step('Kiểm tra tính hợp lệ của hồ sơ', businessRegistry, t.day(-3, 13, 30), t.day(-1, 10, 0)),
        step('Cấp Giấy chứng nhận đăng ký doanh nghiệp', businessRegistry, t.day(-1, 10, 0), t.day(-1, 15, 20)),
        step('Chuyển kết quả về bộ phận trả kết quả', centreIntake, t.day(-1, 15, 20), t.day(-1, 16, 0)),
      ],
      result: { pickupLocation: centreCounter(3), returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.21.30.H29-260113-0027',
    scenario: 'returned',
    status: 'returned',
    build: (t) => ({
      procedure: { code: '2.000635', name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh' },
      agency: wardLaiThieu,
      applicantName: 'Huỳnh Văn Lợi',
      receivedAt: t.day(-5, 8, 15),
      dueAt: t.day(-4, 16, 30),
      finishedAt: t.day(-4, 10, 0),
      steps: [
        step('Tiếp nhận hồ sơ', laiThieuIntake, t.day(-5, 8, 5), t.day(-5, 8, 15)),
        step('Tra cứu sổ hộ tịch, cấp bản sao', laiThieuCivilStatus, t.day(-5, 9, 0), t.day(-4, 10, 0)),
        step('Trả kết quả', laiThieuIntake, t.day(-3, 9, 30), t.day(-3, 9, 35)),
      ],
      result: { pickupLocation: laiThieuCounter, returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.21.30.H29-260114-0031',
    scenario: 'rejected',
    status: 'rejected',
    build: (t) => ({
      procedure: { code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân' },
      agency: wardLaiThieu,
      applicantName: 'Bùi Thị Lan',
      receivedAt: t.day(-4, 14, 0),
      dueAt: t.day(-1, 16, 30),
      finishedAt: t.day(-2, 10, 30),
      steps: [
        step('Tiếp nhận hồ sơ', laiThieuIntake, t.day(-4, 13, 50), t.day(-4, 14, 0)),
        step('Thẩm tra hồ sơ; từ chối, có văn bản nêu rõ lý do', laiThieuCivilStatus, t.day(-4, 15, 0), t.day(-2, 10, 30)),
      ],
      result: { pickupLocation: laiThieuCounter, returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.21.30.H29-260115-0019',
    scenario: 'withdrawn',
    status: 'withdrawn',
    build: (t) => ({
      procedure: { code: '1.000894', name: 'Thủ tục đăng ký kết hôn' },
      agency: wardLaiThieu,
      applicantName: 'Đỗ Thanh Phong',
      receivedAt: t.day(-2, 9, 0),
      dueAt: t.day(-1, 16, 30),
      finishedAt: t.day(-1, 8, 30),
      steps: [
        step('Tiếp nhận hồ sơ', laiThieuIntake, t.day(-2, 8, 50), t.day(-2, 9, 0)),
        step('Thẩm tra hồ sơ', laiThieuCivilStatus, t.day(-2, 10, 0), t.day(-1, 8, 30)),
      ],
      result: { pickupLocation: laiThieuCounter, returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.00.06.H29-260116-0402',
    scenario: 'overdue',
    status: 'processing',
    build: (t) => ({
      procedure: { code: '1.012783', name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất' },
      agency: cityCentre,
      applicantName: 'Ngô Văn Sáu',
      receivedAt: t.day(-15, 9, 30),
      dueAt: t.day(-8, 16, 30),
      finishedAt: null,
      steps: [
        step('Tiếp nhận hồ sơ', centreIntake, t.day(-15, 9, 15), t.day(-15, 9, 30)),
        step('Thẩm định hồ sơ', landOffice, t.day(-14, 8, 0), t.day(-9, 16, 0)),
        step('Cập nhật hồ sơ địa chính, in Giấy chứng nhận', landOffice, t.day(-9, 16, 0)),
      ],
      result: { pickupLocation: centreCounter(3), returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    code: '000.00.06.H29-260119-0144',
    scenario: 'finished_late',
    status: 'returned',
    build: (t) => ({
      procedure: { code: '2.002043', name: 'Đăng ký thành lập công ty cổ phần' },
      agency: cityCentre,
      applicantName: 'Trương Thị Kim Oanh',
      receivedAt: t.day(-14, 10, 0),
      dueAt: t.day(-9, 16, 30),
      finishedAt: t.day(-7, 11, 0),
      steps: [
        step('Tiếp nhận hồ sơ', centreIntake, t.day(-14, 9, 45), t.day(-14, 10, 0)),
        step('Kiểm tra tính hợp lệ của hồ sơ', businessRegistry, t.day(-14, 14, 0), t.day(-8, 9, 0)),
        step('Cấp Giấy chứng nhận đăng ký doanh nghiệp', businessRegistry, t.day(-8, 9, 0), t.day(-7, 11, 0)),
        step('Trả kết quả', centreIntake, t.day(-6, 8, 30), t.day(-6, 8, 40)),
      ],
      result: { pickupLocation: centreCounter(3), returnMethod: 'in_person' },
      supplement: null,
    }),
  },
  {
    // Social insurance numbers its dossiers its own way (domain.md section 2).
    code: '03706/2026/07906',
    scenario: 'other_agency',
    status: 'processing',
    build: (t) => ({
      procedure: { code: '1.001613', name: 'Giải quyết hưởng bảo hiểm xã hội một lần' },
      agency: socialInsurance,
      applicantName: 'Lý Văn Tâm',
      receivedAt: t.day(-2, 8, 50),
      dueAt: t.day(5, 16, 30),
      finishedAt: null,
      steps: [
        step('Tiếp nhận hồ sơ', 'Bộ phận Một cửa, Bảo hiểm xã hội Thành phố Hồ Chí Minh', t.day(-2, 8, 40), t.day(-2, 8, 50)),
        step('Xét duyệt hồ sơ hưởng chế độ', 'Phòng Chế độ bảo hiểm xã hội, Bảo hiểm xã hội Thành phố Hồ Chí Minh', t.day(-2, 10, 0)),
      ],
      result: { pickupLocation: 'Gửi qua dịch vụ bưu chính công ích đến địa chỉ người hưởng', returnMethod: 'postal' },
      supplement: null,
    }),
  },
];

/** The seeded dossiers' codes, statuses and the scenario each one shows. */
export const demoDossiers: readonly { code: string; status: DossierStatus; scenario: DemoScenario }[] = specs.map(
  ({ code, status, scenario }) => ({ code, status, scenario }),
);

/** The code of the demo dossier showing `scenario`, e.g. `demoDossierCode('processing')`. */
export function demoDossierCode(scenario: DemoScenario): string {
  const found = demoDossiers.find((d) => d.scenario === scenario);
  if (!found) throw new Error(`no demo dossier for ${scenario}`);
  return found.code;
}

export function buildDemoDossiers(now: Date): Dossier[] {
  const today = inVietnam(now);
  const clock: DemoClock = {
    day: (days, hour, minute) => toVietnamIso(vietnamInstant(today.year, today.month, today.day + days, hour, minute)),
    minutesAgo: (minutes) => toVietnamIso(new Date(now.getTime() - minutes * 60_000)),
  };
  return specs.map((spec) => ({
    code: spec.code,
    status: spec.status,
    statusLabel: statusLabelVi[spec.status],
    ...spec.build(clock),
  }));
}

/** Seeds the demo dossiers and the demo enrollment code into a store that has no dossiers yet. */
export function seedDemoData(store: CentralStore, now: Date): void {
  store.transaction(() => {
    for (const dossier of buildDemoDossiers(now)) store.insertDossier(dossier, now);
    store.addEnrollmentCode({ hash: enrollmentCodeHash(DEMO_ENROLLMENT_CODE), expiresAt: null, reusable: true });
  });
}
