/**
 * Code 39 has no check character, so a row scanner that finds a start pattern in the middle of a noisy code reads its
 * tail as a whole code ("H48-230503-3764" out of "000.31.91.H48-230503-3764"). The standard asks for a quiet zone of
 * ten narrow bars on each side; ZXing checks only about six before the start. This checks the line a read came from
 * for a clear margin beyond both ends, which a tail read inside a code does not have. Pure.
 */
import type { LuminanceImage } from './luminance';

export interface Point {
  x: number;
  y: number;
}

/** Narrow bars of clear paper asked beyond each end (the standard's 10, less the blur of a camera's edges). */
const QUIET_NARROW_BARS = 8;
/** Narrow bars from the centre of the start (or stop) character to its outer edge: about half of a 13-bar character. */
const HALF_CHARACTER = 7;
/** How far beside the line (in narrow bars) the margins are checked too: well inside a printed code's bar height. */
const SIDE_NARROW_BARS = 4;
/** A Code 39 character is 12 to 15 narrow bars wide (wide:narrow 2 to 3) plus the gap: a middle value for the scale. */
const CHARACTER_NARROW_BARS = 13.5;

/**
 * True when the read's line shows clear margins beyond both ends. `start` and `end` are ZXing's result points: the
 * centres of the start and stop characters on the line it read; `length` the decoded text's length. Margins running
 * off the image count as clear (the image edge cannot hide a code's earlier part from a frame that shows all of it).
 */
export function hasCode39QuietZones(image: LuminanceImage, start: Point, end: Point, length: number): boolean {
  const span = Math.hypot(end.x - start.x, end.y - start.y);
  if (span === 0) return false;
  const direction = { x: (end.x - start.x) / span, y: (end.y - start.y) / span };
  const narrow = span / ((length + 1) * CHARACTER_NARROW_BARS);
  const sample = (from: Point, along: number): number | null => {
    const x = Math.round(from.x + direction.x * along);
    const y = Math.round(from.y + direction.y * along);
    return x < 0 || y < 0 || x >= image.width || y >= image.height ? null : image.data[y * image.width + x]!;
  };
  // The dark and light levels of the code itself, on its own line.
  let darkest = 255;
  let lightest = 0;
  for (let along = 0; along <= span; along += Math.max(1, narrow / 2)) {
    const value = sample(start, along);
    if (value === null) continue;
    darkest = Math.min(darkest, value);
    lightest = Math.max(lightest, value);
  }
  const threshold = (darkest + lightest) / 2;
  // Also a little above and below the line: a line crossing a tilted code leaves its bars at one end, and beyond
  // that end it runs over clear paper while the rest of the code lies just beside it.
  const beside = [0, -SIDE_NARROW_BARS * narrow, SIDE_NARROW_BARS * narrow];
  const clear = (end: Point, outwards: 1 | -1): boolean =>
    beside.every((offset) => {
      const from = { x: end.x - direction.y * offset, y: end.y + direction.x * offset };
      let darkSamples = 0;
      for (let bar = HALF_CHARACTER + 1; bar <= HALF_CHARACTER + QUIET_NARROW_BARS; bar += 0.5) {
        const value = sample(from, outwards * bar * narrow);
        if (value !== null && value < threshold) darkSamples++;
      }
      // One dark sample is noise or a speck on the paper; a bar is several.
      return darkSamples <= 1;
    });
  return clear(start, -1) && clear(end, 1);
}
