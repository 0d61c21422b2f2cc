import { describe, expect, it } from 'vitest';
import type { DossierView } from '../../shared/contract/kiosk';
import { spokenSummary } from '../../renderer/access/spokenText';
import { createKioskI18n, type Language } from '../../renderer/i18n';
import type { Screen } from '../../renderer/state/kioskState';
import { readAloud } from '../../shared/speech/readAloud';
import { paymentView } from '../support/dossiers';

const checkedAt = Date.parse('2026-03-16T03:00:00.000Z');

function dossier(overrides: Partial<DossierView> = {}): DossierView {
  return {
    code: '000.00.06.H56-260310-0042',
    procedure: { code: '1.001193.000.00.00.H56', name: 'Đăng ký khai sinh' },
    agency: { id: '000.00.06.H56', name: 'UBND phường Lái Thiêu' },
    applicantNameMasked: 'Nguyễn V** A*',
    receivedAt: '2026-03-10T02:00:00.000Z',
    dueAt: '2026-03-20T09:30:00.000Z',
    finishedAt: null,
    status: 'processing',
    statusLabel: null,
    steps: [],
    result: { pickupLocation: 'Quầy số 5', returnMethod: 'in_person' },
    supplement: null,
    ...overrides,
  };
}

const say = (screen: Screen, language: Language = 'vi') => spokenSummary(screen, createKioskI18n(language).t, language);
const status = (d: DossierView): Screen => ({ name: 'status', dossier: d, checkedAt });

describe('what voice guidance says', () => {
  it('sums up a status: where it stands, the due date in the language’s format, and what to do', () => {
    const text = say(status(dossier()));
    expect(text).toBe(
      'Tình trạng hồ sơ: Đang xử lý. Ngày hẹn trả kết quả: 16:30 20/03/2026. ' +
        'Hồ sơ đang được giải quyết. Quý khách chưa cần làm gì thêm; vui lòng quay lại theo ngày hẹn trả kết quả.',
    );
    expect(say(status(dossier()), 'en')).toMatch(/^Dossier status: Being processed\. Result due: 20\/03\/2026, 16:30\. /);
  });

  it('never says the dossier code or the applicant’s name aloud', () => {
    for (const language of ['vi', 'en'] as const) {
      const text = say(status(dossier()), language);
      expect(text).not.toContain('000.00.06.H56');
      expect(text).not.toContain('Nguyễn');
    }
  });

  it('says when a dossier is overdue', () => {
    expect(say(status(dossier({ dueAt: '2026-03-12T09:30:00.000Z' })))).toContain('Quá hạn.');
  });

  it('reads out the documents to bring', () => {
    const text = say(status(dossier({ status: 'awaiting_supplement', supplement: { documents: ['Bản sao CCCD', 'Tờ khai'], counter: 'Quầy số 2' } })));
    expect(text).toContain('Vui lòng mang các giấy tờ sau đến Quầy số 2:');
    expect(text).toContain('Giấy tờ cần mang: Bản sao CCCD; Tờ khai.');
  });

  it('has a summary in each language for every screen', () => {
    const screens: Screen[] = [
      { name: 'home' },
      { name: 'attract' },
      { name: 'procedures' },
      { name: 'lookup' },
      { name: 'keypad', typed: '', rejection: null },
      { name: 'loading', lookupId: 1, code: 'X' },
      status(dossier()),
      { name: 'error', error: { code: 'NOT_FOUND', reason: null, lookedUpCode: 'X' } },
      { name: 'rateScan' },
      { name: 'rating', dossierCode: 'X', agencyName: 'UBND', step: { name: 'choose' } },
      { name: 'rating', dossierCode: 'X', agencyName: 'UBND', step: { name: 'confirm', choice: { rating: 'hai_long' } } },
      { name: 'rating', dossierCode: 'X', agencyName: 'UBND', step: { name: 'indicators', choice: { rating: 'hai_long' }, position: 0, answers: {} } },
      { name: 'rating', dossierCode: 'X', agencyName: 'UBND', step: { name: 'indicators', choice: { rating: 'hai_long' }, position: 9, answers: {} } },
      { name: 'board' },
    ];
    for (const screen of screens) {
      const vi = say(screen, 'vi');
      const en = say(screen, 'en');
      expect(vi, screen.name).toMatch(/\p{L}{2,}/u);
      expect(en, screen.name).not.toBe(vi);
      expect(`${vi}${en}`, screen.name).not.toMatch(/access\.|\{\{/);
    }
    expect(say({ name: 'home' })).toBe('Trang chủ. Quý khách có thể chọn: Tra cứu hồ sơ, Thủ tục hành chính, Đánh giá hài lòng, Kết quả giải quyết hồ sơ.');
  });

  it('reads the optional detailed rating one indicator at a time, with the three answers', () => {
    const rating = (step: Extract<Screen, { name: 'rating' }>['step']): Screen => ({ name: 'rating', dossierCode: '000.00.06.H56-260310-0042', agencyName: 'UBND', step });
    expect(say(rating({ name: 'confirm', choice: { rating: 'hai_long' } }))).toBe(
      'Quý khách chọn: Hài lòng. Bấm Gửi đánh giá để hoàn tất, hoặc chọn Đánh giá thêm 9 tiêu chí nếu muốn.',
    );
    const third = rating({ name: 'indicators', choice: { rating: 'hai_long' }, position: 2, answers: { total_time: 2 } });
    expect(say(third)).toBe(
      'Đánh giá chi tiết, không bắt buộc. Tiêu chí 3 trên 9. Quý khách đánh giá thế nào về: Số lần phải đi lại để nộp, bổ sung hồ sơ? ' +
        'Chọn: Chưa tốt, Đạt, Tốt.',
    );
    expect(say(third, 'en')).toMatch(/^Detailed rating, optional\. Criterion 3 of 9\. .*Choose: Not good, Acceptable, Good\.$/);
    expect(say(third)).not.toContain('000.00.06.H56');
  });

  it('says the fee of a dossier awaiting payment, what it is for and by when, never the account or the reference', () => {
    const payment = paymentView();
    const awaiting = status(dossier({ status: 'awaiting_payment', payment }));
    const vi = say(awaiting);
    expect(vi).toContain('Số tiền cần nộp: 150.000');
    expect(vi).toContain('khoản nộp: Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, hạn nộp: 17:00 25/03/2026.');
    expect(readAloud(vi, 'vi')).toContain('một trăm năm mươi nghìn đồng');
    expect(readAloud(say(awaiting, 'en'), 'en')).toContain('Amount to pay: one hundred fifty thousand dong');
    for (const text of [vi, say(awaiting, 'en')]) {
      expect(text).not.toContain('113366668888');
      expect(text).not.toContain('HS2603100042');
    }
    expect(say(status(dossier()))).not.toContain('Số tiền cần nộp');
  });
});
