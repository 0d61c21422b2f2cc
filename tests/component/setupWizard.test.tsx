import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { SetupApi } from '../../shared/contract/setup';
import { createKioskI18n, type Language } from '../../renderer/i18n';
import { App } from '../../renderer/App';
import { SetupGate } from '../../renderer/setup/SetupGate';
import { SetupWizard } from '../../renderer/setup/SetupWizard';
import { fakeSetupCore, kioskModeSetup, testLocations } from './setupSupport';
import { fakeKiosk, scanOf } from './support';

const SERVER = 'https://a.vn';

function renderWizard(setup: SetupApi, language: Language = 'vi') {
  const receiptListeners = new Set<(event: ReturnType<typeof scanOf>) => void>();
  const onDone = vi.fn();
  const scanner = {
    onScan(listener: (event: ReturnType<typeof scanOf>) => void) {
      receiptListeners.add(listener);
      return () => receiptListeners.delete(listener);
    },
  };
  render(
    <I18nextProvider i18n={createKioskI18n(language)}>
      <SetupWizard setup={setup} scanner={scanner} onDone={onDone} />
    </I18nextProvider>,
  );
  return { onDone, scanReceipt: (code: string) => receiptListeners.forEach((listener) => listener(scanOf(code))) };
}

/** Presses the keys of an on-screen keyboard (simple-keyboard marks each button with data-skbtn). */
async function type(keyboardTestId: string, keys: string[]) {
  const keyboard = screen.getByTestId(keyboardTestId);
  for (const key of keys) {
    const button = keyboard.querySelector(`[data-skbtn="${key}"]`);
    if (!button) throw new Error(`no key ${key}`);
    await userEvent.click(button);
  }
}
const chars = (text: string) => [...text];

async function enterServer(host: string) {
  await type('address-keyboard', chars(host));
  await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra kết nối' }));
}

async function enterCode(code: string) {
  await screen.findByTestId('setup-step-code');
  await type('address-keyboard', chars(code.toLowerCase()));
  await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
}

async function nameAndLocation(name: string) {
  await screen.findByTestId('setup-step-place');
  await userEvent.click(screen.getByRole('button', { name: 'ABC' }));
  await type('viet-keyboard', chars(name));
  await userEvent.click(await screen.findByRole('button', { name: /Chi nhánh Thành phố/ }));
  await userEvent.click(screen.getByRole('button', { name: 'Đăng ký ki-ốt' }));
}

async function typePin(pin: string) {
  await type('pin-keypad', chars(pin));
}

