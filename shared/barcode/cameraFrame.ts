/**
 * Camera frames to decoder calls, the same in the renderer's worker and the bench: which pixels of the frame are
 * decoded (the guide frame), at what size, and how much effort each frame gets.
 */
import type { BarcodeDecoder, BarcodeFormat, DecodeResult, Region, RgbaImage } from './types';

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
 * The cheap passes run on every frame; the slow ones (TRY_HARDER) on one failed frame in this many, so a view with
 * no code in it costs the cheap passes on most frames and the worker keeps up with the camera.
 */
export const TRY_HARDER_EVERY = 4;

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

/** Decodes successive frames of one camera session, spending the slow passes on only some of the failed frames. */
export function createFrameDecoder(decoder: BarcodeDecoder, formats: readonly BarcodeFormat[]): { decode(frame: RgbaImage): DecodeResult | null } {
  let failedSinceThorough = 0;
  return {
    decode(frame) {
      const tryHarder = failedSinceThorough >= TRY_HARDER_EVERY - 1;
      const result = decoder.decode(frame, { formats, tryHarder });
      failedSinceThorough = result || tryHarder ? 0 : failedSinceThorough + 1;
      return result;
    },
  };
}
