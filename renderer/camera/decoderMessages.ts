/** The messages between the camera session and its decoder worker (renderer/camera/decoder.worker.ts). */
import type { BarcodeFormat, DecodeResult } from '../../shared/barcode/types';

export type ToDecoderWorker =
  /** The first message of a session: the formats to look for. */
  | { type: 'configure'; formats: BarcodeFormat[] }
  /** One frame, already cropped to the guide frame and scaled to its decode size (transferred, not copied). */
  | { type: 'frame'; id: number; bitmap: ImageBitmap };

export type FromDecoderWorker =
  | { type: 'decoded'; id: number; result: DecodeResult | null }
  | { type: 'failed'; id: number; message: string };
