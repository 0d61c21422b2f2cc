/**
 * The signal work a row scanner does not do, for 1-D codes under blur, noise and tilt. Pure, on plain arrays.
 *
 * 1. Where the bars are, and which way they run: the structure tensor (summed outer products of the grey-level
 *    gradient) per tile. Many parallel bars make a tile whose gradients all point one way (high anisotropy), however
 *    blurred their edges are; sensor noise adds to both eigenvalues alike and cancels out of their difference, text
 *    and QR modules point every way. Neighbouring tiles of one orientation make a region; its summed tensor gives the
 *    code's axis to a fraction of a degree, and the tiles' orientations along the axis the fan of a receipt held in
 *    perspective.
 * 2. One profile across the bars: at each step along the axis, the mean of the grey levels along the bar through that
 *    point (its own direction, fan included), over the middle of the bars' height. Dozens of lines averaged: noise and
 *    JPEG blocks fall by their square root, while the bars, sampled along themselves, keep their contrast.
 * 3. That profile turned into clean bars: normalized to its local black and white (uneven light, glare), sharpened
 *    against the blur it shows (projected Landweber: a bar code is two-level, so the estimate is clamped to black and
 *    white at every step), then thresholded. The 1-D readers get rows built from that.
 */
import { bilinearSample, type LuminanceImage } from './luminance';

/** Tiles of this many pixels a side: a few modules of a code held at 2 pixels a module, many of one held closer. */
export const TILE = 16;
/** Every other pixel's gradient is summed: half the cost, and a tile still has 64 of them. */
const STEP = 2;
/** A tile is part of a code when its gradients agree this much ((λ1 - λ2) / (λ1 + λ2)) ... */
const MIN_COHERENCE = 0.45;
/** ... and its anisotropic energy (λ1 - λ2 per gradient) is at least this (a contrast of ~25 grey levels, blurred). */
const MIN_ANISOTROPY = 60;
/** Neighbouring tiles join a region when their orientations differ by less than this (perspective fans bars out). */
const JOIN_DEGREES = 14;
/** A region of fewer tiles is a word or a table edge, not a code. */
const MIN_TILES = 4;
/** The most a held receipt's bars fan out over the code's length (keystone), either way. */
const MAX_FAN_DEGREES = 10;

/** A 1-D code's region: its centre, axis (the direction across the bars), extent, and the bars' fan along it. */
export interface BarRegion {
  x: number;
  y: number;
  /** The axis's direction in degrees, in (-90, 90], 0 meaning level, y pointing down. */
  degrees: number;
  /** Half the region's length along the axis and half its height across it (bars' direction), in pixels. */
  halfLength: number;
  halfHeight: number;
  /** How much the bars' direction turns per pixel along the axis, in degrees (a receipt's keystone). */
  fan: number;
  /** The region's summed anisotropic energy: regions are tried strongest first. */
  weight: number;
}

interface TileTensor {
  xx: number;
  yy: number;
  xy: number;
}

/** The dominant gradient direction of a tensor (degrees, in (-90, 90]), its anisotropy λ1 - λ2 and coherence. */
export function tensorOrientation({ xx, yy, xy }: TileTensor): { degrees: number; anisotropy: number; coherence: number } {
  const anisotropy = Math.hypot(xx - yy, 2 * xy);
  const degrees = wrapDegrees((0.5 * Math.atan2(2 * xy, xx - yy) * 180) / Math.PI);
  return { degrees, anisotropy, coherence: anisotropy / Math.max(1e-9, xx + yy) };
}

/** Degrees folded into (-90, 90]: a direction, not an orientation. */
export function wrapDegrees(degrees: number): number {
  let folded = degrees % 180;
  if (folded <= -90) folded += 180;
  if (folded > 90) folded -= 180;
  return folded;
}

