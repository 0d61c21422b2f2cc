/** The decoder interface of ours that every engine sits behind (@zxing/library is in maintenance mode upstream). */

export const barcodeFormats = ['code128', 'code39', 'qr', 'itf', 'pdf417', 'datamatrix', 'ean13'] as const;
export type BarcodeFormat = (typeof barcodeFormats)[number];

/** Linear (1-D) formats: the ones a row scanner misses when tilted, so the ones worth straightening. */
export const linearFormats: readonly BarcodeFormat[] = ['code128', 'code39', 'itf', 'ean13'];

export const isBarcodeFormat = (value: string): value is BarcodeFormat =>
  (barcodeFormats as readonly string[]).includes(value);

/** RGBA pixels, row by row, 4 bytes a pixel: the layout of ImageData and of decoded PNG/JPEG files. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DecodeOptions {
  formats: readonly BarcodeFormat[];
  /** Only this part of the image is searched (the guide frame); the whole image when absent. */
  region?: Region;
  /** Allow the slow passes (ZXing's TRY_HARDER and the like) after the cheap ones failed. */
  tryHarder?: boolean;
  /**
   * One group of passes alone, for spreading them over a camera's frames so that no frame costs them all: 'plain'
   * (the image as it is, every format), 'straightened' (1-D codes turned upright, and enlarged when small), 'slow'
   * (ZXing's TRY_HARDER, whatever `tryHarder` says). All the cheap ones, then the slow ones if asked, when absent.
   */
  only?: DecodePass;
  /** Read Code 39 as Full ASCII (`+A` is "a"); off for receipts, whose codes use plain Code 39 only. */
  code39FullAscii?: boolean;
}

export type DecodePass = 'plain' | 'straightened' | 'slow';

export interface DecodeResult {
  text: string;
  format: BarcodeFormat;
  /** Which pass read it, for measuring what each is worth: 'plain', 'straightened', 'enlarged', 'tryHarder', 'zxing-wasm'. */
  pass: string;
}

export interface BarcodeDecoder {
  decode(image: RgbaImage, options: DecodeOptions): DecodeResult | null;
}

/** An engine that answers later (zxing-wasm: its module loads and runs behind a promise). */
export interface AsyncBarcodeDecoder {
  decode(image: RgbaImage, options: DecodeOptions): Promise<DecodeResult | null>;
}
