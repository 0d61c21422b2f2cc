/**
 * A fix for @zxing/library 0.21's Code 128 start-pattern search (the library is in maintenance mode, so it is patched
 * here rather than upstream). Its port of Java's `System.arraycopy(counters, 2, counters, 0, ...)` is
 * `counters = counters.slice(2)`, which shrinks the six counters to four: after the first bar pair that is not a start
 * pattern, the search can never match again, so any Code 128 with a mark left of its quiet zone (a frame edge, text, a
 * table rule) is missed. This is Java ZXing's method, with the shift done in place.
 */
import { Code128Reader, NotFoundException, OneDReader, type BitArray } from '@zxing/library';

interface Code128Internals {
  findStartPattern(row: BitArray): Int32Array;
  CODE_PATTERNS: Int32Array[];
  MAX_AVG_VARIANCE: number;
  MAX_INDIVIDUAL_VARIANCE: number;
  CODE_START_A: number;
  CODE_START_C: number;
}
interface VarianceMatcher {
  patternMatchVariance(counters: Int32Array, pattern: Int32Array, maxIndividualVariance: number): number;
}

const reader = Code128Reader as unknown as Code128Internals;
const { patternMatchVariance } = OneDReader as unknown as VarianceMatcher;
let installed = false;

export function installCode128StartPatternFix(): void {
  if (installed) return;
  installed = true;
  reader.findStartPattern = (row: BitArray): Int32Array => {
    const width = row.getSize();
    const rowOffset = row.getNextSet(0);
    const counters = new Int32Array(6);
    let counterPosition = 0;
    let patternStart = rowOffset;
    let isWhite = false;
    for (let i = rowOffset; i < width; i++) {
      if (row.get(i) !== isWhite) {
        counters[counterPosition]!++;
        continue;
      }
      if (counterPosition === counters.length - 1) {
        let bestVariance = reader.MAX_AVG_VARIANCE;
        let bestMatch = -1;
        for (let startCode = reader.CODE_START_A; startCode <= reader.CODE_START_C; startCode++) {
          const variance = patternMatchVariance(counters, reader.CODE_PATTERNS[startCode]!, reader.MAX_INDIVIDUAL_VARIANCE);
          if (variance < bestVariance) {
            bestVariance = variance;
            bestMatch = startCode;
          }
        }
        // A quiet zone before the start pattern, at least half the pattern's width.
        if (bestMatch >= 0 && row.isRange(Math.max(0, patternStart - (i - patternStart) / 2), patternStart, false)) {
          return Int32Array.from([patternStart, i, bestMatch]);
        }
        patternStart += counters[0]! + counters[1]!;
        counters.copyWithin(0, 2, 2 + counterPosition - 1);
        counters[counterPosition - 1] = 0;
        counters[counterPosition] = 0;
        counterPosition--;
      } else {
        counterPosition++;
      }
      counters[counterPosition] = 1;
      isWhite = !isWhite;
    }
    throw new NotFoundException();
  };
}