// Long click-by-click flows: generous on a busy two-core machine (a timeout, not a timed assertion).
describe('setup wizard', { timeout: 20_000 }, () => {
  it('sets the kiosk up against a good server: checked, enrolled, settings chosen, PIN typed twice', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER, code: 'good-code' });
    const { onDone } = renderWizard(core.api);
    expect(screen.getByTestId('setup-url')).toHaveTextContent('https://');

    await enterServer('a.vn');
    expect(core.api.checkServer).toHaveBeenCalledWith({ url: SERVER });
    expect(await screen.findByText('Đã kết nối máy chủ (phiên bản 0.1.0, 12 ms).')).toBeInTheDocument();

    await enterCode('good-code');
    await nameAndLocation('quay1');
    expect(core.api.enroll).toHaveBeenCalledWith({ url: SERVER, code: 'good-code', name: 'quay1', locationId: 'loc-branch' });

    await screen.findByTestId('setup-step-settings');
    await userEvent.click(within(screen.getByRole('group', { name: 'Ngôn ngữ mặc định' })).getByRole('button', { name: 'English' }));
    await userEvent.click(screen.getByRole('button', { name: '120 giây' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cả hai' }));
    expect(screen.getByText('Không tìm thấy camera nào: ki-ốt sẽ dùng camera mặc định khi có.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    await typePin('4829');
    expect(screen.getByTestId('setup-pin')).toHaveTextContent('••••');
    expect(screen.getByTestId('setup-pin')).not.toHaveTextContent('4829');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await typePin('4829');
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tất cài đặt' }));
    expect(core.api.complete).toHaveBeenCalledWith({ language: 'en', idleTimeoutSeconds: 120, scannerMode: 'both', cameraDeviceId: null, pin: '4829' });

    expect(await screen.findByText('Ki-ốt "quay1" đã được đăng ký với máy chủ trung tâm.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Bắt đầu sử dụng' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('explains a bad URL and stays on the address step', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER });
    renderWizard(core.api);
    await type('address-keyboard', ['{clear}', ...chars('ftp:a.vn')]);
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra kết nối' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Địa chỉ không hợp lệ');
    expect(screen.getByTestId('setup-step-server')).toBeInTheDocument();
  });

  it('explains that the server is down, in English too', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER, down: true });
    renderWizard(core.api, 'en');
    await type('address-keyboard', chars('a.vn'));
    await userEvent.click(screen.getByRole('button', { name: 'Check connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached.');
    expect(screen.getByTestId('setup-step-server')).toBeInTheDocument();
  });

  it('sends the technician back to the code when the server refuses it', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER, code: 'good-code' });
    renderWizard(core.api);
    await enterServer('a.vn');
    await enterCode('wrong');
    await nameAndLocation('quay1');
    expect(await screen.findByRole('alert')).toHaveTextContent('Máy chủ không chấp nhận mã đăng ký');
    expect(screen.getByTestId('setup-code')).toHaveTextContent('wrong');
    // Nothing is lost: a corrected code enrolls with the same name and location.
    await type('address-keyboard', ['{clear}', ...chars('good-code')]);
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Đăng ký ki-ốt' }));
    expect(await screen.findByTestId('setup-step-settings')).toBeInTheDocument();
    expect(core.api.enroll).toHaveBeenLastCalledWith({ url: SERVER, code: 'good-code', name: 'quay1', locationId: 'loc-branch' });
  });

  it('is filled in by a provisioning QR code and checks the server at once', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER, code: 'GOOD-CODE' });
    renderWizard(core.api);
    core.scanProvisioning({ ok: true, centralUrl: SERVER, enrollmentCode: 'GOOD-CODE', locationId: 'loc-centre' });
    expect(await screen.findByText('Đã đọc mã QR cài đặt: máy chủ, mã đăng ký và địa điểm đã được điền.')).toBeInTheDocument();
    expect(core.api.checkServer).toHaveBeenCalledWith({ url: SERVER });
    expect(await screen.findByRole('button', { name: new RegExp(testLocations[0]!.name) })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'ABC' }));
    await type('viet-keyboard', chars('k1'));
    await userEvent.click(screen.getByRole('button', { name: 'Đăng ký ki-ốt' }));
    expect(core.api.enroll).toHaveBeenCalledWith({ url: SERVER, code: 'GOOD-CODE', name: 'k1', locationId: 'loc-centre' });
  });

  it('refuses a damaged provisioning QR code and a receipt with the reason', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER });
    const { scanReceipt } = renderWizard(core.api);
    core.scanProvisioning({ ok: false, reason: 'MALFORMED' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã QR cài đặt bị hỏng hoặc thiếu thông tin.');
    scanReceipt('000.00.06.H56-231027-0361');
    expect(await screen.findByText('Đây không phải mã QR cài đặt ki-ốt (ví dụ: mã trên giấy hẹn hồ sơ).')).toBeInTheDocument();
    core.scanProvisioning({ ok: false, reason: 'UNSUPPORTED_VERSION' });
    expect(await screen.findByRole('alert')).toHaveTextContent('phiên bản mới hơn');
    expect(core.api.checkServer).not.toHaveBeenCalled();
  });

  it('asks for the PIN again when the two do not match, and refuses a short one', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER, code: 'GOOD-CODE' });
    renderWizard(core.api);
    core.scanProvisioning({ ok: true, centralUrl: SERVER, enrollmentCode: 'GOOD-CODE', locationId: 'loc-centre' });
    await userEvent.click(await screen.findByRole('button', { name: 'ABC' }));
    await type('viet-keyboard', ['k']);
    await userEvent.click(screen.getByRole('button', { name: 'Đăng ký ki-ốt' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    await typePin('12');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã PIN cần ít nhất 4 chữ số.');
    await typePin('1234');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await typePin('9999');
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tất cài đặt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Hai lần nhập mã PIN không khớp.');
    expect(core.api.complete).not.toHaveBeenCalled();
    expect(screen.getByText('Mã PIN gồm 4 đến 12 chữ số, dùng để mở chế độ kỹ thuật viên.')).toBeInTheDocument();
  });
});

describe('setup gate', { timeout: 20_000 }, () => {
  function renderGate(setup: SetupApi) {
    const kiosk = fakeKiosk();
    const i18n = createKioskI18n('vi');
    render(
      <SetupGate kiosk={{ ...kiosk.api, setup }} i18n={i18n}>
        <App kiosk={{ ...kiosk.api, setup }} i18n={i18n} />
      </SetupGate>,
    );
  }

  it('shows the kiosk itself when it is set up', async () => {
    renderGate(kioskModeSetup());
    expect(await screen.findByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
    expect(screen.queryByTestId('setup-step-server')).toBeNull();
  });

  it('shows the wizard when it is not, and the kiosk once the wizard is done', async () => {
    const core = fakeSetupCore({ serverUrl: SERVER, code: 'GOOD-CODE' });
    renderGate(core.api);
    await screen.findByTestId('setup-step-server');
    expect(screen.queryByRole('button', { name: /Tra cứu hồ sơ/ })).toBeNull();
    core.scanProvisioning({ ok: true, centralUrl: SERVER, enrollmentCode: 'GOOD-CODE', locationId: 'loc-centre' });
    await screen.findByTestId('setup-step-place');
    await userEvent.click(await screen.findByRole('button', { name: 'ABC' }));
    await type('viet-keyboard', ['k']);
    await userEvent.click(screen.getByRole('button', { name: 'Đăng ký ki-ốt' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    await typePin('1234');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await typePin('1234');
    await userEvent.click(screen.getByRole('button', { name: 'Hoàn tất cài đặt' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Bắt đầu sử dụng' }));
    expect(await screen.findByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
  });
});
