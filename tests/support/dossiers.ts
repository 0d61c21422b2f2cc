/** Made-up dossiers for tests that feed the reference server's admin API or its figures (ratings, on-time board). */
import type { AdminCreateDossier } from '../../shared/api/gateway';

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
