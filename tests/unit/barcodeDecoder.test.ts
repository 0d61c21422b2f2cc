import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { rotateLuminance, toLuminance } from '../../shared/barcode/luminance';
import type { RgbaImage } from '../../shared/barcode/types';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';

const code = '000.00.06.H56-260107-0231';

async function symbol(bcid: string, text: string): Promise<RgbaImage> {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid, text, scale: 3, height: 12, paddingwidth: 20, paddingheight: 20, backgroundcolor: 'FFFFFF' }));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
}

/** The image turned by `degrees` (through the grey levels, back to RGBA). */
function tilted(image: RgbaImage, degrees: number): RgbaImage {
  const grey = rotateLuminance(toLuminance(image), degrees);
  const data = new Uint8ClampedArray(grey.width * grey.height * 4);
  grey.data.forEach((value, at) => data.set([value, value, value, 255], at * 4));
  return { data, width: grey.width, height: grey.height };
}

describe('the zxing-js decoder', () => {
  const decoder = createZxingDecoder();

  it('reads a receipt Code 128 tilted by 20°, which the row scan alone misses', async () => {
    const image = tilted(await symbol('code128', code), 20);
    expect(decoder.decode(image, { formats: ['code128'] })).toEqual({ text: code, format: 'code128', pass: 'profile' });
  });

  it('reads a level Code 39 from its bar profile, the first pass tried for 1-D formats', async () => {
    expect(decoder.decode(await symbol('code39', code), { formats: ['code39'] })).toEqual({ text: code, format: 'code39', pass: 'profile' });
  });

  it('reads a level Code 39 in the plain pass, as ZXing alone would', async () => {
    expect(decoder.decode(await symbol('code39', code), { formats: ['code39'], only: 'plain' })).toEqual({ text: code, format: 'code39', pass: 'plain' });
  });

  it('runs only the group of passes asked for', async () => {
    const image = tilted(await symbol('code128', code), 20);
    expect(decoder.decode(image, { formats: ['code128'], only: 'plain' })).toBeNull();
    expect(decoder.decode(image, { formats: ['code128'], only: 'straightened' })?.pass).toBe('profile');
    // A level code the plain pass reads, read by the slow passes alone when only they are asked for.
    expect(decoder.decode(await symbol('code39', code), { formats: ['code39'], only: 'slow' })?.pass).toBe('tryHarder');
  });

  it('reads a QR code on the plain pass only: the turned images are for row scanners', async () => {
    const qr = tilted(await symbol('qrcode', code), 20);
    expect(decoder.decode(qr, { formats: ['qr'] })?.pass).toBe('plain');
    expect(decoder.decode(qr, { formats: ['qr'], only: 'straightened' })).toBeNull();
  });

  it('reads only the formats asked for', async () => {
    expect(decoder.decode(await symbol('code128', code), { formats: ['qr', 'code39'] })).toBeNull();
  });

  it('searches only the region', async () => {
    const image = await symbol('code128', code);
    expect(decoder.decode(image, { formats: ['code128'], region: { x: 0, y: 0, width: 15, height: 15 } })).toBeNull();
  });
});
