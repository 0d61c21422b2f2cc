import { describe, expect, it } from 'vitest';
import { estimateBarAngle, rotateLuminance, toLuminance, type LuminanceImage } from '../../shared/barcode/luminance';

/** Upright bars of varying width on white, as a 1-D code looks when held level. */
function bars(width: number, height: number): LuminanceImage {
  const data = new Uint8ClampedArray(width * height).fill(255);
  const pattern = [2, 1, 3, 1, 1, 2, 4, 1, 2, 3];
  for (let y = 0; y < height; y++) {
    let x = 20;
    for (let i = 0; x < width - 20; i++) {
      const run = pattern[i % pattern.length]! * 3;
      if (i % 2 === 0) data.fill(0, y * width + x, y * width + Math.min(x + run, width - 20));
      x += run;
    }
  }
  return { data, width, height };
}

describe('estimateBarAngle', () => {
  it('finds upright bars at 0°', () => {
    expect(estimateBarAngle(bars(300, 120))).toBeCloseTo(0, 0);
  });

  it.each([-20, -7, 12, 20])('finds bars turned by %i° to within a degree', (degrees) => {
    expect(Math.abs(estimateBarAngle(rotateLuminance(bars(300, 120), degrees))! - degrees)).toBeLessThan(1);
  });

  it('follows the axis of a code held in perspective, whose bars lean against it', () => {
    // Bars leaning 8° (each row shifted right by tan 8° a row), the code's axis level, then the whole turned by 10°.
    const level = bars(700, 60);
    const leaning = new Uint8ClampedArray(level.data.length).fill(255);
    const shift = Math.tan((8 * Math.PI) / 180);
    for (let y = 0; y < level.height; y++) {
      const by = Math.round(y * shift);
      leaning.set(level.data.subarray(y * level.width, (y + 1) * level.width - by), y * level.width + by);
    }
    const held = rotateLuminance({ data: leaning, width: level.width, height: level.height }, 10);
    expect(Math.abs(estimateBarAngle(held)! - 10)).toBeLessThan(1);
  });

  it('has no answer for a blank region', () => {
    expect(estimateBarAngle({ data: new Uint8ClampedArray(100 * 100).fill(255), width: 100, height: 100 })).toBeNull();
  });
});

describe('rotateLuminance', () => {
  it('turns a quarter turn clockwise onto a canvas that holds all of it, white where uncovered', () => {
    const image = { data: Uint8ClampedArray.from([0, 50, 100, 150, 200, 250]), width: 3, height: 2 };
    const turned = rotateLuminance(image, 90);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    expect(Array.from(turned.data)).toEqual([150, 0, 200, 50, 250, 100]);
  });
});

describe('toLuminance', () => {
  it('weighs colours as Java ZXing does, crops to the region, and treats transparency as white paper', () => {
    const rgba = Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0]);
    const grey = toLuminance({ data: rgba, width: 3, height: 1 }, { x: 1, y: 0, width: 5, height: 1 });
    expect([grey.width, grey.height]).toEqual([2, 1]);
    expect(Array.from(grey.data)).toEqual([150, 255]);
  });
});
