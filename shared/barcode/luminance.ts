/**
 * Pixel work the decoders need, on plain arrays: grey levels from RGBA, where a code's bars lie, and turning. Pure,
 * so the same code runs in the CLI, a worker and the tests.
 */
import type { Region, RgbaImage } from './types';

/** One byte of grey a pixel. */
export interface LuminanceImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const WHITE = 255;

/** The region clamped to the image; the whole image when there is none. */
export function clampRegion(image: { width: number; height: number }, region?: Region): Region {
  if (!region) return { x: 0, y: 0, width: image.width, height: image.height };
  const x = Math.max(0, Math.min(image.width, Math.floor(region.x)));
  const y = Math.max(0, Math.min(image.height, Math.floor(region.y)));
  const width = Math.max(0, Math.min(image.width - x, Math.floor(region.width)));
  const height = Math.max(0, Math.min(image.height - y, Math.floor(region.height)));
  return { x, y, width, height };
}

/** Storage for an image's pixels: a fresh array, or a view of a buffer reused from frame to frame (reusableBytes). */
export type AllocateBytes = (size: number) => Uint8ClampedArray;

const freshBytes: AllocateBytes = (size) => new Uint8ClampedArray(size);

/**
 * Bytes reused from call to call, grown when a call needs more: a camera sends frames of one size many times a second,
 * and a new array of each size a frame only feeds the garbage collector. A call's bytes are the previous call's, so
 * each use (the frame's grey levels, the straightened band) needs its own, and its contents last until the next call.
 */
export function reusableBytes(): AllocateBytes {
  let buffer = new Uint8ClampedArray(0);
  return (size) => {
    if (buffer.length < size) buffer = new Uint8ClampedArray(size);
    return buffer.subarray(0, size);
  };
}

/** Grey levels of the region, with Java ZXing's weights (0.299 r + 0.587 g + 0.114 b); transparent pixels read as white. */
export function toLuminance(image: RgbaImage, region?: Region, allocate: AllocateBytes = freshBytes): LuminanceImage {
  const area = clampRegion(image, region);
  const data = allocate(area.width * area.height);
  // A pixel a read, as one 32-bit word (red in the low byte: every platform the kiosk runs on is little-endian),
  // rather than four reads of a byte: the loop runs over every pixel of every frame. A word needs 4-byte alignment.
  const bytes = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
  const pixels = new Uint32Array(bytes.buffer, bytes.byteOffset, image.width * image.height);
  for (let row = 0; row < area.height; row++) {
    let source = (area.y + row) * image.width + area.x;
    let target = row * area.width;
    for (const end = target + area.width; target < end; source++, target++) {
      const pixel = pixels[source]!;
      const grey = (306 * (pixel & 0xff) + 601 * ((pixel >>> 8) & 0xff) + 117 * ((pixel >>> 16) & 0xff) + 0x200) >> 10;
      const alpha = pixel >>> 24;
      data[target] = alpha === 255 ? grey : (grey * alpha + WHITE * (255 - alpha)) / 255;
    }
  }
  return { data, width: area.width, height: area.height };
}

const ANGLE_BINS = 180;
/** Edges weaker than this (grey-level difference over two pixels) are paper texture and noise, not bars. */
const MIN_EDGE = 48;
/** The estimate looks at about this many pixels whatever the image size, so it costs the same on any frame. */
const SAMPLE_TARGET = 50_000;
/** The region is judged in a grid of tiles this many to a side: a code fills some tiles, text and edges others. */
const TILES = 6;
/**
 * Tiles counted as the code's own for the angle: a strongest direction within this many degrees of the winning tile's
 * (perspective fans a receipt's bars out by up to about ±8°) carrying at least this share of its weight (text does not).
 */
const CODE_TILE_DEGREES = 20;
const CODE_TILE_WEIGHT = 0.5;
/** A cloud of bar edges this many times longer than wide (variances) has an axis worth trusting. */
const MIN_ELONGATION = 7;
/** The most perspective shears a held receipt's bars against its axis. */
const MAX_SHEAR_DEGREES = 12;

