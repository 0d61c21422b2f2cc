/**
 * The engine the product ships: @zxing/library (pure JS, so it runs in a worker, the CLI and the tests alike). Cheap
 * passes first, the expensive ones only where they failed: plain; straightened (1-D codes turned upright by their
 * estimated angle, since ZXing's 1-D readers scan rows and a row crosses every bar only when the code is near level);
 * then, when asked, ZXing's TRY_HARDER on both and on the turn a further 90° round. The cheap passes read the turned
 * images for 1-D formats only.
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
import { linearFormats, type BarcodeDecoder, type BarcodeFormat, type DecodeOptions, type DecodePass, type DecodeResult } from './types';

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
      const linear = options.formats.filter((format) => linearFormats.includes(format));
      // The cheap passes read the turned and enlarged images for row scanners only: matrix codes are found at any
      // angle and size by their own detectors, already on the plain image, and a QR search is a large share of a pass.
      const linearOptions = { ...options, formats: linear };
      // Each turned image made only once a pass before it has failed: an estimate or a rotation costs about a pass.
      let angles: number[] | null = null;
      const turned = new Map<number, LuminanceImage>();
      function* straightened(thorough: boolean): Generator<LuminanceImage> {
        angles ??= linear.length > 0 ? straighteningAngles(image) : [];
        // The turn a further 90° round is for a code held sideways, far beyond a citizen's tilt: slow passes only.
        for (const degrees of thorough ? angles : angles.slice(0, 1)) {
          if (!turned.has(degrees)) turned.set(degrees, rotateLuminance(image, -degrees));
          yield turned.get(degrees)!;
        }
      }
      const runs = (pass: DecodePass) => (options.only === undefined ? pass !== 'slow' || options.tryHarder === true : options.only === pass);
      if (runs('plain')) {
        const plain = read(image, readerFor(options, false), 'plain');
        if (plain) return plain;
      }
      if (runs('straightened')) {
        const cheapLinear = readerFor(linearOptions, false);
        for (const candidate of straightened(false)) {
          const result = read(candidate, cheapLinear, 'straightened');
          if (result) return result;
        }
        if (linear.length > 0 && image.width * image.height <= SMALL_REGION_PIXELS) {
          const result = read(scaleLuminance(image, SMALL_REGION_SCALE), cheapLinear, 'enlarged');
          if (result) return result;
        }
      }
      if (!runs('slow')) return null;
      const plain = read(image, readerFor(options, true), 'tryHarder');
      if (plain) return plain;
      // Every format here: a QR code the plain image's detector missed is sometimes found turned (rarely enough that
      // the cheap passes need not pay for it).
      const thorough = readerFor(options, true);
      for (const candidate of straightened(true)) {
        const result = read(candidate, thorough, 'tryHarder');
        if (result) return result;
      }
      return null;
    },
  };
}

/**
 * The turns that stand the bars' estimated direction upright, then the one a further 90° round in case the dominant
 * edges were the bars' ends or text rather than the bars; none when the region is already straight.
 */
function straighteningAngles(image: LuminanceImage): number[] {
  const angle = estimateBarAngle(image);
  if (angle === null) return [];
  const perpendicular = angle > 0 ? angle - 90 : angle + 90;
  return [angle, perpendicular].filter((degrees) => Math.abs(degrees) > STRAIGHT_ENOUGH_DEGREES);
}
