/**
 * 1-D codes read from their bar profiles (barProfile.ts) rather than from the image's rows: each region that looks like
 * bars gives one averaged profile, turned into rows of clean bars a few ways (as it is, and sharpened against a few
 * guesses of its blur), and each row goes to ZXing's own Code 128 and Code 39 readers, both ways round. A Code 39 read
 * must also show clean bars (two widths, clearly apart, in every character) and its quiet zones, since Code 39 has no
 * check character to catch a row misjudged.
 */
import { BitArray, ChecksumException, Code128Reader, Code39Reader, FormatException, NotFoundException, type Result } from '@zxing/library';
import { barProfile, deblurProfile, estimateBlur, normalizeProfile, refineBarRegion, runLengths, thresholdProfile, type BarRegion } from './barProfile';
import type { LuminanceImage } from './luminance';
import type { BarcodeFormat } from './types';

/** The profile's samples a pixel along the axis: half-pixel steps keep a 1.6-pixel bar three samples wide. */
const SPACING = 0.5;
/** Local black and white are taken over this many pixels either side: several bars and spaces of any code. */
const NORMALIZE_PIXELS = 20;
/** Blur guesses tried, as multiples of the profile's estimated blur (0: the profile as it is). */
const BLUR_GUESSES = [0, 1, 1.35, 0.7];
/** Thresholds tried on each sharpened profile, between its local black (0) and white (1). */
const THRESHOLDS = [0.5, 0.4, 0.6];
/** Code 39: its wide elements at least this many times its narrow ones in every character. */
const MIN_WIDE_TO_NARROW = 1.5;
/** Code 39: clear paper beyond the start and stop characters, in narrow bars (the standard's 10, less blur). */
const QUIET_NARROW = 7;

const isNoCode = (error: unknown): boolean =>
  error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException;

export interface ProfileRead {
  text: string;
  format: 'code128' | 'code39';
}

function toBitArray(bits: Uint8Array): BitArray {
  const row = new BitArray(bits.length);
  for (let i = 0; i < bits.length; i++) if (bits[i]) row.set(i);
  return row;
}

/**
 * True when a Code 39 of `characters` characters (start and stop included) whose start character's first bar is at
 * `start` in `bits` shows two clear widths in every character and quiet zones both sides.
 */
export function code39LooksClean(bits: Uint8Array, start: number, characters: number): boolean {
  const runs = runLengths(bits.subarray(start));
  // Nine elements a character and a gap between characters.
  const elements = characters * 10 - 1;
  if (runs.length < elements) return false;
  let narrowSum = 0;
  let end = start;
  for (let first = 0; first < elements; first += 10) {
    const widths = runs.slice(first, first + 9);
    end += widths.reduce((sum, width) => sum + width, 0) + (first + 9 < elements ? runs[first + 9]! : 0);
    widths.sort((a, b) => b - a);
    if (widths[2]! < MIN_WIDE_TO_NARROW * widths[3]!) return false;
    for (const width of widths.slice(3)) narrowSum += width;
  }
  const quiet = Math.ceil(QUIET_NARROW * (narrowSum / (6 * characters)));
  if (start - quiet < 0 || end + quiet > bits.length) return false;
  return !bits.subarray(start - quiet, start).includes(1) && !bits.subarray(end, end + quiet).includes(1);
}

/** ZXing's own search for Code 39's start character (private in its typings): [first bar, end] of the pattern. */
const code39Statics = Code39Reader as unknown as { findAsteriskPattern(row: BitArray, counters: Int32Array): Int32Array };
const findAsteriskPattern = (row: BitArray, counters: Int32Array): Int32Array => code39Statics.findAsteriskPattern(row, counters);

/**
 * Reads Code 128 and Code 39 (those of them asked for) from the image's bar regions (findBarRegions); null when none
 * reads cleanly.
 */
export function createProfileReader(): {
  read(image: LuminanceImage, regions: readonly BarRegion[], formats: readonly BarcodeFormat[], code39FullAscii?: boolean): ProfileRead | null;
} {
  const code128 = new Code128Reader();
  const code39Readers = { plain: new Code39Reader(false, false), fullAscii: new Code39Reader(false, true) };

  const tryRow = (bits: Uint8Array, formats: readonly BarcodeFormat[], code39: Code39Reader): ProfileRead | null => {
    for (const reversed of [false, true]) {
      const ordered = reversed ? bits.slice().reverse() : bits;
      const row = toBitArray(ordered);
      if (formats.includes('code128')) {
        const result = attempt(() => code128.decodeRow(0, row, new Map()));
        if (result) return { text: result.getText(), format: 'code128' };
      }
      if (formats.includes('code39')) {
        const result = attempt(() => code39.decodeRow(0, row, new Map()));
        if (result) {
          const [start] = findAsteriskPattern(row, new Int32Array(9));
          if (start !== undefined && code39LooksClean(ordered, start, result.getText().length + 2)) return { text: result.getText(), format: 'code39' };
        }
      }
    }
    return null;
  };

  return {
    read(image, regions, formats, code39FullAscii = false) {
      if (!formats.includes('code128') && !formats.includes('code39')) return null;
      const code39 = code39FullAscii ? code39Readers.fullAscii : code39Readers.plain;
      for (const found of regions) {
        const region = refineBarRegion(image, found);
        const profile = barProfile(image, region, { spacing: SPACING });
        const normalized = normalizeProfile(profile, Math.round(NORMALIZE_PIXELS / SPACING));
        const blur = estimateBlur(normalized);
        for (const guess of BLUR_GUESSES) {
          const sharpened = guess === 0 ? normalized : deblurProfile(normalized, guess * blur);
          for (const threshold of guess === 0 ? [0.5] : THRESHOLDS) {
            const read = tryRow(thresholdProfile(sharpened, threshold), formats, code39);
            if (read) return read;
          }
        }
      }
      return null;
    },
  };
}

function attempt(decode: () => Result): Result | null {
  try {
    return decode();
  } catch (error) {
    if (isNoCode(error)) return null;
    throw error;
  }
}
