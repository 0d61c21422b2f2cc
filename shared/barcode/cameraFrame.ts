/**
 * Camera frames to decoder calls, the same in the renderer's worker and the bench: which pixels of the frame are
 * decoded (the guide frame), at what size, and how much effort each frame gets.
 */
import type { BarcodeDecoder, BarcodeFormat, DecodePass, DecodeResult, Region, RgbaImage } from './types';

/** A region as fractions of the frame (the configured guide frame). */
export interface FractionRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The longest side a crop is decoded at. A receipt's Code 128 of a 25-character dossier code is about 300 modules;
 * held to fill the guide frame it needs about 2 pixels a module, and 1024 keeps that with room while bounding the
 * cost of a 1080p camera's frame to that of a 720p one.
 */
export const MAX_DECODE_SIDE = 1024;

/**
 * The slow passes (TRY_HARDER, up to ten times a cheap frame's cost) run alone on one frame in this many while the
 * cheap ones keep failing: about once in two seconds of a held receipt, so a frame's time stays within one camera
 * frame's (33 ms at 30 fps) for more than 95 frames in 100 and the worker keeps up with the camera.
 */
export const TRY_HARDER_EVERY = 30;

/** The guide frame in whole pixels of a frame of this size. */
export function regionInPixels(frame: { width: number; height: number }, region: FractionRegion): Region {
  const x = Math.round(region.x * frame.width);
  const y = Math.round(region.y * frame.height);
  return {
    x,
    y,
    width: Math.max(1, Math.min(frame.width - x, Math.round(region.width * frame.width))),
    height: Math.max(1, Math.min(frame.height - y, Math.round(region.height * frame.height))),
  };
}

/** The size a crop is decoded at: its own, or scaled down (never up) so its longest side is MAX_DECODE_SIDE. */
export function decodeSize(crop: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(crop.width, crop.height));
  return { width: Math.max(1, Math.round(crop.width * scale)), height: Math.max(1, Math.round(crop.height * scale)) };
}

/**
 * Decodes successive frames of one camera session, one group of passes a frame so that no frame costs them all: the
 * plain pass and the straightened one by turns (a receipt stays in view for many frames, so each is tried within two),
 * and the slow passes alone on one failed frame in TRY_HARDER_EVERY.
 */
export function createFrameDecoder(decoder: BarcodeDecoder, formats: readonly BarcodeFormat[]): { decode(frame: RgbaImage): DecodeResult | null } {
  let failed = 0;
  return {
    decode(frame) {
      const pass: DecodePass = failed % TRY_HARDER_EVERY === TRY_HARDER_EVERY - 1 ? 'slow' : failed % 2 === 0 ? 'plain' : 'straightened';
      const result = decoder.decode(frame, { formats, tryHarder: pass === 'slow', only: pass });
      failed = result ? 0 : failed + 1;
      return result;
    },
  };
}

/** The warm-up frame's size: small, since what it buys is compiled code, not a real frame's work. */
const WARM_UP_SIZE = { width: 320, height: 160 };
/** Its bars' tilt: enough for the straightened pass to turn them. */
const WARM_UP_TILT = 0.15;

/**
 * Runs every pass once on a made-up frame of tilted bars, when a session starts (while the camera opens): a fresh
 * worker's first decode otherwise pays for compiling the decoder on the citizen's first frame (~750 ms).
 */
export function warmUpDecoder(decoder: BarcodeDecoder, formats: readonly BarcodeFormat[]): void {
  const { width, height } = WARM_UP_SIZE;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Bars 2 to 6 pixels wide (a fixed, code-like rhythm), leaning by WARM_UP_TILT, with a quiet zone either side.
      const along = x + y * WARM_UP_TILT;
      const dark = along > 40 && along < width - 20 && Math.floor(along / 2) % 5 !== Math.floor(along / 7) % 3;
      if (dark) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  decoder.decode({ data, width, height }, { formats, tryHarder: true });
}