/** The strongest direction in a histogram: its smoothed weight and its angle placed between bins. */
function histogramPeak(histogram: Float64Array, offset: number): { weight: number; degrees: number } {
  // Smoothed over ±2°: a slightly blurred code spreads its peak over neighbouring bins.
  const smoothed = (bin: number): number => {
    let weight = 0;
    for (let d = -2; d <= 2; d++) weight += histogram[offset + ((bin + d + ANGLE_BINS) % ANGLE_BINS)]!;
    return weight;
  };
  let best = 0;
  let bestWeight = -1;
  for (let bin = 0; bin < ANGLE_BINS; bin++) {
    const weight = smoothed(bin);
    if (weight > bestWeight) {
      bestWeight = weight;
      best = bin;
    }
  }
  // A parabola through the peak and its neighbours: a 1° error still loses long codes.
  const left = smoothed(best - 1);
  const right = smoothed(best + 1);
  const curvature = left - 2 * bestWeight + right;
  return { weight: bestWeight, degrees: best + (curvature < 0 ? (0.5 * (left - right)) / curvature : 0) };
}

/** Where a 1-D code lies in an image: its axis, and the band along that axis that holds its bars. */
export interface BarAxis {
  /** The axis's direction (the line a row scan must follow), in degrees in (-90, 90], 0 meaning level. */
  degrees: number;
  /** A point on the axis: the middle of the bars' edges (the image's centre when no tile looked like a code). */
  x: number;
  y: number;
  /** How far the bars' edges spread across the axis, in pixels (their extent if spread evenly); null when unknown. */
  across: number | null;
}

/**
 * Where a 1-D code's axis runs (see BarAxis); null when the region has no edges. Per tile, a histogram of gradient
 * orientations weighted by edge strength; the tile whose strongest direction carries the most edge weight wins. A code's many parallel bars make that tile; text (edges
 * in every direction) and the receipt's own border (one edge) do not, though they would sway a histogram of the whole.
 * The code's tiles then give the bars' mean direction and the long axis of where their edges lie.
 */
