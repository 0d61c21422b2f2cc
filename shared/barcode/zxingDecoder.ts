/**
 * The engine the product ships: @zxing/library (pure JS, so it runs in a worker, the CLI and the tests alike). Cheap
 * passes first, the expensive ones only where they failed: plain; straightened (the band along a 1-D code turned level
 * by its estimated angle, since ZXing's 1-D readers scan rows and a row crosses every bar only when the code is near
 * level); then, when asked, ZXing's TRY_HARDER on both and on the turn a further 90° round. The cheap passes read the
 * turned images for 1-D formats only.
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
import { findBarRegions } from './barProfile';
import { createProfileReader } from './profileReader';
import { hasCode39QuietZones, type Point } from './quietZone';
import { installCode128StartPatternFix } from './zxingCode128Fix';
import {
  estimateBarAxis,
  reusableBytes,
  rotateLuminance,
  scaleLuminance,
  straightenedBand,
  toLuminance,
  type BarAxis,
  type LuminanceImage,
} from './luminance';
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
 * At an estimated 0° the slow passes' turned image would be the plain one again. Even 1° is worth turning: a long
 * code's rows then cross its bars at one place in the row, not drifting across a pixel boundary.
 */
const STRAIGHT_ENOUGH_DEGREES = 0.1;

/** The straightened band's height against the spread of the bars' edges across the axis, and its bounds. */
const BAND_PER_SPREAD = 2;
const MIN_BAND_ROWS = 64;
const MAX_BAND_ROWS = 192;

/** V8's (Node's, Chromium's) count of frames an Error captures; the renderer's typecheck, without Node's types, lacks it. */
const v8Error = Error as ErrorConstructor & { stackTraceLimit: number };

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
    // ZXing says "nothing here" by throwing, dozens of times a pass (every row tried), and each throw captures its stack
    // twice (Error, then ts-custom-error): a third of a TRY_HARDER pass's time. Nobody reads those stacks, so none is
    // captured while ZXing runs; a real error of ZXing's (a bug, thrown on) keeps its message, not its stack.
    const stackTraceLimit = v8Error.stackTraceLimit;
    v8Error.stackTraceLimit = 0;
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
      v8Error.stackTraceLimit = stackTraceLimit;
      reader.reset();
    }
  };

  // The frame's grey levels and its straightened band, in bytes reused from frame to frame (a decode uses them and
  // lets go before it returns).
  const profiles = createProfileReader();
  const frameBytes = reusableBytes();
  const bandBytes = reusableBytes();

  return {
    decode(rgba, options: DecodeOptions) {
      if (options.formats.length === 0) return null;
      const image = toLuminance(rgba, options.region, frameBytes);
      const linear = options.formats.filter((format) => linearFormats.includes(format));
      // The cheap passes read the turned and enlarged images for row scanners only: matrix codes are found at any
      // angle and size by their own detectors, already on the plain image, and a QR search is a large share of a pass.
      const linearOptions = { ...options, formats: linear };
      // Estimated once a decode, and only once a pass before it has failed: it costs a fifth of a pass.
      let axis: BarAxis | null | undefined;
      const barAxis = () => (axis === undefined ? (axis = linear.length > 0 ? estimateBarAxis(image) : null) : axis);
      const runs = (pass: DecodePass) => (options.only === undefined ? pass !== 'slow' || options.tryHarder === true : options.only === pass);
      // Bar profiles first where the formats allow: a cheap look (the structure tensor's tiles) says whether anything
      // like bars is there, and a code it finds reads in a few milliseconds, level or tilted, sharp or blurred.
      if (runs('straightened') && (linear.includes('code128') || linear.includes('code39'))) {
        const fromProfile = profiles.read(image, findBarRegions(image), linear, options.code39FullAscii);
        if (fromProfile) return { ...fromProfile, pass: 'profile' };
      }
      if (runs('plain')) {
        const plain = read(image, readerFor(options, false), 'plain');
        if (plain) return plain;
      }
      if (runs('straightened')) {
        const cheapLinear = readerFor(linearOptions, false);
        const found = barAxis();
        if (found) {
          const result = read(straightenedBand(image, found, bandHeight(image, found), bandBytes), cheapLinear, 'straightened');
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
      // The whole image turned, every format: TRY_HARDER scans every row, and a QR code the plain image's detector
      // missed is sometimes found turned (rarely enough that the cheap passes need not pay for it). Not gated on the
      // cheap look: it sees bars, not QR codes, and gated so the black-box QR folders lost try-harder reads.
      const thorough = readerFor(options, true);
      for (const degrees of straighteningAngles(barAxis())) {
        const result = read(rotateLuminance(image, -degrees), thorough, 'tryHarder');
        if (result) return result;
      }
      return null;
    },
  };
}

/**
 * The band the straightened pass reads: about twice as tall as the bars' edges spread across the axis, so that the
 * middle rows a row scan reads (ZXing's cheap pass: 15 rows over the middle ~44%) all cross the bars even when the
 * estimate of the code's middle is off. Between MIN_BAND_ROWS and MAX_BAND_ROWS: a wide spread is a QR code or text,
 * not bars, and the middle rows of a tall code are as good as all of them. The whole image turned when no tile looked
 * like a code (the middle is then only the image's).
 */
function bandHeight(image: LuminanceImage, axis: BarAxis): number {
  const radians = (axis.degrees * Math.PI) / 180;
  const turnedHeight = Math.ceil(Math.abs(image.width * Math.sin(radians)) + Math.abs(image.height * Math.cos(radians)));
  if (axis.across === null) return turnedHeight;
  return Math.min(turnedHeight, MAX_BAND_ROWS, Math.max(MIN_BAND_ROWS, Math.ceil(BAND_PER_SPREAD * axis.across)));
}

/**
 * The turns that stand the bars' estimated direction upright, then the one a further 90° round in case the dominant
 * edges were the bars' ends or text rather than the bars; none when the region is already straight.
 */
function straighteningAngles(axis: BarAxis | null): number[] {
  if (axis === null) return [];
  const { degrees: angle } = axis;
  const perpendicular = angle > 0 ? angle - 90 : angle + 90;
  return [angle, perpendicular].filter((degrees) => Math.abs(degrees) > STRAIGHT_ENOUGH_DEGREES);
}
