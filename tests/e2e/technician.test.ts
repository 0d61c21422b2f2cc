/**
 * End to end: technician mode on the web host. The real reference server and kiosk as processes, the built
 * renderer in Debian's Chromium: the corner gesture opens the PIN pad, the right PIN opens diagnostics, a wrong PIN
 * is refused, and after five wrong PINs the lockout holds, in the core as well as on the screen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { updateKioskConfig } from '../../electron/core/config/configFile';
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { createLogger } from '../../electron/core/logger';
import { hashPin } from '../../electron/core/technician/pin';
import { useKioskStand } from '../support/kioskStand';

const PIN = '482916';
const stand = useKioskStand({ name: 'technician' });

// After the stand's own set-up: as `cli` or the setup wizard would, the PIN's hash in the kiosk's configuration file.
beforeAll(async () => {
  updateKioskConfig({ dataDir: stand.dataDir, secretBox: plainSecretBox, logger: createLogger({ level: 'silent' }) }, { technicianPinHash: await hashPin(PIN) });
});

async function openPinPad(): Promise<void> {
  for (let tap = 0; tap < 5; tap++) await stand.page.mouse.click(12, 12);
  await stand.page.getByTestId('pin-pad').waitFor();
}

async function enterPin(pin: string): Promise<void> {
  const pad = stand.page.getByTestId('pin-pad');
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'Mở khóa' }).click();
  // The pad takes no keys while the core checks the PIN (a slow hash).
  // (The pad is gone once the right PIN opened the panels.)
  await stand.page.waitForFunction(() => document.querySelector('[data-testid="pin-notice"]')?.textContent !== 'Đang kiểm tra…', undefined, { timeout: 15_000 });
}

/** What the core answers a page that skips the screen and calls the bridge itself. */
async function bridgeDiagnostics(): Promise<unknown> {
  return stand.page.evaluate(
    () =>
      new Promise((resolve) => {
        const socket = new WebSocket(`ws://${location.host}/bridge`);
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, channel: 'technician:diagnostics', request: {} }));
        socket.onmessage = (message: MessageEvent<string>) => {
          socket.close();
          const { id: _id, ...reply } = JSON.parse(message.data) as Record<string, unknown>;
          resolve(reply);
        };
      }),
  );
}

describe('technician mode through the web host', () => {
  it('opens diagnostics with the right PIN, refuses a wrong one, and locks after five wrong PINs', async () => {
    await stand.page.goto(stand.kiosk.url);
    // The corner gesture is watched once the kiosk has started: tap it on the home screen, as a technician would.
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();

    await openPinPad();
    await enterPin(PIN);
    const diagnostics = stand.page.getByTestId('diagnostics');
    await diagnostics.getByText(/Kết nối được \(\d+ ms\)/).waitFor();
    await stand.page.getByRole('button', { name: 'Thao tác' }).click();
    await stand.page.getByRole('button', { name: 'Khóa và thoát chế độ kỹ thuật' }).click();
    await stand.page.getByTestId('technician-mode').waitFor({ state: 'detached' });
    expect(await bridgeDiagnostics()).toMatchObject({ ok: true, response: { ok: false, error: { code: 'SESSION_REQUIRED' } } });

    await openPinPad();
    await enterPin('000000');
    await stand.page.getByText('Mã PIN không đúng. Còn 4 lần thử.').waitFor();
    expect(await stand.page.getByTestId('diagnostics').count()).toBe(0);

    for (const left of [3, 2, 1]) {
      await enterPin('000000');
      await stand.page.getByText(`Mã PIN không đúng. Còn ${left} lần thử.`).waitFor();
    }
    await enterPin('000000');
    await stand.page.getByText(/Đã khóa do nhập sai nhiều lần\. Thử lại sau \d{2}:\d{2}\./).waitFor();
    await enterPin(PIN);
    await stand.page.getByText(/Đã khóa do nhập sai nhiều lần/).waitFor();
    expect(await stand.page.getByTestId('diagnostics').count()).toBe(0);
    expect(await bridgeDiagnostics()).toMatchObject({ ok: true, response: { ok: false, error: { code: 'SESSION_REQUIRED' } } });
  }, 120_000);
});
