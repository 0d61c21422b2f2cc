/**
 * End to end: the catalogue synced from the real reference server into the web host's cache on start, browsed and
 * searched by touch in Chromium, with the on-screen keyboard, down to a procedure page with its documents and QR.
 */
import { describe, expect, it } from 'vitest';
import { useKioskStand } from '../support/kioskStand';

const stand = useKioskStand({ name: 'catalogue', page: { hasTouch: true } });

const button = (name: string | RegExp) => stand.page.getByRole('button', { name });

async function openCatalogue() {
  await stand.page.goto(stand.kiosk.url);
  await button(/Thủ tục hành chính/).tap();
  // The web host syncs on start; the levels appear once the first sync has filled the cache.
  await button(/Cấp xã/).waitFor();
}

/** Taps keys of the on-screen keyboard, as a citizen would, one key per character. */
async function typeOnKeyboard(keys: string) {
  for (const key of keys) await stand.page.locator(`[data-testid="viet-keyboard"] [data-skbtn="${key === ' ' ? '{space}' : key}"]`).tap();
}

async function expectProcedurePageWithDocumentsAndQr(name: string) {
  const procedure = stand.page.getByTestId('procedure-page');
  await procedure.waitFor();
  await expect.poll(() => procedure.getByRole('heading', { level: 2 }).textContent()).toBe(name);
  expect(await procedure.getByRole('checkbox').count()).toBeGreaterThan(0);
  expect(await procedure.getByTestId('documents').textContent()).toMatch(/Bản chính: \d+ · Bản sao: \d+/);
  const qr = procedure.getByTestId('portal-qr');
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
  // Drawn, not blocked by the page's Content-Security-Policy.
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
}

describe('procedure catalogue through the web host', () => {
  it('browses by touch from level and field to a procedure', async () => {
    await openCatalogue();
    expect(await button(/Cấp huyện/).count()).toBe(0);
    await button(/Cấp xã/).tap();
    await button(/^Hộ tịch/).tap();
    const birth = button(/Thủ tục đăng ký khai sinh/);
    await stand.page.getByTestId('procedure-list').waitFor();
    while ((await birth.count()) === 0) await button('Trang sau').tap();
    await birth.tap();

    await expectProcedurePageWithDocumentsAndQr('Thủ tục đăng ký khai sinh');
    expect(await stand.page.getByTestId('catalogue-status').textContent()).toMatch(/Cập nhật lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/);
  });

  it('searches with Telex typed on the on-screen keyboard', async () => {
    await openCatalogue();
    await button(/Tìm thủ tục/).tap();
    await typeOnKeyboard('ddaawng kys khai sinh');
    await expect.poll(() => stand.page.getByTestId('search-display').textContent()).toBe('đăng ký khai sinh');

    await button(/Thủ tục đăng ký khai sinh/).tap();
    await expectProcedurePageWithDocumentsAndQr('Thủ tục đăng ký khai sinh');

    await button('Quay lại').tap();
    await expect.poll(() => stand.page.getByTestId('search-display').textContent()).toBe('đăng ký khai sinh');
  });
});
