import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeKiosk, renderKiosk } from './support';
import { fakeTechnician, RIGHT_PIN } from './technicianSupport';

function tapCorner(times: number, at = { x: 10, y: 10 }) {
  for (let index = 0; index < times; index++) fireEvent.pointerDown(document.body, { clientX: at.x, clientY: at.y });
}

async function openTechnician(technician = fakeTechnician()) {
  const kiosk = fakeKiosk(undefined, undefined, undefined, undefined, undefined, technician.api);
  renderKiosk(kiosk);
  tapCorner(5);
  await screen.findByTestId('pin-pad');
  return { kiosk, technician };
}

async function enterPin(pin: string) {
  const pad = screen.getByTestId('pin-pad');
  for (const digit of pin) await userEvent.click(within(pad).getByText(digit, { selector: 'button > span' }));
  await userEvent.click(within(pad).getByText('Mở khóa', { selector: 'button > span' }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('technician mode: the gesture', () => {
  it('opens the PIN pad after five taps in the top-left corner, and not after taps elsewhere', async () => {
    renderKiosk(fakeKiosk());
    tapCorner(4);
    tapCorner(1, { x: 600, y: 400 });
    tapCorner(4);
    expect(screen.queryByTestId('technician-mode')).not.toBeInTheDocument();
    tapCorner(1);
    expect(await screen.findByRole('heading', { name: 'Nhập mã PIN kỹ thuật' })).toBeInTheDocument();
  });
});

describe('technician mode: PIN and lockout', () => {
  it('refuses a wrong PIN with the attempts left, without showing the digits', async () => {
    const { technician } = await openTechnician();
    await enterPin('1111');
    expect(technician.api.unlock).toHaveBeenCalledWith({ pin: '1111' });
    expect(await screen.findByText('Mã PIN không đúng. Còn 4 lần thử.')).toBeInTheDocument();
    expect(screen.getByTestId('pin-display')).not.toHaveTextContent('1');
    expect(screen.queryByTestId('diagnostics')).not.toBeInTheDocument();
  });

  it('shows the lockout after the fifth wrong PIN, and the right PIN does not open it then', async () => {
    await openTechnician();
    for (let attempt = 0; attempt < 5; attempt++) await enterPin('9999');
    expect(await screen.findByTestId('pin-notice')).toHaveTextContent(/^Đã khóa do nhập sai nhiều lần\. Thử lại sau \d{2}:\d{2}\.$/);
    await enterPin(RIGHT_PIN);
    expect(screen.getByTestId('pin-notice')).toHaveTextContent(/Đã khóa/);
    expect(screen.queryByTestId('diagnostics')).not.toBeInTheDocument();
  });

  it('opens diagnostics with the right PIN: server, catalogue, disk, outbox, errors', async () => {
    await openTechnician();
    await enterPin(RIGHT_PIN);
    const diagnostics = await screen.findByTestId('diagnostics');
    await within(diagnostics).findByText('kiosk-7');
    expect(diagnostics).toHaveTextContent('https://hcc.example.vn — Kết nối được (42 ms)');
    expect(diagnostics).toHaveTextContent('120 thủ tục, 8 cơ quan, 15 lĩnh vực, 3 địa điểm');
    expect(diagnostics).toHaveTextContent('12.5 / 64.0 GB');
    expect(diagnostics).toHaveTextContent('3 giờ 25 phút');
    expect(diagnostics).toHaveTextContent('1 lỗi từ khi khởi động');
    expect(diagnostics).toHaveTextContent('heartbeat not delivered');
    expect(diagnostics).toHaveTextContent('Máy quét: hoạt động — Camera: lỗi');
    expect(diagnostics).toHaveTextContent('Giọng đọc của máy (eSpeak NG)Không chạy được espeak-ng: cài eSpeak NG');
  });

  it('goes back to the PIN pad when the core has ended the session', async () => {
    const { technician } = await openTechnician();
    await enterPin(RIGHT_PIN);
    await screen.findByTestId('diagnostics');
    technician.expireSession();
    await userEvent.click(screen.getByRole('button', { name: 'Làm mới' }));
    expect(await screen.findByText('Phiên kỹ thuật đã hết hạn. Hãy nhập lại mã PIN.')).toBeInTheDocument();
  });

  it('leaves technician mode and locks the session after two minutes without a touch', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { technician } = await openTechnician();
    await enterPin(RIGHT_PIN);
    await screen.findByTestId('diagnostics');
    await act(async () => {
      vi.advanceTimersByTime(121_000);
    });
    expect(screen.queryByTestId('technician-mode')).not.toBeInTheDocument();
    expect(technician.api.lock).toHaveBeenCalled();
  });
});

describe('technician mode: scanner test', () => {
  it('shows the keys with their timing and what the wedge decoder made of a fast burst, without looking it up', async () => {
    const { kiosk } = await openTechnician();
    await enterPin(RIGHT_PIN);
    await userEvent.click(await screen.findByRole('button', { name: 'Thử máy quét' }));
    // Key-downs 5 ms apart by their own time stamps, whatever the test machine's speed.
    let time = 1000;
    for (const key of [...'000.00.06.H56-231027-0361', 'Enter']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: (time += 5) });
      act(() => void document.body.dispatchEvent(event));
    }
    expect(await screen.findByTestId('scanner-outcome')).toHaveTextContent('Mã đọc được: 000.00.06.H56-231027-0361');
    expect(screen.getByTestId('scanner-keys')).toHaveTextContent('Enter');
    expect(kiosk.lookup).not.toHaveBeenCalled();
  });
});