/** The structure tensor of every tile, per gradient (means, so tiles cut by the image's edge compare fairly). */
export function tileTensors(image: LuminanceImage): { columns: number; rows: number; tiles: TileTensor[] } {
  const { data, width, height } = image;
  const columns = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const xx = new Float64Array(columns * rows);
  const yy = new Float64Array(columns * rows);
  const xy = new Float64Array(columns * rows);
  const count = new Float64Array(columns * rows);
  for (let y = 1; y < height - 1; y += STEP) {
    const tileRow = Math.floor(y / TILE) * columns;
    for (let x = 1; x < width - 1; x += STEP) {
      const at = y * width + x;
      const gx = data[at + 1]! - data[at - 1]!;
      const gy = data[at + width]! - data[at - width]!;
      const tile = tileRow + Math.floor(x / TILE);
      xx[tile]! += gx * gx;
      yy[tile]! += gy * gy;
      xy[tile]! += gx * gy;
      count[tile]!++;
    }
  }
  const tiles: TileTensor[] = [];
  for (let i = 0; i < columns * rows; i++) {
    const n = Math.max(1, count[i]!);
    tiles.push({ xx: xx[i]! / n, yy: yy[i]! / n, xy: xy[i]! / n });
  }
  return { columns, rows, tiles };
}

/**
 * The regions of the image that look like 1-D codes, strongest first (at most `limit`): neighbouring tiles of parallel
 * gradients (see the module's comment), with their axis from the summed tensor, their extent from the tiles' spread
 * along and across it, and their fan from how the tiles' orientations change along it.
 */
export function findBarRegions(image: LuminanceImage, limit = 3): BarRegion[] {
  const { columns, rows, tiles } = tileTensors(image);
  const orientation = tiles.map(tensorOrientation);
  const isBars = orientation.map((o) => o.coherence >= MIN_COHERENCE && o.anisotropy >= MIN_ANISOTROPY);
  const region = new Int32Array(tiles.length).fill(-1);
  const regions: BarRegion[] = [];
  for (let seed = 0; seed < tiles.length; seed++) {
    if (!isBars[seed] || region[seed] !== -1) continue;
    // Flood fill over the 8 neighbours of like orientation.
    const members: number[] = [seed];
    region[seed] = seed;
    for (let next = 0; next < members.length; next++) {
      const tile = members[next]!;
      const [column, row] = [tile % columns, Math.floor(tile / columns)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [c, r] = [column + dx, row + dy];
          if (c < 0 || r < 0 || c >= columns || r >= rows) continue;
          const neighbour = r * columns + c;
          if (!isBars[neighbour] || region[neighbour] !== -1) continue;
          if (Math.abs(wrapDegrees(orientation[neighbour]!.degrees - orientation[tile]!.degrees)) > JOIN_DEGREES) continue;
          region[neighbour] = seed;
          members.push(neighbour);
        }
      }
    }
    if (members.length < MIN_TILES) continue;
    const found = describeRegion(image, members, columns, tiles, orientation);
    if (found) regions.push(found);
  }
  return regions.sort((a, b) => b.weight - a.weight).slice(0, limit);
}

/**
 * Per tile, the sum of its gradients each turned to face along `degrees` (a bar's two edges point opposite ways).
 * Summed, a row's differences across an edge add up to the edge's full contrast however sharp it is, and a column's
 * alike, so the sum's direction is the bars' true normal; a tensor of per-pixel gradients leans away from the axis on
 * sharp edges (their differences saturate across an edge but not along it: 18° reads as 22°).
 */
function orientedSums(image: LuminanceImage, members: number[], columns: number, degrees: number): { x: number; y: number }[] {
  const { data, width, height } = image;
  const radians = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  return members.map((tile) => {
    const left = (tile % columns) * TILE;
    const top = Math.floor(tile / columns) * TILE;
    let [sumX, sumY] = [0, 0];
    for (let y = Math.max(1, top); y < Math.min(height - 1, top + TILE); y += STEP) {
      for (let x = Math.max(1, left); x < Math.min(width - 1, left + TILE); x += STEP) {
        const at = y * width + x;
        const gx = data[at + 1]! - data[at - 1]!;
        const gy = data[at + width]! - data[at - width]!;
        const along = gx * cos + gy * sin;
        // Only the bars' edges (within 45° of the axis), each turned to face the same way.
        if (along * along < 0.5 * (gx * gx + gy * gy)) continue;
        sumX += along > 0 ? gx : -gx;
        sumY += along > 0 ? gy : -gy;
      }
    }
    return { x: sumX, y: sumY };
  });
}

