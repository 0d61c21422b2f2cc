/** The camera session's side of the decoder worker: one worker per session, one promise per frame. */
import type { BarcodeFormat, DecodeResult } from '../../shared/barcode/types';
import type { FromDecoderWorker, ToDecoderWorker } from './decoderMessages';

export interface FrameDecoderClient {
  /** Decodes a frame of the guide frame at its decode size; the bitmap is transferred to the worker. */
  decode(bitmap: ImageBitmap): Promise<DecodeResult | null>;
  /** Ends the worker; a frame still being decoded resolves as not read. */
  close(): void;
}

export function openDecoderWorker(formats: readonly BarcodeFormat[]): FrameDecoderClient {
  // Vite bundles the worker as its own file of the app's origin (CSP worker-src 'self'), with the decoder inside.
  const worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module', name: 'barcode-decoder' });
  const pending = new Map<number, { resolve: (result: DecodeResult | null) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const post = (message: ToDecoderWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

  worker.onmessage = ({ data: reply }: MessageEvent<FromDecoderWorker>) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.type === 'decoded') waiting?.resolve(reply.result);
    else waiting?.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'decoder worker failed'));
    pending.clear();
  };
  post({ type: 'configure', formats: [...formats] });

  return {
    decode(bitmap) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type: 'frame', id, bitmap }, [bitmap]);
      });
    },
    close() {
      worker.terminate();
      for (const waiting of pending.values()) waiting.resolve(null);
      pending.clear();
    },
  };
}
