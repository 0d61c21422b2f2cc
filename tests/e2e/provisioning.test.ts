/**
 * End to end: an unprovisioned kiosk (the web host started with no server and no code) is set up through the
 * wizard in Debian's Chromium, by scanning the provisioning QR code's text at scanner speed, against the real
 * reference central server; the kiosk then looks up a demo dossier.
 */
import { describe, expect, it } from 'vitest';
import { LocationList, provisioningPaths } from '../../shared/api/provisioning';
import { formatProvisioningQr } from '../../shared/provisioning/provisioningQr';
import { DEMO_ENROLLMENT_CODE, demoDossierCode } from '../../server/demoData';
import { useKioskStand } from '../support/kioskStand';
import { typeAsScanner } from '../support/scanner';

const stand = useKioskStand({ name: 'provisioning', enrolled: false });

/** Presses a key of the on-screen keyboard with the given test id (simple-keyboard marks buttons with data-skbtn). */
const press = (keyboard: string, key: string) => stand.page.getByTestId(keyboard).locator(`[data-skbtn="${key}"]`).click();

describe('provisioning through the setup wizard', () => {
  it('a new kiosk is set up from the provisioning QR code, then looks up a dossier', async () => {
    const centralUrl = stand.central.url.replace(/\/$/, '');
    const { locations } = LocationList.parse(await (await fetch(centralUrl + provisioningPaths.locations)).json());
    const location = locations[0]!;

    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByTestId('setup-step-server').waitFor();

    // A receipt is not a provisioning code: refused with the reason, nothing filled in.
    await typeAsScanner(stand.page, demoDossierCode('processing'));
    await expect.poll(() => stand.page.getByRole('alert').textContent()).toContain('Đây không phải mã QR cài đặt ki-ốt');

    await typeAsScanner(stand.page, formatProvisioningQr({ centralUrl, enrollmentCode: DEMO_ENROLLMENT_CODE, locationId: location.id }));
    await stand.page.getByTestId('setup-step-place').waitFor();
    await expect.poll(() => stand.page.getByRole('button', { name: location.name }).getAttribute('aria-pressed')).toBe('true');

    await stand.page.getByRole('button', { name: 'ABC' }).click();
    for (const key of ['k', '1']) await press('viet-keyboard', key);
    await stand.page.getByRole('button', { name: 'Đăng ký ki-ốt' }).click();

    await stand.page.getByTestId('setup-step-settings').waitFor();
    await stand.page.getByRole('button', { name: 'Tiếp tục' }).click();

    for (const key of ['4', '8', '2', '9']) await press('pin-keypad', key);
    await stand.page.getByRole('button', { name: 'Tiếp tục' }).click();
    for (const key of ['4', '8', '2', '9']) await press('pin-keypad', key);
    await stand.page.getByRole('button', { name: 'Hoàn tất cài đặt' }).click();

    await stand.page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const code = demoDossierCode('awaiting_supplement');
    await typeAsScanner(stand.page, code);
    const status = stand.page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('awaiting_supplement');

    // A reload (or a restart) starts the kiosk itself now, not the wizard.
    await stand.page.reload();
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    expect(await stand.page.getByTestId('setup-step-server').count()).toBe(0);
  });
});