function describeRegion(
  image: LuminanceImage,
  members: number[],
  columns: number,
  tiles: TileTensor[],
  orientation: ReturnType<typeof tensorOrientation>[],
): BarRegion | null {
  const sum = { xx: 0, yy: 0, xy: 0 };
  let weight = 0;
  let [centreX, centreY] = [0, 0];
  for (const tile of members) {
    const { xx, yy, xy } = tiles[tile]!;
    sum.xx += xx;
    sum.yy += yy;
    sum.xy += xy;
    const w = orientation[tile]!.anisotropy;
    weight += w;
    centreX += w * ((tile % columns) + 0.5) * TILE;
    centreY += w * (Math.floor(tile / columns) + 0.5) * TILE;
  }
  centreX /= weight;
  centreY /= weight;
  const sums = orientedSums(image, members, columns, tensorOrientation(sum).degrees);
  const total = sums.reduce((all, tile) => ({ x: all.x + tile.x, y: all.y + tile.y }), { x: 0, y: 0 });
  const degrees = wrapDegrees((Math.atan2(total.y, total.x) * 180) / Math.PI);
  const radians = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  // The tiles' spread along and across the axis, and the fan: the tiles' orientation against their place along it,
  // fitted by weighted least squares.
  let [minU, maxU, minV, maxV] = [Infinity, -Infinity, Infinity, -Infinity];
  let [su, suu, sd, sud] = [0, 0, 0, 0];
  for (const [index, tile] of members.entries()) {
    const x = ((tile % columns) + 0.5) * TILE - centreX;
    const y = (Math.floor(tile / columns) + 0.5) * TILE - centreY;
    const u = x * cos + y * sin;
    const v = -x * sin + y * cos;
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
    const { x: sumX, y: sumY } = sums[index]!;
    const w = Math.hypot(sumX, sumY);
    const d = wrapDegrees((Math.atan2(sumY, sumX) * 180) / Math.PI - degrees);
    su += w * u;
    suu += w * u * u;
    sd += w * d;
    sud += w * u * d;
  }
  const halfLength = (maxU - minU + TILE) / 2;
  const halfHeight = (maxV - minV + TILE) / 2;
  // A code is longer along its axis than across it; a region the other way round is a column of text or a QR's edge.
  if (halfHeight > 1.5 * halfLength) return null;
  const mass = Math.hypot(total.x, total.y) > 0 ? sums.reduce((all, tile) => all + Math.hypot(tile.x, tile.y), 0) : 1;
  const variance = suu / mass - (su / mass) ** 2;
  const fitted = variance > 1e-6 ? (sud / mass - (su / mass) * (sd / mass)) / variance : 0;
  const fan = Math.max(-MAX_FAN_DEGREES / halfLength, Math.min(MAX_FAN_DEGREES / halfLength, fitted));
  // The centre as the middle of the tiles' extent (their weighted mean leans towards the densest bars).
  const midU = (minU + maxU) / 2;
  const midV = (minV + maxV) / 2;
  return {
    x: centreX + midU * cos - midV * sin,
    y: centreY + midU * sin + midV * cos,
    degrees,
    halfLength,
    halfHeight,
    fan,
    weight,
  };
}

/**
 * The profile across a region's bars: `spacing` pixels a sample along the axis, from `margin` pixels before the region
 * to as far after it (the quiet zones), each sample the mean of `lines` bilinear samples along the bar through it over
 * the middle `heightShare` of the region's height. White off the image.
 */
