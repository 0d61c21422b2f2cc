/**
 * The camera worker's per-frame work under Node, for the decoder bench: configured and warmed up as
 * renderer/camera/decoder.worker.ts is when a session starts, then each frame's guide frame cropped and scaled to its
 * decode size (what createImageBitmap does in the browser) and decoded by the same frame decoder.
 */
import { parentPort } from 'node:worker_threads';
import { createFrameDecoder, decodeSize, regionInPixels, warmUpDecoder, type FractionRegion } from '../shared/barcode/cameraFrame';
import type { BarcodeDecoder, BarcodeFormat, DecodePass, RgbaImage } from '../shared/barcode/types';
import { createZxingDecoder } from '../shared/barcode/zxingDecoder';

export type BenchWorkerRequest =
  | { type: 'configure'; formats: BarcodeFormat[] }
  | { type: 'frame'; data: Uint8ClampedArray; width: number; height: number; region: FractionRegion };

export type BenchWorkerReply =
  /** Configured and warmed up. */
  | { type: 'ready' }
  /** A frame decoded: its text if read, the time the worker spent on it and the group of passes it ran. */
  | { type: 'decoded'; text: string | null; ms: number; pass: DecodePass };

/** Nearest-pixel crop and scale: a stand-in for the browser's, which runs in native code off the script thread. */
function cropAndScale(frame: RgbaImage, region: FractionRegion): RgbaImage {
  const crop = regionInPixels(frame, region);
  const size = decodeSize(crop);
  const data = new Uint8ClampedArray(size.width * size.height * 4);
  const pixels = new Uint32Array(frame.data.buffer, frame.data.byteOffset, frame.width * frame.height);
  const out = new Uint32Array(data.buffer);
  for (let y = 0; y < size.height; y++) {
    const sourceRow = (crop.y + Math.floor((y * crop.height) / size.height)) * frame.width + crop.x;
    for (let x = 0; x < size.width; x++) out[y * size.width + x] = pixels[sourceRow + Math.floor((x * crop.width) / size.width)]!;
  }
  return { data, width: size.width, height: size.height };
}

const zxing = createZxingDecoder();
// The group of passes the frame decoder chose for the frame, for the bench's figures per pass.
let pass: DecodePass = 'plain';
const decoder: BarcodeDecoder = {
  decode(image, options) {
    pass = options.only ?? 'plain';
    return zxing.decode(image, options);
  },
};
let frames: ReturnType<typeof createFrameDecoder> | null = null;
const reply = (message: BenchWorkerReply) => parentPort!.postMessage(message);
parentPort!.on('message', (request: BenchWorkerRequest) => {
  if (request.type === 'configure') {
    frames = createFrameDecoder(decoder, request.formats);
    warmUpDecoder(zxing, request.formats);
    reply({ type: 'ready' });
    return;
  }
  if (!frames) throw new Error('frame before configure');
  const start = performance.now();
  const result = frames.decode(cropAndScale(request, request.region));
  reply({ type: 'decoded', text: result?.text ?? null, ms: performance.now() - start, pass });
});
