/**
 * `cli decode <image files...>`: the kiosk's decoder on image files, so technicians can test printed receipts and we
 * can test the decoder on image sets. One line per file; `ms` is the decode alone, loading the file excluded.
 */
import { loadImageFile } from '../core/barcode/imageFile';
import { readZxingWasm } from '../core/barcode/wasmFile';
import { barcodeFormats, isBarcodeFormat, type BarcodeFormat } from '../../shared/barcode/types';
import { createZxingWasmDecoder, withFallbackEngine } from '../../shared/barcode/wasmDecoder';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';

export type DecodeLine =
  | { file: string; ok: true; text: string; format: BarcodeFormat; ms: number }
  | { file: string; ok: false; reason: string; ms?: number };

/** `code128,qr` to formats, or the unknown names. */
export function parseFormats(list: string): { ok: true; formats: BarcodeFormat[] } | { ok: false; unknown: string[] } {
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !isBarcodeFormat(name));
  if (unknown.length > 0 || names.length === 0) return { ok: false, unknown };
  return { ok: true, formats: [...new Set(names as BarcodeFormat[])] };
}

export async function decodeFiles(files: string[], formats: readonly BarcodeFormat[] = barcodeFormats): Promise<DecodeLine[]> {
  const decoder = withFallbackEngine(createZxingDecoder(), createZxingWasmDecoder(await readZxingWasm()));
  const lines: DecodeLine[] = [];
  for (const file of files) {
    const load = await loadImageFile(file);
    if (!load.ok) {
      lines.push({ file, ok: false, reason: load.reason });
      continue;
    }
    const start = performance.now();
    // A file is decoded once, so it gets every pass: speed matters per camera frame, not here.
    const result = await decoder.decode(load.image, { formats, tryHarder: true });
    const ms = Math.round((performance.now() - start) * 10) / 10;
    lines.push(result ? { file, ok: true, text: result.text, format: result.format, ms } : { file, ok: false, reason: 'no barcode found', ms });
  }
  return lines;
}

export function describeDecodeLine(line: DecodeLine): string {
  return line.ok ? `${line.file}: ${line.format} ${JSON.stringify(line.text)} (${line.ms} ms)` : `${line.file}: not read, ${line.reason}`;
}
