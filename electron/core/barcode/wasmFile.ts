/** zxing-wasm's reader .wasm, read from the installed package (the Node side of the loader injection). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WasmSource } from '../../../shared/barcode/wasmDecoder';

export async function readZxingWasm(): Promise<WasmSource> {
  const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await readFile(file);
  return { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
}
