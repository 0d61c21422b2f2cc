/**
 * Receipts as the kiosk camera sees them (tests/support/receiptImages.ts: generated from a seed, turned up to 20° for
 * 1-D codes and any angle for QR, in perspective, blurred, noisy, low in contrast, with glare, JPEG-compressed), at
 * the size the camera worker decodes (a 1080p camera's guide frame scaled to MAX_DECODE_SIDE), through the camera's
 * own decoder: the cheap passes (which the camera spreads over two frames), then the slow ones (as on every
 * TRY_HARDER_EVERY-th failed frame).
 * Prints the table; asserts no misread and the read rates reached (see the floors below).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DECODE_SIDE } from '../../shared/barcode/cameraFrame';
import type { BarcodeFormat } from '../../shared/barcode/types';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';
import { seededRandom } from '../../server/catalogueGenerator';
import { defaultCameraSettings } from '../../shared/contract/camera';
import {
  barcodeText,
  photograph,
  printReceipt,
  randomCameraView,
  randomDossierCode,
  type ReceiptSymbology,
} from '../support/receiptImages';

const IMAGES_PER_SYMBOLOGY = 40;
const frame = { width: MAX_DECODE_SIDE, height: MAX_DECODE_SIDE / 2 };
const formats: readonly BarcodeFormat[] = defaultCameraSettings.formats;

/**
 * The target, 98% read and no misread, for each symbology (seeded images, so the same every run): with 40
 * images of each, every one must read. Code 39 got there once the straightening followed the code's axis rather than
 * its bars, which a receipt held in perspective leans against the axis.
 */
const floors: Record<ReceiptSymbology, number> = { code128: 0.98, qr: 0.98, code39: 0.98 };

interface Tally {
  images: number;
  cheap: number;
  read: number;
  misread: number;
}
const table = new Map<ReceiptSymbology, Tally>();

async function run(symbology: ReceiptSymbology, seed: number): Promise<Tally> {
  const decoder = createZxingDecoder();
  const random = seededRandom(seed);
  const tally: Tally = { images: 0, cheap: 0, read: 0, misread: 0 };
  for (let i = 0; i < IMAGES_PER_SYMBOLOGY; i++) {
    const code = randomDossierCode(random);
    const image = await photograph(await printReceipt(symbology, code), randomCameraView(random, symbology), frame, random);
    const expected = barcodeText(symbology, code);
    const cheap = decoder.decode(image, { formats });
    const result = cheap ?? decoder.decode(image, { formats, tryHarder: true });
    tally.images++;
    if (cheap?.text === expected) tally.cheap++;
    if (result?.text === expected) tally.read++;
    else if (result) tally.misread++;
  }
  table.set(symbology, tally);
  return tally;
}

afterAll(() => {
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  console.log(`receipt images (${frame.width}×${frame.height}, formats ${formats.join(',')}):`);
  console.log('symbology  images  cheap pass  with TRY_HARDER  misreads');
  for (const [symbology, t] of table) {
    console.log(
      `${symbology.padEnd(9)}  ${String(t.images).padStart(6)}  ${percent(t.cheap, t.images).padStart(10)}  ${percent(t.read, t.images).padStart(15)}  ${String(t.misread).padStart(8)}`,
    );
  }
});

describe('receipt images through the camera decoder', () => {
  it.each([
    ['code128', 128],
    ['qr', 2026],
    ['code39', 39],
  ] as const)('reads %s receipts held to the camera', { timeout: 300_000 }, async (symbology, seed) => {
    const tally = await run(symbology, seed);
    expect(tally.misread).toBe(0);
    expect(tally.read / tally.images).toBeGreaterThanOrEqual(floors[symbology]);
  });
});
