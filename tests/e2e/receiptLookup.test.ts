/**
 * End to end: the real reference central server and the kiosk web host as processes, the built renderer in Debian's
 * Chromium, a USB scanner simulated by real key events typed at scanner speed.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildDemoDossiers, demoDossierCode } from '../../server/demoData';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';
import { buildVietQrPayload } from '../../shared/payment/vietQr';
import { countBridgeCalls } from '../support/bridgeClient';
import { useKioskStand } from '../support/kioskStand';
import { typeAsPerson, typeAsScanner } from '../support/scanner';

const stand = useKioskStand({ name: 'lookup' });
const scan = (text: string) => typeAsScanner(stand.page, text);

describe('receipt lookup through the web host', () => {
  it('shows the home screen with its two choices', async () => {
    await stand.page.goto(stand.kiosk.url);
    await expect.poll(() => stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).count()).toBe(1);
    await expect.poll(() => stand.page.getByRole('button', { name: /Thủ tục hành chính/ }).count()).toBe(1);
  });

  it('a scan typed at scanner speed shows the right dossier', async () => {
    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const code = demoDossierCode('awaiting_supplement');
    await scan(code);
    const status = stand.page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('awaiting_supplement');
    await expect.poll(() => status.textContent()).toContain(code);
  });

  it('a QR lookup URL carrying the ID number shows the dossier and never the ID number', async () => {
    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const code = demoDossierCode('result_ready');
    await scan(`https://dichvucong.example.gov.vn/portaldvc/tra-cuu?SGT=079123456789&MHS=${code}`);
    const status = stand.page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('result_ready');
    expect(await stand.page.content()).not.toContain('079123456789');
  });

  it("a dossier awaiting payment shows a VietQR code that reads back, as Chromium paints it, as the fee's payload", async () => {
    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const code = demoDossierCode('awaiting_payment');
    await scan(code);
    const qr = stand.page.getByTestId('payment-qr');
    await qr.waitFor();
    const payment = buildDemoDossiers(new Date()).find((dossier) => dossier.code === code)?.payment;
    if (!payment) throw new Error('the demo dossier awaiting payment has no payment');
    const png = PNG.sync.read(await qr.screenshot());
    const read = createZxingDecoder().decode({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height }, { formats: ['qr'] });
    expect(read?.text).toBe(
      buildVietQrPayload({
        bankBin: payment.beneficiary.bankBin,
        accountNumber: payment.beneficiary.accountNumber,
        amountVnd: payment.amountVnd,
        billNumber: payment.reference,
        purpose: payment.reference,
      }),
    );
    expect(await stand.page.getByTestId('payment-amount').textContent()).toMatch(/^1\.250\.000\s₫$/);
  });

  it('the same characters typed at human speed do not trigger a lookup', async () => {
    const lookups = countBridgeCalls(stand.page, 'dossier:lookup');
    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    await typeAsPerson(stand.page, demoDossierCode('processing'), 120);
    // Give a wrongly triggered lookup every chance to show itself before asserting that none happened.
    await stand.page.waitForTimeout(500);
    expect(lookups()).toBe(0);
    expect(await stand.page.getByTestId('dossier-status').count()).toBe(0);
    // The same code at scanner speed is one lookup: the count above could have seen one.
    await scan(demoDossierCode('processing'));
    await stand.page.getByTestId('dossier-status').waitFor();
    expect(lookups()).toBe(1);
  });

  it('an unknown code in a valid format shows "not found"', async () => {
    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    await scan('000.00.06.H56-231027-9999');
    const error = stand.page.getByTestId('lookup-error');
    await error.waitFor();
    expect(await error.getAttribute('data-error-code')).toBe('NOT_FOUND');
  });

  it('with the server stopped the offline message appears within 5 s, and after a restart the next scan works', async () => {
    await stand.page.goto(stand.kiosk.url);
    await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    await stand.central.stop();

    await scan(demoDossierCode('processing'));
    const error = stand.page.getByTestId('lookup-error');
    await error.waitFor({ timeout: 5_000 });
    expect(await error.getAttribute('data-error-code')).toBe('UNAVAILABLE');

    await stand.restartCentral();
    await scan(demoDossierCode('processing'));
    const status = stand.page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('processing');
  });
});
