import { describe, expect, it } from 'vitest';
import { estimateBarAxis, reusableBytes, rotateLuminance, straightenedBand, toLuminance, type LuminanceImage } from '../../shared/barcode/luminance';

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

describe('estimateBarAxis', () => {
  it('finds upright bars at 0°', () => {
    expect(estimateBarAxis(bars(300, 120))?.degrees).toBeCloseTo(0, 0);
  });

  it.each([-20, -7, 12, 20])('finds bars turned by %i° to within a degree', (degrees) => {
    expect(Math.abs(estimateBarAxis(rotateLuminance(bars(300, 120), degrees))!.degrees - degrees)).toBeLessThan(1);
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
    expect(Math.abs(estimateBarAxis(held)!.degrees - 10)).toBeLessThan(1);
  });

  it('says where the code lies: the middle of its bars and how far they reach across its axis', () => {
    // A 60-row code in the lower right of a larger white region, turned by 12°.
    const region = { data: new Uint8ClampedArray(800 * 400).fill(255), width: 800, height: 400 };
    const code = bars(300, 60);
    for (let y = 0; y < code.height; y++) region.data.set(code.data.subarray(y * code.width, (y + 1) * code.width), (280 + y) * region.width + 420);
    const held = rotateLuminance(region, 12);
    const axis = estimateBarAxis(held)!;
    // Where the code's middle (570, 310) went: turned 12° clockwise about the region's centre, onto the larger canvas.
    const radians = (12 * Math.PI) / 180;
    const [dx, dy] = [570 - 399.5, 310 - 199.5];
    const expected = { x: dx * Math.cos(radians) - dy * Math.sin(radians) + (held.width - 1) / 2, y: dx * Math.sin(radians) + dy * Math.cos(radians) + (held.height - 1) / 2 };
    expect(Math.abs(axis.degrees - 12)).toBeLessThan(1);
    expect(Math.hypot(axis.x - expected.x, axis.y - expected.y)).toBeLessThan(15);
    expect(axis.across).toBeGreaterThan(40);
    expect(axis.across).toBeLessThan(90);
  });

  it('has no answer for a blank region', () => {
    expect(estimateBarAxis({ data: new Uint8ClampedArray(100 * 100).fill(255), width: 100, height: 100 })).toBeNull();
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

describe('straightenedBand', () => {
  it('cuts the band along a tilted code level: every row of it crosses the same bars', () => {
    const code = bars(300, 120);
    const held = rotateLuminance(code, 15);
    const band = straightenedBand(held, estimateBarAxis(held)!, 40);
    expect(band.height).toBe(40);
    // At least the turned image's width along the axis (the code and its margins), white beyond the image.
    expect(band.width).toBeGreaterThanOrEqual(code.width);
    const row = (v: number) => band.data.subarray(v * band.width, (v + 1) * band.width);
    const dark = (v: number) => Array.from(row(v), (grey) => (grey < 128 ? 1 : 0));
    const differing = dark(5).filter((value, u) => value !== dark(34)[u]).length;
    // Rows 29 apart cross the bars at the same places but for the odd pixel at an edge.
    expect(differing).toBeLessThan(band.width * 0.03);
    expect(dark(20).reduce<number>((sum, value) => sum + value, 0)).toBeGreaterThan(100);
  });

  it('writes into reused bytes, the same band as into fresh ones', () => {
    const held = rotateLuminance(bars(300, 120), -8);
    const axis = estimateBarAxis(held)!;
    const reused = reusableBytes();
    straightenedBand(rotateLuminance(bars(200, 200), 30), axis, 60, reused);
    expect(Array.from(straightenedBand(held, axis, 30, reused).data)).toEqual(Array.from(straightenedBand(held, axis, 30).data));
  });
});

describe('toLuminance', () => {
  it('weighs colours as Java ZXing does, crops to the region, and treats transparency as white paper', () => {
    const rgba = Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0]);
    const grey = toLuminance({ data: rgba, width: 3, height: 1 }, { x: 1, y: 0, width: 5, height: 1 });
    expect([grey.width, grey.height]).toEqual([2, 1]);
    expect(Array.from(grey.data)).toEqual([150, 255]);
  });

  it('reads pixels that do not start on a 4-byte boundary of their buffer alike', () => {
    const rgba = Uint8ClampedArray.from([0, 255, 0, 0, 255, 0, 255, 0, 255, 10, 20, 30, 255]).subarray(1);
    expect(Array.from(toLuminance({ data: rgba, width: 3, height: 1 }).data)).toEqual([76, 150, 18]);
  });
});
