import type { DossierStatus } from '../shared/api/gateway';

/**
 * The central server's own Vietnamese wording of each status, as one-stop systems show it (VNPT iGate and DVCQG
 * names, domain.md section 2). It fills `statusLabel` of the demo dossiers and the public lookup page; the kiosk
 * shows the server's label as it comes.
 */
export const statusLabelVi: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  awaiting_supplement: 'Chờ bổ sung hồ sơ',
  awaiting_payment: 'Chờ thực hiện nghĩa vụ tài chính',
  suspended: 'Dừng xử lý',
  result_ready: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối giải quyết',
  withdrawn: 'Công dân đã rút hồ sơ',
};