export function barProfile(
  image: LuminanceImage,
  region: BarRegion,
  { spacing = 0.5, margin = 24, lines = 32, heightShare = 0.7 }: { spacing?: number; margin?: number; lines?: number; heightShare?: number } = {},
): Float32Array {
  const { data, width, height } = image;
  const radians = (region.degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const reach = region.halfLength + margin;
  const count = Math.max(1, Math.round((2 * reach) / spacing));
  const half = region.halfHeight * heightShare;
  const lineCount = Math.max(1, Math.min(lines, Math.round(2 * half)));
  const profile = new Float32Array(count);
  const fanRadians = (region.fan * Math.PI) / 180;
  for (let i = 0; i < count; i++) {
    const u = -reach + i * spacing;
    const px = region.x + u * cos;
    const py = region.y + u * sin;
    // The bar through this point runs square to the axis turned by the fan here.
    const barRadians = radians + fanRadians * u;
    const [bx, by] = [-Math.sin(barRadians), Math.cos(barRadians)];
    let sum = 0;
    for (let k = 0; k < lineCount; k++) {
      const t = lineCount === 1 ? 0 : -half + (2 * half * k) / (lineCount - 1);
      const sx = px + t * bx;
      const sy = py + t * by;
      if (sx < 0 || sy < 0 || sx > width - 1 || sy > height - 1) {
        sum += 255;
        continue;
      }
      sum += bilinearSample(data, width, height, sx, sy);
    }
    profile[i] = sum / lineCount;
  }
  return profile;
}

/** Angles tried either side of a half's estimated bar direction, in degrees, to find where its profile is sharpest. */
const SEARCH_DEGREES = [-3, -2.25, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2.25, 3];

/** How sharp a profile is: the energy of its differences, which sampling along the bars (not across them) maximizes. */
function sharpness(profile: Float32Array): number {
  let energy = 0;
  for (let i = 1; i < profile.length; i++) energy += (profile[i]! - profile[i - 1]!) ** 2;
  return energy;
}

/**
 * The region with its bars' direction and fan measured where it matters: in each half of the code, the direction
 * whose averaged profile is sharpest (lines that follow the bars keep their edges; lines a fraction of a degree off
 * smear them), placed between the tried angles by a parabola. The gradients only bring the search near; blur, JPEG
 * blocks and the bars' ends still lean their estimate by a degree or two, which a long code cannot afford.
 */
export function refineBarRegion(image: LuminanceImage, region: BarRegion): BarRegion {
  const radians = (region.degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const quarter = region.halfLength / 2;
  const best = [-1, 1].map((side) => {
    const u = side * quarter;
    const estimate = region.degrees + region.fan * u;
    const half = { ...region, x: region.x + u * cos, y: region.y + u * sin, halfLength: quarter, fan: 0 };
    const scores = SEARCH_DEGREES.map((delta) => sharpness(barProfile(image, { ...half, degrees: estimate + delta }, { spacing: 1, margin: 0, lines: 16 })));
    let top = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[top]!) top = i;
    if (top === 0 || top === scores.length - 1) return estimate + SEARCH_DEGREES[top]!;
    const [left, middle, right] = [scores[top - 1]!, scores[top]!, scores[top + 1]!];
    const [dl, dm, dr] = [SEARCH_DEGREES[top - 1]!, SEARCH_DEGREES[top]!, SEARCH_DEGREES[top + 1]!];
    // The parabola through three unevenly spaced points, its vertex.
    const numerator = (dm - dl) ** 2 * (middle - right) - (dm - dr) ** 2 * (middle - left);
    const denominator = (dm - dl) * (middle - right) - (dm - dr) * (middle - left);
    return estimate + (denominator === 0 ? dm : dm - (0.5 * numerator) / denominator);
  });
  const [first, second] = best as [number, number];
  const fan = Math.max(-MAX_FAN_DEGREES / region.halfLength, Math.min(MAX_FAN_DEGREES / region.halfLength, (second - first) / (2 * quarter)));
  return { ...region, degrees: wrapDegrees((first + second) / 2), fan };
}

/** The running maximum (or minimum) over a window of `radius` samples either side. */
function runningExtreme(values: Float32Array, radius: number, max: boolean): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let best = values[i]!;
    for (let j = Math.max(0, i - radius); j <= Math.min(values.length - 1, i + radius); j++) {
      const value = values[j]!;
      if (max ? value > best : value < best) best = value;
    }
    out[i] = best;
  }
  return out;
}

/** A box mean over `radius` samples either side. */
function boxMean(values: Float32Array, radius: number): Float32Array {
  const out = new Float32Array(values.length);
  let sum = 0;
  let n = 0;
  for (let i = -radius; i < values.length; i++) {
    const add = i + radius;
    if (add < values.length) {
      sum += values[add]!;
      n++;
    }
    const drop = i - radius - 1;
    if (drop >= 0) {
      sum -= values[drop]!;
      n--;
    }
    if (i >= 0) out[i] = sum / n;
  }
  return out;
}

/**
 * The profile scaled to its local white (1) and black (0): light falls unevenly along a receipt and glare lifts part
 * of it. White and black are the running extremes over `radius` samples, smoothed; where there are no bars (a quiet
 * zone) black is taken well below white, so paper stays white rather than being stretched into bars.
 */