export function estimateBarAxis(image: LuminanceImage): BarAxis | null {
  const { data, width, height } = image;
  if (width < 3 || height < 3) return null;
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / SAMPLE_TARGET)));
  const tileWidth = Math.ceil(width / TILES);
  const tileHeight = Math.ceil(height / TILES);
  const histograms = new Float64Array(TILES * TILES * ANGLE_BINS);
  const used = new Set<number>();
  for (let y = 1; y < height - 1; y += step) {
    const tileRow = Math.floor(y / tileHeight) * TILES;
    for (let x = 1; x < width - 1; x += step) {
      const at = y * width + x;
      const gx = data[at + 1]! - data[at - 1]!;
      const gy = data[at + width]! - data[at - width]!;
      const magnitude = Math.abs(gx) + Math.abs(gy);
      if (magnitude < MIN_EDGE) continue;
      // Orientation modulo 180°: a dark-to-light and a light-to-dark edge of the same bar count alike.
      let degrees = (Math.atan2(gy, gx) * 180) / Math.PI;
      if (degrees < 0) degrees += 180;
      const tile = tileRow + Math.floor(x / tileWidth);
      used.add(tile);
      histograms[tile * ANGLE_BINS + (Math.round(degrees) % ANGLE_BINS)]! += magnitude;
    }
  }
  const peaks = [...used].map((tile) => ({ ...histogramPeak(histograms, tile * ANGLE_BINS), tile }));
  const best = peaks.reduce<(typeof peaks)[number] | null>((strongest, peak) => (!strongest || peak.weight > strongest.weight ? peak : strongest), null);
  if (!best) return null;
  // Per pixel, a sharp edge's differences saturate across the edge but not along it, so each pixel's angle leans away
  // from the axis (20° reads as ~32°). Summed over a tile the differences are exact (each row crossing an edge adds its
  // full contrast to gx, each column crossing to gy), so the angle of the sums is the bars' angle. Summed over every
  // tile of the code, not the winning one alone: a receipt held in perspective fans its bars out (those at one end
  // lean one way, those at the other the other way), and only their mean is square to the code's axis, the line a row
  // scan must follow.
  const peakRadians = (best.degrees * Math.PI) / 180;
  const [alongX, alongY] = [Math.cos(peakRadians), Math.sin(peakRadians)];
  let sumX = 0;
  let sumY = 0;
  // Where those edges lie, as weighted moments: their cloud is long along the code's axis.
  let mass = 0;
  let meanX = 0;
  let meanY = 0;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const { tile, degrees, weight } of peaks) {
    const apart = Math.abs(degrees - best.degrees) % 180;
    if (weight < CODE_TILE_WEIGHT * best.weight || Math.min(apart, 180 - apart) > CODE_TILE_DEGREES) continue;
    const left = (tile % TILES) * tileWidth;
    const top = Math.floor(tile / TILES) * tileHeight;
    // On the same sampling grid as the histograms: the sums stay unbiased at a fraction of the cost on a large frame.
    for (let y = Math.max(1, top); y < Math.min(height - 1, top + tileHeight); y += step) {
      for (let x = Math.max(1, left); x < Math.min(width - 1, left + tileWidth); x += step) {
        const at = y * width + x;
        const gx = data[at + 1]! - data[at - 1]!;
        const gy = data[at + width]! - data[at - width]!;
        const along = gx * alongX + gy * alongY;
        // Only the edges of the bars (within 45° of the peak), each turned to face the same way.
        if (Math.abs(gx) + Math.abs(gy) < MIN_EDGE || along * along < 0.5 * (gx * gx + gy * gy)) continue;
        sumX += along > 0 ? gx : -gx;
        sumY += along > 0 ? gy : -gy;
        mass += 1;
        meanX += x;
        meanY += y;
        xx += x * x;
        yy += y * y;
        xy += x * y;
      }
    }
  }
  const normal = (Math.atan2(sumY, sumX) * 180) / Math.PI;
  if (mass === 0) return { degrees: wrapDegrees(normal), x: (width - 1) / 2, y: (height - 1) / 2, across: null };
  meanX /= mass;
  meanY /= mass;
  const varianceX = xx / mass - meanX * meanX;
  const varianceY = yy / mass - meanY * meanY;
  const covariance = xy / mass - meanX * meanY;
  // The cloud's principal axis (of the 2×2 covariance), and how much longer than wide the cloud is.
  const spread = Math.hypot(varianceX - varianceY, 2 * covariance);
  const elongation = (varianceX + varianceY + spread) / Math.max(1e-9, varianceX + varianceY - spread);
  const axis = (0.5 * Math.atan2(2 * covariance, varianceX - varianceY) * 180) / Math.PI;
  const apart = wrapDegrees(axis - normal);
  // Perspective shears the bars against the axis (a receipt's near edge wider than its far one), and a row scan must
  // follow the axis, so the axis wins wherever the cloud clearly has one near the bars' normal.
  const degrees = elongation >= MIN_ELONGATION && Math.abs(apart) <= MAX_SHEAR_DEGREES ? wrapDegrees(axis) : wrapDegrees(normal);
  // The edges' variance across that direction; evenly spread over a height h, a variance is h²/12.
  const radians = (degrees * Math.PI) / 180;
  const [sin, cos] = [Math.sin(radians), Math.cos(radians)];
  const varianceAcross = varianceX * sin * sin + varianceY * cos * cos - 2 * covariance * sin * cos;
  return { degrees, x: meanX, y: meanY, across: Math.sqrt(12 * Math.max(0, varianceAcross)) };
}

/** Degrees folded into (-90, 90]: a direction, not an orientation. */
function wrapDegrees(degrees: number): number {
  let folded = degrees % 180;
  if (folded <= -90) folded += 180;
  if (folded > 90) folded -= 180;
  return folded;
}

