/**
 * The camera worker's per-frame work under Node, for the decoder bench: the guide frame cropped and scaled to its
 * decode size (what createImageBitmap does in the browser), then the same frame decoder as renderer/camera/decoder.worker.ts.
 */
import { parentPort } from 'node:worker_threads';
import { createFrameDecoder, decodeSize, regionInPixels, type FractionRegion } from '../shared/barcode/cameraFrame';
import type { BarcodeFormat, RgbaImage } from '../shared/barcode/types';
import { createZxingDecoder } from '../shared/barcode/zxingDecoder';

export interface BenchFrameRequest {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  region: FractionRegion;
  formats: BarcodeFormat[];
}

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

const decoder = createZxingDecoder();
let frames: ReturnType<typeof createFrameDecoder> | null = null;
parentPort!.on('message', (request: BenchFrameRequest) => {
  frames ??= createFrameDecoder(decoder, request.formats);
  const start = performance.now();
  const result = frames.decode(cropAndScale(request, request.region));
  parentPort!.postMessage({ text: result?.text ?? null, ms: performance.now() - start });
});
