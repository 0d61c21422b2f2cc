import { describe, expect, it } from 'vitest';
import {
  barProfile,
  deblurProfile,
  estimateBlur,
  findBarRegions,
  normalizeProfile,
  refineBarRegion,
  runLengths,
  thresholdProfile,
} from '../../shared/barcode/barProfile';
import type { LuminanceImage } from '../../shared/barcode/luminance';
import { code39LooksClean } from '../../shared/barcode/profileReader';
import { seededRandom } from '../../server/catalogueGenerator';

const gaussian = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Element widths (in modules) of a made-up 1-D code: bars and spaces by turns, a bar first and last. */
const pattern = [1, 1, 2, 1, 3, 2, 1, 1, 4, 1, 1, 3, 2, 2, 1, 1, 3, 1, 2, 1, 1, 4, 2, 1, 1, 2, 3, 1, 1, 1, 2, 2, 1, 3, 1, 1, 2];
const patternModules = pattern.reduce((sum, width) => sum + width, 0);

/** True where the pattern, `module` pixels a module and centred on 0, is dark at `u` pixels along its axis. */
function darkAt(u: number, module: number): boolean {
  let at = u / module + patternModules / 2;
  if (at < 0 || at >= patternModules) return false;
  for (const [index, width] of pattern.entries()) {
    if (at < width) return index % 2 === 0;
    at -= width;
  }
  return false;
}

/**
 * The made-up code drawn `height` pixels tall with its axis at `degrees`, grey 40 on paper 210, area-sampled
 * (4×4 a pixel), then blurred (Gaussian, `blur` pixels) and noisy (`noise` grey levels), on a 480×320 image.
 */
function barsImage(degrees: number, { module = 2, height = 80, blur = 0, noise = 0, seed = 1 } = {}): LuminanceImage {
  const [width, rows] = [480, 320];
  const radians = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  let grey: Float32Array = new Float32Array(width * rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      let dark = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const [dx, dy] = [x + (sx + 0.5) / 4 - width / 2, y + (sy + 0.5) / 4 - rows / 2];
          const [u, v] = [dx * cos + dy * sin, -dx * sin + dy * cos];
          if (Math.abs(v) < height / 2 && darkAt(u, module)) dark++;
        }
      }
      grey[y * width + x] = 210 - (170 * dark) / 16;
    }
  }
  if (blur > 0) grey = blurred(grey, width, rows, blur);
  const random = seededRandom(seed);
  const data = new Uint8ClampedArray(width * rows);
  for (let i = 0; i < data.length; i++) data[i] = grey[i]! + noise * gaussian(random);
  return { data, width, height: rows };
}

function blurred(grey: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const radius = Math.ceil(3 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const total = kernel.reduce((sum, weight) => sum + weight, 0);
  const pass = (source: Float32Array, stride: number, length: number, lines: number, lineStride: number) => {
    const out = new Float32Array(source.length);
    for (let line = 0; line < lines; line++) {
      for (let i = 0; i < length; i++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) sum += kernel[k + radius]! * source[line * lineStride + Math.min(length - 1, Math.max(0, i + k)) * stride]!;
        out[line * lineStride + i * stride] = sum / total;
      }
    }
    return out;
  };
  return pass(pass(grey, 1, width, height, width), width, height, width, 1);
}

describe('findBarRegions and refineBarRegion: where the bars are and which way they run', () => {
  it.each([-17.5, -6, 0, 9.3, 19])('recover a sharp code turned by %f° to within a degree', (degrees) => {
    const image = barsImage(degrees);
    const [region] = findBarRegions(image);
    // The gradients bring the search near; the sharpest profile pins the angle down.
    expect(Math.abs(region!.degrees - degrees)).toBeLessThan(2.5);
    expect(Math.abs(refineBarRegion(image, region!).degrees - degrees)).toBeLessThan(1);
  });

  it.each([-14, 4.5, 18])('recover a blurred, noisy code turned by %f° to within a degree, and where it lies', (degrees) => {
    const image = barsImage(degrees, { blur: 1.5, noise: 12, seed: Math.round(degrees * 10) });
    const [region] = findBarRegions(image);
    const refined = refineBarRegion(image, region!);
    expect(Math.abs(refined.degrees - degrees)).toBeLessThan(1);
    // The code's middle is the image's; its length along the axis ~ 2 px × 70 modules, its height 80 px.
    expect(Math.hypot(refined.x - 240, refined.y - 160)).toBeLessThan(16);
    expect(refined.halfLength).toBeGreaterThan(55);
    expect(refined.halfLength).toBeLessThan(100);
    expect(refined.halfHeight).toBeGreaterThan(25);
    expect(refined.halfHeight).toBeLessThan(60);
  });

  it('find nothing in paper, noise or a checkerboard (a QR code’s modules run both ways)', () => {
    const random = seededRandom(5);
    const noise = new Uint8ClampedArray(480 * 320).map(() => 160 + 12 * gaussian(random));
    expect(findBarRegions({ data: noise, width: 480, height: 320 })).toEqual([]);
    const checkers = new Uint8ClampedArray(480 * 320).map((_, i) => ((Math.floor((i % 480) / 6) + Math.floor(i / 480 / 6)) % 2 === 0 ? 40 : 210));
    expect(findBarRegions({ data: checkers, width: 480, height: 320 })).toEqual([]);
  });
});

