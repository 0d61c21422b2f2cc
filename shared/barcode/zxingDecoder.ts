/**
 * The engine the product ships: @zxing/library (pure JS, so it runs in a worker, the CLI and the tests alike). Cheap
 * passes first, the expensive ones only where they failed: plain; straightened (1-D codes turned upright by their
 * estimated angle, since ZXing's 1-D readers scan rows and a row crosses every bar only when the code is near level);
 * then, when asked, ZXing's TRY_HARDER on both.
 */
import {
  BarcodeFormat as ZXingFormat,
  BinaryBitmap,
  ChecksumException,
  DecodeHintType,
  FormatException,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
} from '@zxing/library';
import { hasCode39QuietZones, type Point } from './quietZone';
import { installCode128StartPatternFix } from './zxingCode128Fix';
import { estimateBarAngle, rotateLuminance, scaleLuminance, toLuminance, type LuminanceImage } from './luminance';
import { linearFormats, type BarcodeDecoder, type BarcodeFormat, type DecodeOptions, type DecodeResult } from './types';

const toZXing: Record<BarcodeFormat, ZXingFormat> = {
  code128: ZXingFormat.CODE_128,
  code39: ZXingFormat.CODE_39,
  qr: ZXingFormat.QR_CODE,
  itf: ZXingFormat.ITF,
  pdf417: ZXingFormat.PDF_417,
  datamatrix: ZXingFormat.DATA_MATRIX,
  ean13: ZXingFormat.EAN_13,
};
const fromZXing = new Map(Object.entries(toZXing).map(([ours, theirs]) => [theirs, ours as BarcodeFormat]));

/**
 * Regions up to this many pixels are also tried enlarged (2×, bilinear) for 1-D codes: in a small image a narrow bar
 * is a pixel or two wide, and the row's run lengths land on the wrong side of the wide/narrow threshold; resampling
 * puts the edges back between pixels. Cheap at this size, and a camera crop of a held receipt is larger.
 */
const SMALL_REGION_PIXELS = 640 * 480;
const SMALL_REGION_SCALE = 2;

/**
 * At an estimated 0° the straightened image would be the plain one again. Even 1° is worth turning: a long code's
 * rows then cross its bars at one place in the row, not drifting across a pixel boundary.
 */
const STRAIGHT_ENOUGH_DEGREES = 0.1;

/** ZXing's "nothing here" exceptions; anything else is a bug and is thrown on. */
const isNoCode = (error: unknown): boolean =>
  error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException;

export function createZxingDecoder(): BarcodeDecoder {
  installCode128StartPatternFix();
  // A configured reader per (formats, effort): building the hints and sub-readers per frame would cost more than a decode.
  const readers = new Map<string, MultiFormatReader>();
  const readerFor = (options: DecodeOptions, tryHarder: boolean): MultiFormatReader => {
    const { formats, code39FullAscii = false } = options;
    const key = `${[...formats].sort().join(',')}|${tryHarder}|${code39FullAscii}`;
    let reader = readers.get(key);
    if (!reader) {
      reader = new MultiFormatReader();
      const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, formats.map((f) => toZXing[f])]]);
      if (tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
      if (code39FullAscii) hints.set(DecodeHintType.ENABLE_CODE_39_EXTENDED_MODE, true);
      reader.setHints(hints);
      readers.set(key, reader);
    }
    return reader;
  };

  const read = (image: LuminanceImage, reader: MultiFormatReader, pass: string): DecodeResult | null => {
    if (image.width === 0 || image.height === 0) return null;
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.data, image.width, image.height)));
    try {
      const result = reader.decodeWithState(bitmap);
      const format = fromZXing.get(result.getBarcodeFormat());
      if (format === undefined) return null;
      const [start, end] = result.getResultPoints();
      if (format === 'code39') {
        const line = start && end ? ([start, end].map((point) => ({ x: point.getX(), y: point.getY() })) as [Point, Point]) : null;
        if (!line || !hasCode39QuietZones(image, line[0], line[1], result.getText().length)) return null;
      }
      return { text: result.getText(), format, pass };
    } catch (error) {
      if (isNoCode(error)) return null;
      throw error;
    } finally {
      reader.reset();
    }
  };

  return {
    decode(rgba, options: DecodeOptions) {
      if (options.formats.length === 0) return null;
      const image = toLuminance(rgba, options.region);
      const cheap = readerFor(options, false);
      const plain = read(image, cheap, 'plain');
      if (plain) return plain;

      const straightened = straighten(image, options.formats);
      for (const turned of straightened) {
        const result = read(turned, cheap, 'straightened');
        if (result) return result;
      }
      const wantsLinear = options.formats.some((format) => linearFormats.includes(format));
      if (wantsLinear && image.width * image.height <= SMALL_REGION_PIXELS) {
        const result = read(scaleLuminance(image, SMALL_REGION_SCALE), cheap, 'enlarged');
        if (result) return result;
      }
      if (!options.tryHarder) return null;
      const thorough = readerFor(options, true);
      for (const candidate of [image, ...straightened]) {
        const result = read(candidate, thorough, 'tryHarder');
        if (result) return result;
      }
      return null;
    },
  };
}

/**
 * The region turned so that the bars' estimated direction stands upright, and turned by a further 90° in case the
 * dominant edges were the bars' ends or text rather than the bars; none when no 1-D format is wanted or the region is
 * already straight. Matrix codes (QR, Data Matrix, PDF417) are found at any angle by their own detectors.
 */
function straighten(image: LuminanceImage, formats: readonly BarcodeFormat[]): LuminanceImage[] {
  if (!formats.some((format) => linearFormats.includes(format))) return [];
  const angle = estimateBarAngle(image);
  if (angle === null) return [];
  const perpendicular = angle > 0 ? angle - 90 : angle + 90;
  return [angle, perpendicular]
    .filter((degrees) => Math.abs(degrees) > STRAIGHT_ENOUGH_DEGREES)
    .map((degrees) => rotateLuminance(image, -degrees));
}
