import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { DossierView, KioskErrorCode } from '../../shared/contract/kiosk';
import { dossierView, fakeKiosk, found, renderKiosk, scanOf } from './support';

const code = '000.00.06.H56-231027-0361';

async function lookupFailingWith(errorCode: KioskErrorCode, language: 'vi' | 'en' = 'vi') {
  const kiosk = fakeKiosk(async () => ({ ok: false, error: { code: errorCode, message: 'core detail' } }));
  renderKiosk(kiosk, language);
  kiosk.scan(scanOf(code));
  return { kiosk, error: await screen.findByTestId('lookup-error') };
}

describe('lookup errors', () => {
  const messages: Record<KioskErrorCode, RegExp> = {
    INVALID_CODE: /^Không đọc được mã hồ sơ\.$/,
    NOT_FOUND: /^Không tìm thấy hồ sơ .*kiểm tra lại mã.*hỏi tại quầy tiếp nhận\.$/,
    UNAVAILABLE: /^Dịch vụ tra cứu tạm thời không khả dụng\. Vui lòng thử lại hoặc liên hệ quầy tiếp nhận\.$/,
    BAD_RESPONSE: /thông tin không hợp lệ/,
    NOT_ENROLLED: /Máy tra cứu này chưa được kích hoạt/,
    KIOSK_REVOKED: /^Máy tra cứu này đã ngừng hoạt động\. Vui lòng tra cứu tại quầy tiếp nhận\.$/,
    RATE_LIMITED: /quá nhiều yêu cầu\. Vui lòng đợi \d+ giây rồi thử lại\.$/,
    BAD_REQUEST: /Yêu cầu tra cứu không hợp lệ/,
    INTERNAL: /Máy tra cứu gặp lỗi/,
  };

  it.each(Object.entries(messages))('shows %s with its message and a way home', async (errorCode, message) => {
    const { error } = await lookupFailingWith(errorCode as KioskErrorCode);

    expect(error).toHaveAttribute('data-error-code', errorCode);
    expect(within(error).getByText(message)).toBeInTheDocument();
    expect(error).not.toHaveTextContent('core detail');
    await userEvent.click(within(error).getByRole('button', { name: 'Về trang chủ' }));
    expect(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
  });

  it('shows UNAVAILABLE in English too', async () => {
    const { error } = await lookupFailingWith('UNAVAILABLE', 'en');
    expect(error).toHaveTextContent('The service is unavailable, please try again or ask at the counter.');
  });

  it('tells which code was not found, so the citizen can check it against the receipt', async () => {
    const { error } = await lookupFailingWith('NOT_FOUND');
    expect(error).toHaveTextContent(`Mã đã đọc: ${code}`);
  });

  it('retries the same code after UNAVAILABLE', async () => {
    const { kiosk, error } = await lookupFailingWith('UNAVAILABLE');
    kiosk.lookup.mockResolvedValueOnce(found(dossierView()));

    await userEvent.click(within(error).getByRole('button', { name: 'Thử lại' }));

    expect(await screen.findByTestId('dossier-status')).toBeInTheDocument();
    expect(kiosk.lookup).toHaveBeenLastCalledWith({ code });
    expect(kiosk.lookup).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['vi', 'Máy tra cứu đang nhận quá nhiều yêu cầu. Vui lòng đợi 42 giây rồi thử lại.'],
    ['en', 'This kiosk is receiving too many requests. Please wait 42 seconds and try again.'],
  ] as const)('tells how long to wait after RATE_LIMITED (%s), with no retry button that would be refused again', async (language, text) => {
    const kiosk = fakeKiosk(async () => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down', retryAfterSeconds: 42 } }));
    renderKiosk(kiosk, language);
    kiosk.scan(scanOf(code));
    const error = await screen.findByTestId('lookup-error');
    expect(error).toHaveAttribute('data-error-code', 'RATE_LIMITED');
    expect(within(error).getByText(text)).toBeInTheDocument();
    expect(within(error).queryByRole('button', { name: language === 'vi' ? 'Thử lại' : 'Try again' })).toBeNull();
  });

  it('shows the reason of an INVALID_CODE reply from the core', async () => {
    const kiosk = fakeKiosk(async () => ({
      ok: false,
      error: { code: 'INVALID_CODE', message: 'bad', reason: 'BAD_CHARS' },
    }));
    renderKiosk(kiosk);
    kiosk.scan(scanOf(code));

    const reason = await screen.findByTestId('error-reason');
    expect(reason).toHaveTextContent('chỉ gồm chữ cái, chữ số');
  });
});

describe('unreadable scans', () => {
  it('shows why the scan is not a dossier code, without calling the core', async () => {
    const kiosk = fakeKiosk();
    renderKiosk(kiosk);

    kiosk.scan({ ok: false, reason: 'URL_WITHOUT_CODE', source: 'wedge' });

    const error = screen.getByTestId('lookup-error');
    expect(error).toHaveAttribute('data-error-code', 'INVALID_CODE');
    expect(error).toHaveTextContent('Không đọc được mã hồ sơ.');
    expect(within(error).getByTestId('error-reason')).toHaveTextContent('Mã QR này không chứa mã hồ sơ.');
    expect(kiosk.lookup).not.toHaveBeenCalled();
  });

  it('offers the keypad after an unreadable scan', async () => {
    const kiosk = fakeKiosk();
    renderKiosk(kiosk);
    kiosk.scan({ ok: false, reason: 'CONTROL_CHARS', source: 'wedge' });

    await userEvent.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));

    expect(screen.getByTestId('keypad-display')).toHaveTextContent('Chưa nhập mã');
  });

  it('still explains a rejection reason it does not know', () => {
    const kiosk = fakeKiosk();
    renderKiosk(kiosk);
    kiosk.scan({ ok: false, reason: 'SOMETHING_NEW', source: 'camera' });
    expect(screen.getByTestId('error-reason')).toHaveTextContent('không phải là mã hồ sơ');
  });
});

describe('rendering failures', () => {
  it('shows a friendly screen instead of a blank one, and goes home from it', async () => {
    const broken = { ...dossierView(), steps: null } as unknown as DossierView;
    const kiosk = fakeKiosk(async () => found(broken));
    // React reports the caught render error on the console; that is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => quiet.mockRestore());
    renderKiosk(kiosk);

    kiosk.scan(scanOf(code));
    const crash = await screen.findByTestId('screen-crash');
    expect(crash).toHaveTextContent('Xin lỗi, màn hình gặp sự cố');

    await userEvent.click(within(crash).getByRole('button', { name: 'Về trang chủ' }));
    expect(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
  });
});