describe('bar profiles: a known bar pattern recovered from a blurred, noisy profile', () => {
  /** The pattern as a profile: `samples` a module, 60 samples of paper either side, light falling along it. */
  function profileOf(samples: number, blur: number, noise: number): Float32Array {
    const length = Math.round(patternModules * samples) + 120;
    const random = seededRandom(3);
    const sharp = new Float32Array(length);
    for (let i = 0; i < length; i++) sharp[i] = darkAt((i + 0.5 - length / 2) / samples, 1) ? 50 : 200;
    const radius = Math.ceil(3 * blur);
    const profile = new Float32Array(length);
    for (let i = 0; i < length; i++) {
      let [sum, total] = [0, 0];
      for (let k = -radius; k <= radius; k++) {
        const weight = Math.exp(-(k * k) / (2 * blur * blur));
        sum += weight * sharp[Math.min(length - 1, Math.max(0, i + k))]!;
        total += weight;
      }
      // Uneven light: a quarter darker at the far end.
      profile[i] = (sum / total) * (1 - (0.25 * i) / length) + noise * gaussian(random);
    }
    return profile;
  }

  const recovered = (runs: number[], samples: number) => runs.slice(1, -1).map((run) => Math.round(run / samples));

  it('estimates the blur a profile shows', () => {
    const normalized = normalizeProfile(profileOf(5, 2.5, 2), 40);
    expect(estimateBlur(normalized)).toBeGreaterThan(2);
    expect(estimateBlur(normalized)).toBeLessThan(3);
  });

  it('recovers every element of a pattern blurred by σ 0.6 of a module, noise σ 3 grey levels', () => {
    // 4 samples a module (2 px at half-pixel steps), σ 2.4 samples (1.2 px): a row scan of the raw profile loses the
    // narrow elements between wide ones.
    const normalized = normalizeProfile(profileOf(4, 2.4, 3), 40);
    const raw = recovered(runLengths(thresholdProfile(normalized)), 4);
    expect(raw).not.toEqual(pattern);
    const sharpened = deblurProfile(normalized, estimateBlur(normalized));
    expect(recovered(runLengths(thresholdProfile(sharpened)), 4)).toEqual(pattern);
  });

  it('averages the lines of a tilted, blurred, noisy code into its pattern', () => {
    // 2.5 px a module turned 12°, blur σ 1 px, noise σ 12: any single row of it is hopeless.
    const image = barsImage(12, { module: 2.5, blur: 1, noise: 12, seed: 12 });
    const region = refineBarRegion(image, findBarRegions(image)[0]!);
    const normalized = normalizeProfile(barProfile(image, region, { spacing: 0.5, margin: 24 }), 40);
    const sharpened = deblurProfile(normalized, estimateBlur(normalized));
    expect(recovered(runLengths(thresholdProfile(sharpened)), 5)).toEqual(pattern);
  });
});

describe('code39LooksClean', () => {
  /** A row of Code 39 characters (nine elements, 3 wide, and a narrow gap), `quiet` narrow bars of paper either side. */
  function row(characters: number[][], narrow: number, wide: number, quiet: number): Uint8Array {
    const bits: number[] = Array<number>(quiet * narrow).fill(0);
    for (const [index, character] of characters.entries()) {
      for (const [element, isWide] of character.entries()) bits.push(...Array<number>(isWide ? wide : narrow).fill(element % 2 === 0 ? 1 : 0));
      if (index < characters.length - 1) bits.push(...Array<number>(narrow).fill(0));
    }
    bits.push(...Array<number>(quiet * narrow).fill(0));
    return Uint8Array.from(bits);
  }
  // '*', 'A', '*' (narrow/wide per element, bar first).
  const star = [0, 1, 0, 0, 1, 0, 1, 0, 0];
  const a = [1, 0, 0, 0, 0, 1, 0, 0, 1];

  it('passes two clear widths with quiet zones', () => {
    expect(code39LooksClean(row([star, a, star], 3, 8, 10), 30, 3)).toBe(true);
  });

  it('refuses widths too close to tell apart, or no quiet zone', () => {
    expect(code39LooksClean(row([star, a, star], 3, 4, 10), 30, 3)).toBe(false);
    expect(code39LooksClean(row([star, a, star], 3, 8, 3), 9, 3)).toBe(false);
  });
});
