/**
 * End to end: the real reference central server and the kiosk web host as processes, the built renderer in Debian's
 * Chromium, a USB scanner simulated by real key events typed at scanner speed.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE, demoDossierCode } from '../../server/demoData';
import { launchChromium, makeTempDir, startCentral, startWebHost, type RunningProcess } from '../support/processes';
import { typeAsPerson, typeAsScanner } from '../support/scanner';
import { screenshotOnFailure } from '../support/screenshots';

const dataDir = makeTempDir('e2e-kiosk');
const centralDb = join(makeTempDir('e2e-central'), 'central.db');

let central: RunningProcess;
let kiosk: RunningProcess;
let browser: Browser;
let page: Page;

const scan = (text: string) => typeAsScanner(page, text);

beforeAll(async () => {
  central = await startCentral({ dbFile: centralDb });
  kiosk = await startWebHost({ central: central.url, dataDir, enrollmentCode: DEMO_ENROLLMENT_CODE });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
});

beforeEach((context) => screenshotOnFailure(context, () => page));

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await central?.stop();
});

describe('receipt lookup through the web host', () => {
  it('shows the home screen with its two choices', async () => {
    await page.goto(kiosk.url);
    await expect.poll(() => page.getByRole('button', { name: /Tra cứu hồ sơ/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Thủ tục hành chính/ }).count()).toBe(1);
  });

  it('a scan typed at scanner speed shows the right dossier', async () => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const code = demoDossierCode('awaiting_supplement');
    await scan(code);
    const status = page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('awaiting_supplement');
    await expect.poll(() => status.textContent()).toContain(code);
  });

  it('a QR lookup URL carrying the ID number shows the dossier and never the ID number', async () => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const code = demoDossierCode('result_ready');
    await scan(`https://dichvucong.example.gov.vn/portaldvc/tra-cuu?SGT=079123456789&MHS=${code}`);
    const status = page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('result_ready');
    expect(await page.content()).not.toContain('079123456789');
  });

  it('the same characters typed at human speed do not trigger a lookup', async () => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    let lookups = 0;
    page.on('request', (request) => {
      if (request.url().includes('/bridge/invoke/dossier:lookup')) lookups += 1;
    });
    await typeAsPerson(page, demoDossierCode('processing'), 120);
    // Give a wrongly triggered lookup every chance to show itself before asserting that none happened.
    await page.waitForTimeout(500);
    expect(lookups).toBe(0);
    expect(await page.getByTestId('dossier-status').count()).toBe(0);
  });

  it('an unknown code in a valid format shows "not found"', async () => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    await scan('000.00.06.H56-231027-9999');
    const error = page.getByTestId('lookup-error');
    await error.waitFor();
    expect(await error.getAttribute('data-error-code')).toBe('NOT_FOUND');
  });

  it('with the server stopped the offline message appears within 5 s, and after a restart the next scan works', async () => {
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    const port = central.port;
    await central.stop();

    await scan(demoDossierCode('processing'));
    const error = page.getByTestId('lookup-error');
    await error.waitFor({ timeout: 5_000 });
    expect(await error.getAttribute('data-error-code')).toBe('UNAVAILABLE');

    central = await startCentral({ dbFile: centralDb, port });
    await scan(demoDossierCode('processing'));
    const status = page.getByTestId('dossier-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('processing');
  });
});