export function normalizeProfile(profile: Float32Array, radius: number): Float32Array {
  const sorted = Float32Array.from(profile).sort();
  const globalRange = sorted[Math.floor(0.98 * (sorted.length - 1))]! - sorted[Math.floor(0.02 * (sorted.length - 1))]!;
  const white = boxMean(runningExtreme(profile, radius, true), radius);
  const black = boxMean(runningExtreme(profile, radius, false), radius);
  const out = new Float32Array(profile.length);
  for (let i = 0; i < profile.length; i++) {
    const low = Math.min(black[i]!, white[i]! - 0.4 * globalRange);
    out[i] = Math.max(0, Math.min(1, (profile[i]! - low) / Math.max(1e-6, white[i]! - low)));
  }
  return out;
}

/** A normalized Gaussian kernel of this sigma (in samples), radius 3 sigma. */
function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let i = -radius; i <= radius; i++) total += kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < kernel.length; i++) kernel[i]! /= total;
  return kernel;
}

function convolve(values: Float32Array, kernel: Float32Array, out: Float32Array): Float32Array {
  const radius = (kernel.length - 1) / 2;
  const last = values.length - 1;
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    for (let k = -radius; k <= radius; k++) sum += kernel[k + radius]! * values[Math.min(last, Math.max(0, i + k))]!;
    out[i] = sum;
  }
  return out;
}

/**
 * The blur a normalized profile shows, as a Gaussian's sigma in samples: a step from black to white blurred by sigma
 * rises at most 1 / (sqrt(2π) sigma) a sample, and the steepest edges of a code (between its wide elements) are such
 * steps. Taken from the steepest few edges, the profile smoothed a little first so that noise does not steepen them.
 */
export function estimateBlur(normalized: Float32Array): number {
  const smooth = convolve(normalized, gaussianKernel(0.7), new Float32Array(normalized.length));
  const slopes: number[] = [];
  for (let i = 2; i < smooth.length - 2; i++) {
    const slope = Math.abs(smooth[i + 1]! - smooth[i - 1]!) / 2;
    const before = Math.abs(smooth[i]! - smooth[i - 2]!) / 2;
    const after = Math.abs(smooth[i + 2]! - smooth[i]!) / 2;
    if (slope >= before && slope >= after && slope > 0.02) slopes.push(slope);
  }
  if (slopes.length === 0) return 1;
  slopes.sort((a, b) => b - a);
  const steep = slopes[Math.min(slopes.length - 1, Math.floor(slopes.length * 0.1))]!;
  // The smoothing's own sigma comes off in quadrature.
  const total = 1 / (Math.sqrt(2 * Math.PI) * steep);
  return Math.sqrt(Math.max(0.25, total * total - 0.49));
}

/**
 * The profile with a Gaussian blur of `sigma` samples undone as far as a two-level signal allows: projected Landweber
 * iterations, x ← clamp(x + β G(y − G x)) to [0, 1], from the profile itself. The clamp is what a bar code knows of
 * itself (black or white, nothing between), and it keeps the sharpening from ringing into false bars.
 */
export function deblurProfile(normalized: Float32Array, sigma: number, iterations = 24): Float32Array {
  const kernel = gaussianKernel(sigma);
  const estimate = Float32Array.from(normalized);
  const blurred = new Float32Array(normalized.length);
  const residual = new Float32Array(normalized.length);
  const step = new Float32Array(normalized.length);
  const beta = 1.6;
  for (let iteration = 0; iteration < iterations; iteration++) {
    convolve(estimate, kernel, blurred);
    for (let i = 0; i < residual.length; i++) residual[i] = normalized[i]! - blurred[i]!;
    convolve(residual, kernel, step);
    for (let i = 0; i < estimate.length; i++) estimate[i] = Math.max(0, Math.min(1, estimate[i]! + beta * step[i]!));
  }
  return estimate;
}

/** Dark samples (below `threshold` of the normalized range) as 1, light as 0. */
export function thresholdProfile(normalized: Float32Array, threshold = 0.5): Uint8Array {
  const bits = new Uint8Array(normalized.length);
  for (let i = 0; i < normalized.length; i++) bits[i] = normalized[i]! < threshold ? 1 : 0;
  return bits;
}

/** The lengths of the runs of equal samples, first run first (light or dark, whichever the row starts with). */
export function runLengths(bits: Uint8Array): number[] {
  const runs: number[] = [];
  let length = 0;
  for (let i = 0; i < bits.length; i++) {
    if (i > 0 && bits[i] !== bits[i - 1]) {
      runs.push(length);
      length = 0;
    }
    length++;
  }
  if (bits.length > 0) runs.push(length);
  return runs;
}