describe('technician mode: settings and actions', () => {
  it('saves only the settings the technician changed, and says when they apply', async () => {
    const { technician } = await openTechnician();
    await enterPin(RIGHT_PIN);
    await userEvent.click(await screen.findByRole('button', { name: 'Cài đặt' }));
    expect(await screen.findByRole('button', { name: '60 giây' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Camera mặc định' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Mỗi 15 phút' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: '90 giây' }));
    // (The kiosk's own language switch lies under the technician layer.)
    await userEvent.click(within(screen.getByTestId('technician-mode')).getByRole('button', { name: 'English' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(technician.api.updateSettings).toHaveBeenCalledWith({ idleTimeoutSeconds: 90, language: 'en' });
    expect(await screen.findByText('Đã lưu. Cài đặt mới có hiệu lực ngay khi thoát chế độ kỹ thuật.')).toBeInTheDocument();
  });

  it('applies the saved settings as soon as the technician leaves: the kiosk asks the core again', async () => {
    const technician = fakeTechnician();
    const kiosk = fakeKiosk(undefined, undefined, undefined, undefined, undefined, technician.api);
    // The core's running settings, as app:info answers them: changed by the save, as the core does.
    let language: 'vi' | 'en' = 'vi';
    kiosk.api.app = { ...kiosk.api.app, info: async () => ({ version: '0.1.0', host: 'web', demo: false, idleTimeoutSeconds: 60, language }) };
    vi.mocked(technician.api.updateSettings).mockImplementation(async (change) => {
      language = change.language ?? language;
      return { ok: true, value: { idleTimeoutSeconds: 60, language, scannerMode: 'wedge', catalogueSyncMinutes: 15, cameraDeviceId: null } };
    });
    renderKiosk(kiosk);
    tapCorner(5);
    await screen.findByTestId('pin-pad');
    await enterPin(RIGHT_PIN);
    await userEvent.click(await screen.findByRole('button', { name: 'Cài đặt' }));
    await userEvent.click(within(await screen.findByTestId('technician-mode')).getByRole('button', { name: 'English' }));
    await userEvent.click(screen.getByRole('button', { name: 'Mỗi 30 phút' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(technician.api.updateSettings).toHaveBeenCalledWith({ language: 'en', catalogueSyncMinutes: 30 });
    await screen.findByText(/^Đã lưu/);
    await userEvent.click(screen.getByRole('button', { name: 'Thao tác' }));
    await userEvent.click(screen.getByRole('button', { name: 'Khóa và thoát chế độ kỹ thuật' }));
    // No restart: the kiosk is in the newly configured language at once.
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(screen.queryByTestId('technician-mode')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Choose language' })).toBeInTheDocument();
  });

  it('asks again before re-enrolling, then asks the core', async () => {
    const { technician } = await openTechnician();
    await enterPin(RIGHT_PIN);
    await userEvent.click(await screen.findByRole('button', { name: 'Thao tác' }));
    await userEvent.click(screen.getByRole('button', { name: 'Đăng ký lại ki-ốt' }));
    expect(technician.api.reenroll).not.toHaveBeenCalled();
    expect(screen.getByText(/Bấm lần nữa để xác nhận/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Đăng ký lại ki-ốt' }));
    expect(technician.api.reenroll).toHaveBeenCalledTimes(1);
  });
});
