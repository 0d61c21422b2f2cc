/**
 * End to end with a camera: Chromium's fake camera plays a generated video (ffmpeg, .y4m) of a receipt held in front
 * of the kiosk, the kiosk (web host, scanner mode "both") decodes it in its worker and shows the dossier's status;
 * a video with no code in view makes no lookup and shows no error.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE, demoDossierCode } from '../../server/demoData';
import { countBridgeCalls } from '../support/bridgeClient';
import { fakeCameraArgs, launchChromium, makeTempDir, startCentral, startWebHost, type RunningProcess } from '../support/processes';
import { seededRandom } from '../../server/catalogueGenerator';
import { emptyView, photograph, printReceipt, writeFakeCameraVideo } from '../support/receiptImages';
import { screenshotOnFailure } from '../support/screenshots';

const videoDir = makeTempDir('e2e-camera-video');
const receiptVideo = join(videoDir, 'receipt.y4m');
const emptyVideo = join(videoDir, 'empty.y4m');
const code = demoDossierCode('processing');
/** The camera's default resolution: the video is what a 720p webcam would send. */
const cameraFrame = { width: 1280, height: 720 };

let central: RunningProcess;
let kiosk: RunningProcess;
let browser: Browser | undefined;
let page: Page | undefined;

beforeAll(async () => {
  const random = seededRandom(720);
  // A receipt held a little tilted in the middle of the view, where the guide frame asks for it.
  const held = await photograph(
    await printReceipt('code128', code),
    { rotation: 7, moduleSize: 2.6, perspective: 0.04, blur: 0.4, noise: 3, contrast: 0.85, glare: 0, jpegQuality: 85, offsetX: 0, offsetY: 0 },
    cameraFrame,
    random,
  );
  await writeFakeCameraVideo(held, receiptVideo);
  await writeFakeCameraVideo(await emptyView(cameraFrame, random), emptyVideo);
  central = await startCentral({ dbFile: join(makeTempDir('e2e-camera-central'), 'central.db') });
  kiosk = await startWebHost({ central: central.url, dataDir: makeTempDir('e2e-camera-kiosk'), enrollmentCode: DEMO_ENROLLMENT_CODE, scannerMode: 'both' });
});

beforeEach((context) => screenshotOnFailure(context, () => page!));

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await central?.stop();
});

/** A fresh Chromium whose camera plays `video`, on the kiosk's lookup screen; counts the lookups it makes. */
async function lookupScreenWithCamera(video: string): Promise<{ page: Page; lookups: () => number }> {
  await browser?.close();
  browser = await launchChromium(fakeCameraArgs(video));
  page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  const lookups = countBridgeCalls(page, 'dossier:lookup');
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).click();
  return { page, lookups };
}

describe('camera scanning in Chromium with a fake camera', () => {
  it('shows the status of the receipt held to the camera', async () => {
    const { page, lookups } = await lookupScreenWithCamera(receiptVideo);
    const status = page.getByTestId('dossier-status');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.getAttribute('data-status')).toBe('processing');
    await expect.poll(() => status.textContent()).toContain(code);
    expect(lookups()).toBe(1);
  });

  it('makes no lookup and shows no error while no code is in view', async () => {
    const { page, lookups } = await lookupScreenWithCamera(emptyVideo);
    // The preview says "hold the receipt here" once the worker has decoded a first frame: the camera is working.
    await page.getByRole('status').filter({ hasText: 'khung vàng' }).waitFor({ timeout: 30_000 });
    // Let the camera look at the empty view for a while (many frames) before checking that nothing happened.
    await page.waitForTimeout(3000);
    expect(lookups()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).count()).toBe(1);
  });
});
