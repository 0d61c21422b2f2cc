import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { toLuminance } from '../../shared/barcode/luminance';
import { hasCode39QuietZones } from '../../shared/barcode/quietZone';

const code = '000.31.91.H48-230503-3764';
const tail = 'H48-230503-3764';
const narrow = 3;
const margin = 20 * narrow;

async function printedCode39() {
  const png = PNG.sync.read(
    await bwipjs.toBuffer({ bcid: 'code39', text: code, scale: narrow, height: 12, paddingwidth: margin / narrow, paddingheight: 10, backgroundcolor: 'FFFFFF' }),
  );
  return toLuminance({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
}

describe('the Code 39 quiet-zone check', () => {
  it('accepts a whole code: clear paper beyond its start and stop characters', async () => {
    const image = await printedCode39();
    const y = image.height / 2;
    // ZXing's result points: the centres of the start and stop characters.
    expect(hasCode39QuietZones(image, { x: margin + 7 * narrow, y }, { x: image.width - margin - 7 * narrow, y }, code.length)).toBe(true);
  });

  it('refuses a tail read from the middle of the code, which has bars before its "start"', async () => {
    const image = await printedCode39();
    const y = image.height / 2;
    const end = image.width - margin - 7 * narrow;
    const charactersWide = (tail.length + 1) * 13.5 * narrow;
    expect(hasCode39QuietZones(image, { x: end - charactersWide, y }, { x: end, y }, tail.length)).toBe(false);
  });
});
