/** Made-up dossiers for tests that feed the reference server's admin API or its figures (ratings, on-time board). */
import type { AdminCreateDossier } from '../../shared/api/gateway';
import type { PaymentView } from '../../shared/contract/kiosk';

export const centreAgency = { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh' };
export const wardAgency = { id: '000.21.30.H56', name: 'UBND phường Hòa Bình' };

/** A birth registration received at the province centre on 2 March 2026, due on the 20th, still in progress. */
export function adminDossier(code: string, overrides: Partial<AdminCreateDossier> = {}): AdminCreateDossier & { code: string } {
  return {
    code,
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
    agency: centreAgency,
    applicantName: 'Phan Thị Thử',
    receivedAt: '2026-03-02T08:00:00+07:00',
    dueAt: '2026-03-20T16:30:00+07:00',
    finishedAt: null,
    status: 'processing',
    steps: [],
    result: { pickupLocation: 'Quầy số 3', returnMethod: 'in_person' },
    ...overrides,
  };
}

/** A fee as the core hands it to the renderer: 150,000 đồng for a land-use certificate, payable until 25 March 2026. */
export function paymentView(overrides: Partial<PaymentView> = {}): PaymentView {
  return {
    amountVnd: 150_000,
    purpose: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất',
    beneficiary: { bankBin: '970415', accountNumber: '113366668888', accountName: 'KHO BAC NHA NUOC' },
    reference: 'HS2603100042',
    deadline: '2026-03-25T10:00:00.000Z',
    vietQrPayload: '000201010212',
    ...overrides,
  };
}
