/** Image files (PNG, JPEG) to RGBA pixels for the decoder: the CLI's and the tests' way in. */
import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../../shared/barcode/types';

export type ImageLoad = { ok: true; image: RgbaImage } | { ok: false; reason: string };

const isPng = (bytes: Uint8Array): boolean =>
  bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
const isJpeg = (bytes: Uint8Array): boolean => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** Decodes PNG or JPEG bytes (told apart by their signature, not the file name); anything else gets a reason. */
export function decodeImageBytes(bytes: Buffer): ImageLoad {
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(bytes);
      return { ok: true, image: { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height } };
    }
    if (isJpeg(bytes)) {
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
      return { ok: true, image: { data: new Uint8ClampedArray(decoded.data.buffer, decoded.data.byteOffset, decoded.data.length), width: decoded.width, height: decoded.height } };
    }
  } catch (error) {
    return { ok: false, reason: `unreadable image: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: false, reason: 'not a PNG or JPEG image' };
}

export async function loadImageFile(file: string): Promise<ImageLoad> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})` };
  }
  return decodeImageBytes(bytes);
}
