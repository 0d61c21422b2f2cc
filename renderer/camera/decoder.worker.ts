/**
 * The camera's decoder, off the UI thread: each frame arrives as an ImageBitmap of the guide frame at its decode size,
 * is read back as pixels on an OffscreenCanvas and goes through the same decoder as `cli decode`.
 */
import { createFrameDecoder, warmUpDecoder } from '../../shared/barcode/cameraFrame';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';
import type { FromDecoderWorker, ToDecoderWorker } from './decoderMessages';

/** The parts of the worker's global scope used here (the renderer's typecheck has the DOM library, not WebWorker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToDecoderWorker>) => void) | null;
  postMessage(message: FromDecoderWorker): void;
}
const scope = self as unknown as WorkerScope;
const decoder = createZxingDecoder();
let frames: ReturnType<typeof createFrameDecoder> | null = null;
let canvas: OffscreenCanvas | null = null;

function pixelsOf(bitmap: ImageBitmap): ImageData {
  if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height) canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  // willReadFrequently keeps the canvas on the CPU, where getImageData does not wait for the GPU.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context in the decoder worker');
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'configure') {
    frames = createFrameDecoder(decoder, message.formats);
    // Configured as the session starts, while the camera opens: the first frames find the decoder compiled.
    warmUpDecoder(decoder, message.formats);
    return;
  }
  try {
    if (!frames) throw new Error('frame before configure');
    const image = pixelsOf(message.bitmap);
    scope.postMessage({ type: 'decoded', id: message.id, result: frames.decode(image) });
  } catch (error) {
    scope.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    message.bitmap.close();
  }
};
