/**
 * Screenshots compared against committed baselines, small enough to keep in the repository: each screenshot is
 * shrunk to a quarter of its width and height (4x4 pixel averages) and compared pixel by pixel with a tolerance,
 * so anti-aliasing noise passes and a moved, missing or recoloured element fails. `UPDATE_BASELINES=1` rewrites
 * the baselines instead of comparing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { projectRoot } from './processes';

export const baselineDir = join(projectRoot, 'tests', 'e2e', 'baselines');
export const screenshotDir = join(projectRoot, 'test-output', 'screenshots');

const scale = 4;
/** A pixel differs when one of its channels differs by more than this (0-255) after shrinking. */
const channelTolerance = 48;
/** The comparison fails when more than this share of the pixels differ. */
const maxDifferingRatio = 0.005;

export function shrink(png: PNG): PNG {
  const width = Math.floor(png.width / scale);
  const height = Math.floor(png.height / scale);
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0];
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = ((y * scale + dy) * png.width + (x * scale + dx)) * 4;
          for (let c = 0; c < 3; c++) sum[c]! += png.data[i + c]!;
        }
      }
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out.data[o + c] = Math.round(sum[c]! / (scale * scale));
      out.data[o + 3] = 255;
    }
  }
  return out;
}

export interface Comparison {
  differing: number;
  ratio: number;
  /** The differing pixels in red over a faded copy of the actual image. */
  diff: PNG;
}

export function compareImages(actual: PNG, expected: PNG): Comparison | { sizeMismatch: string } {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { sizeMismatch: `${actual.width}x${actual.height} vs baseline ${expected.width}x${expected.height}` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  let differing = 0;
  for (let i = 0; i < actual.data.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(actual.data[i + c]! - expected.data[i + c]!));
    const differs = worst > channelTolerance;
    if (differs) differing++;
    const grey = Math.round((actual.data[i]! + actual.data[i + 1]! + actual.data[i + 2]!) / 3 / 3 + 170);
    diff.data[i] = differs ? 255 : grey;
    diff.data[i + 1] = differs ? 0 : grey;
    diff.data[i + 2] = differs ? 0 : grey;
    diff.data[i + 3] = 255;
  }
  return { differing, ratio: differing / (actual.width * actual.height), diff };
}

function write(file: string, png: PNG): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, PNG.sync.write(png, { colorType: 2, deflateLevel: 9 }));
}

/**
 * Saves the full screenshot for review under test-output/screenshots/ and checks its shrunk copy against
 * tests/e2e/baselines/<name>.png. Returns null when it matches (or the baseline was just written), else why not.
 */
export function checkAgainstBaseline(name: string, screenshot: Buffer): string | null {
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, `${name}.png`), screenshot);
  const small = shrink(PNG.sync.read(screenshot));
  const baselineFile = join(baselineDir, `${name}.png`);
  if (process.env.UPDATE_BASELINES === '1') {
    write(baselineFile, small);
    return null;
  }
  if (!existsSync(baselineFile)) {
    return `no baseline ${baselineFile}: look at ${join(screenshotDir, `${name}.png`)} and, if it is right, create the baselines with UPDATE_BASELINES=1 npm run test:e2e -- tests/e2e/accessibility.test.ts`;
  }
  const result = compareImages(small, PNG.sync.read(readFileSync(baselineFile)));
  if ('sizeMismatch' in result) return `screenshot size changed: ${result.sizeMismatch}`;
  if (result.ratio <= maxDifferingRatio) return null;
  write(join(screenshotDir, 'diff', `${name}-actual.png`), small);
  write(join(screenshotDir, 'diff', `${name}-diff.png`), result.diff);
  return `${(result.ratio * 100).toFixed(2)} % of the pixels differ from ${baselineFile} (limit ${maxDifferingRatio * 100} %); see ${join(screenshotDir, 'diff', `${name}-diff.png`)}. If the change is intended, run with UPDATE_BASELINES=1`;
}
