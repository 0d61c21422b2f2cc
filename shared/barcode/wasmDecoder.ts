/**
 * The second engine: ZXing-C++ compiled to WebAssembly (zxing-wasm), tried only where the shipping engine found nothing.
 * It reads what @zxing/library 0.21 cannot (rectangular Data Matrix, DMRE) at the cost of an async module load. The
 * .wasm comes from the package through the host's loader, never from the CDN the library would otherwise use.
 */
import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat, type ReaderOptions } from 'zxing-wasm/reader';
import { clampRegion } from './luminance';
import type { AsyncBarcodeDecoder, BarcodeDecoder, BarcodeFormat, DecodeOptions, RgbaImage } from './types';

/** How the host hands over the .wasm: its bytes (Node reads the file) or its URL (a Vite `?url` import). */
export type WasmSource = { wasmBinary: ArrayBuffer } | { wasmUrl: string };

const toWasm: Record<BarcodeFormat, ReadInputBarcodeFormat> = {
  code128: 'Code128',
  code39: 'Code39',
  qr: 'QRCode',
  itf: 'ITF',
  pdf417: 'PDF417',
  datamatrix: 'DataMatrix',
  ean13: 'EAN13',
};
const fromWasm = new Map<string, BarcodeFormat>([
  ...Object.entries(toWasm).map(([ours, theirs]): [string, BarcodeFormat] => [theirs, ours as BarcodeFormat]),
  // zxing-wasm names results by their exact variant.
  ['Code39Std', 'code39'],
  ['Code39Ext', 'code39'],
  ['EAN-13', 'ean13'],
]);

function crop(image: RgbaImage, options: DecodeOptions): RgbaImage {
  if (!options.region) return image;
  const area = clampRegion(image, options.region);
  const data = new Uint8ClampedArray(area.width * area.height * 4);
  for (let row = 0; row < area.height; row++) {
    const start = ((area.y + row) * image.width + area.x) * 4;
    data.set(image.data.subarray(start, start + area.width * 4), row * area.width * 4);
  }
  return { data, width: area.width, height: area.height };
}

export function createZxingWasmDecoder(source: WasmSource): AsyncBarcodeDecoder {
  prepareZXingModule({
    overrides:
      'wasmBinary' in source ? { wasmBinary: source.wasmBinary } : { locateFile: (file: string) => (file.endsWith('.wasm') ? source.wasmUrl : file) },
  });
  return {
    async decode(image, options) {
      if (options.formats.length === 0) return null;
      const readerOptions: ReaderOptions = {
        formats: options.formats.map((format) => toWasm[format]),
        tryHarder: options.tryHarder ?? false,
        tryCode39ExtendedMode: options.code39FullAscii ?? false,
        maxNumberOfSymbols: 1,
      };
      const [found] = await readBarcodes(crop(image, options) as unknown as ImageDataLike, readerOptions);
      const format = found?.isValid ? fromWasm.get(found.format) : undefined;
      return found && format ? { text: found.text, format, pass: 'zxing-wasm' } : null;
    },
  };
}

/** zxing-wasm takes any { data, width, height } (it checks the fields, not the class); typed as its ImageData parameter. */
type ImageDataLike = Parameters<typeof readBarcodes>[0];

/** The shipping engine first; the second only where the first found nothing. */
export function withFallbackEngine(first: BarcodeDecoder, second: AsyncBarcodeDecoder): AsyncBarcodeDecoder {
  return {
    async decode(image, options) {
      return first.decode(image, options) ?? (await second.decode(image, options));
    },
  };
}