/** The grey level at (x, y) between pixels, from its four neighbours; (x, y) must lie within the image. */
export function bilinearSample(data: Uint8ClampedArray, width: number, height: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const top = data[y0 * width + x0]! * (1 - fx) + data[y0 * width + x1]! * fx;
  const bottom = data[y1 * width + x0]! * (1 - fx) + data[y1 * width + x1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Bilinear samples of the image on a grid of `size` turned by `degrees`, the grid's point `pivot` on the image's point
 * `centre`: row v's pixel u lies u - pivot.u steps along that direction and v - pivot.v steps across it (a quarter turn
 * clockwise from it) from there; white off the image, like a receipt's quiet zone.
 */
function sampleTurnedGrid(
  image: LuminanceImage,
  centre: { x: number; y: number },
  pivot: { u: number; v: number },
  degrees: number,
  size: { width: number; height: number },
  allocate: AllocateBytes,
): LuminanceImage {
  const { data, width: sourceWidth, height: sourceHeight } = image;
  const { width, height } = size;
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const out = allocate(width * height);
  for (let v = 0; v < height; v++) {
    let sourceX = -pivot.u * cos + (v - pivot.v) * -sin + centre.x;
    let sourceY = -pivot.u * sin + (v - pivot.v) * cos + centre.y;
    let target = v * width;
    for (let u = 0; u < width; u++, sourceX += cos, sourceY += sin, target++) {
      if (sourceX < 0 || sourceY < 0 || sourceX > sourceWidth - 1 || sourceY > sourceHeight - 1) {
        out[target] = WHITE;
        continue;
      }
      out[target] = bilinearSample(data, sourceWidth, sourceHeight, sourceX, sourceY);
    }
  }
  return { data: out, width, height };
}

/**
 * The image turned by `degrees` (clockwise on screen, y pointing down), bilinear, on a canvas large enough to hold all
 * of it; the corners it uncovers are white, like a receipt's quiet zone.
 */
export function rotateLuminance(image: LuminanceImage, degrees: number): LuminanceImage {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const { width, height } = image;
  const outWidth = Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
  const outHeight = Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
  // Inverse mapping: each output pixel looks up where it came from, the canvas's centre on the image's.
  const centre = { x: (width - 1) / 2, y: (height - 1) / 2 };
  const pivot = { u: (outWidth - 1) / 2, v: (outHeight - 1) / 2 };
  return sampleTurnedGrid(image, centre, pivot, -degrees, { width: outWidth, height: outHeight }, freshBytes);
}

/**
 * The band of the image along a code's axis, turned level: `height` rows centred on the axis, each running the whole
 * image's length along it (white beyond the image). What a row scan of the image turned by the axis's angle would see
 * around the code, at the cost of those rows alone rather than of turning the whole image.
 */
export function straightenedBand(image: LuminanceImage, axis: BarAxis, height: number, allocate: AllocateBytes = freshBytes): LuminanceImage {
  const radians = (axis.degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  // How far the image reaches along the axis either side of the code's middle: the corners' projections.
  const along = [0, image.width - 1].flatMap((x) => [0, image.height - 1].map((y) => (x - axis.x) * cos + (y - axis.y) * sin));
  const start = Math.floor(Math.min(...along));
  const width = Math.max(1, Math.ceil(Math.max(...along)) - start + 1);
  return sampleTurnedGrid(image, axis, { u: -start, v: (height - 1) / 2 }, axis.degrees, { width, height }, allocate);
}

/** The image scaled by `factor`, bilinear. */
export function scaleLuminance(image: LuminanceImage, factor: number): LuminanceImage {
  const { data, width, height } = image;
  const outWidth = Math.max(1, Math.round(width * factor));
  const outHeight = Math.max(1, Math.round(height * factor));
  const out = new Uint8ClampedArray(outWidth * outHeight);
  for (let v = 0; v < outHeight; v++) {
    const sourceY = Math.min(height - 1, v / factor);
    const y0 = Math.floor(sourceY);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = sourceY - y0;
    for (let u = 0; u < outWidth; u++) {
      const sourceX = Math.min(width - 1, u / factor);
      const x0 = Math.floor(sourceX);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = sourceX - x0;
      const top = data[y0 * width + x0]! * (1 - fx) + data[y0 * width + x1]! * fx;
      const bottom = data[y1 * width + x0]! * (1 - fx) + data[y1 * width + x1]! * fx;
      out[v * outWidth + u] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}
