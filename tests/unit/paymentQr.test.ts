import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../shared/barcode/types';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';
import { buildVietQrPayload } from '../../shared/payment/vietQr';
import { qrImageSource } from '../../renderer/components/qrImage';

/** The status screen's image source (an SVG data: URL) drawn as a screen would, `pixels` wide. */
async function drawn(source: string, pixels: number): Promise<RgbaImage> {
  const svg = decodeURIComponent(source.slice(source.indexOf(',') + 1));
  const image = await loadImage(Buffer.from(svg));
  const canvas = createCanvas(pixels, pixels);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, pixels, pixels);
  context.drawImage(image, 0, 0, pixels, pixels);
  const { data, width, height } = context.getImageData(0, 0, pixels, pixels);
  return { data: new Uint8ClampedArray(data), width, height };
}

describe("the payment's VietQR code as the status screen draws it", () => {
  const decoder = createZxingDecoder();

  it.each([
    ['a small fee', { bankBin: '970415', accountNumber: '113000268868', amountVnd: 50_000, purpose: 'HCC 2601080187' }],
    // The longest payload the gateway lets through: every field at its limit, so the densest code.
    ['the largest payload', { bankBin: '970436', accountNumber: '9'.repeat(19), amountVnd: 9_999_999_999_999, billNumber: 'Z'.repeat(25), purpose: 'A'.repeat(25) }],
  ])('reads back as the exact payload for %s, at the size it is shown', async (_name, transfer) => {
    const payload = buildVietQrPayload(transfer);
    const source = await qrImageSource(payload);
    expect(source.startsWith('data:image/svg+xml,')).toBe(true);
    // 280 CSS pixels: the screen's image box.
    expect(decoder.decode(await drawn(source, 280), { formats: ['qr'] })?.text).toBe(payload);
  });
});
