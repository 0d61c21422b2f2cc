/**
 * Receipts as a kiosk camera sees them, generated from a seed (no image files in the repository): a printed receipt
 * with its text and one barcode of a realistic dossier code (Code 128, Code 39, or a QR of the lookup URL), held in
 * front of the camera at an angle, in perspective, blurred, noisy, low in contrast, with glare, JPEG-compressed.
 * Used by the receipt accuracy test, the fake-camera e2e test and the decoder bench.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../shared/barcode/types';

const execFileAsync = promisify(execFile);

export type ReceiptSymbology = 'code128' | 'code39' | 'qr';


const between = (random: () => number, low: number, high: number) => low + (high - low) * random();
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Dossier codes as deployed one-stop systems print them (domain.md §1): agency id, date received, daily sequence. */
export function randomDossierCode(random: () => number): string {
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const province = pick(random, ['H26', 'H38', 'H48', 'H55', 'H56']);
  const agency = random() < 0.15 ? `000.A0.${digits(2)}.${province}` : `000.${digits(2)}.${digits(2)}.${province}`;
  const date = `${pick(random, ['22', '23', '24', '25', '26'])}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const sequence = random() < 0.1 ? digits(5) : digits(4);
  return `${agency}-${date}-${sequence}`;
}

/** What a receipt's barcode carries: the code itself, or for a QR the public lookup URL with the code in it. */
export function barcodeText(symbology: ReceiptSymbology, code: string): string {
  return symbology === 'qr' ? `https://dichvucong.thanhhoa.gov.vn/tra-cuu-ho-so?mahs=${encodeURIComponent(code)}` : code;
}

function pngToRgba(buffer: Buffer): RgbaImage {
  const png = PNG.sync.read(buffer);
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
}

/** A receipt with the barcode's box on it (in receipt pixels), so a camera view can keep the code in frame. */
export interface PrintedReceipt {
  image: RgbaImage;
  /** Receipt pixels a module. */
  moduleSize: number;
  barcode: { x: number; y: number; width: number; height: number };
}

/** Printer pixels a module: 3 at about 8 pixels a millimetre, a 0.38 mm bar, as receipt printers make them. */
const PRINT_MODULE = 3;

/** The receipt as printed: header, dossier lines and the barcode, black on white at about 8 pixels a millimetre. */
export async function printReceipt(symbology: ReceiptSymbology, code: string): Promise<PrintedReceipt> {
  // bwip-js's QR error-correction level is M by default, as on receipts.
  const options =
    symbology === 'qr'
      ? { bcid: 'qrcode', text: barcodeText('qr', code), scale: PRINT_MODULE, paddingwidth: 0, paddingheight: 0, backgroundcolor: 'FFFFFF' }
      : { bcid: symbology, text: code, scale: PRINT_MODULE, height: 11, paddingwidth: 0, paddingheight: 0, backgroundcolor: 'FFFFFF' };
  const symbol = pngToRgba(await bwipjs.toBuffer(options));
  const width = Math.max(640, symbol.width + 80);
  const barcodeTop = 190;
  const height = barcodeTop + symbol.height + 90;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000';
  context.font = 'bold 22px DejaVu Sans';
  context.fillText('UBND TỈNH THANH HÓA', 30, 40);
  context.fillText('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 30, 80);
  context.font = '19px DejaVu Sans';
  context.fillText(`Mã hồ sơ: ${code}`, 30, 120);
  context.fillText('Thủ tục: Đăng ký khai sinh · Hẹn trả: 14/11/2026', 30, 152);
  const x = Math.round((width - symbol.width) / 2);
  const image = context.getImageData(0, 0, width, height);
  for (let row = 0; row < symbol.height; row++) {
    image.data.set(symbol.data.subarray(row * symbol.width * 4, (row + 1) * symbol.width * 4), ((barcodeTop + row) * width + x) * 4);
  }
  context.putImageData(image, 0, 0);
  context.font = '17px DejaVu Sans';
  context.fillText('Quét mã để tra cứu tiến độ giải quyết hồ sơ', 30, height - 30);
  const pixels = context.getImageData(0, 0, width, height);
  return {
    image: { data: new Uint8ClampedArray(pixels.data), width, height },
    // bwip-js draws a 2-D code's modules at twice its scale.
    moduleSize: symbology === 'qr' ? 2 * PRINT_MODULE : PRINT_MODULE,
    barcode: { x, y: barcodeTop, width: symbol.width, height: symbol.height },
  };
}

/**
 * How the camera sees the receipt; every field is drawn at random within a kiosk's range by randomCameraView. The
 * ranges are the field's, at their hard end (issue 15): a fixed-focus webcam sharp from 50 cm with the receipt held at
 * 20 to 35 cm, a USB webcam's MJPEG stream, a lobby's uneven light.
 */
export interface CameraView {
  /** Degrees; up to ±20 for 1-D codes (the citizen's hand), any angle for QR. */
  rotation: number;
  /**
   * Pixels a module (the narrowest bar, a QR cell) takes in the frame: how close the receipt is held. From 1.6 for
   * 1-D codes (a 25-character Code 39 then spans most of a 1280-pixel frame), 2 for the QR of the lookup URL.
   */
  moduleSize: number;
  /** Keystone: how much nearer the camera one edge of the receipt is (0 = flat on). */
  perspective: number;
  /** Gaussian blur, its sigma in pixels (defocus: the receipt held nearer than the lens focuses). */
  blur: number;
  /** Motion blur of a moving hand: its sigma in pixels along `motionDegrees` (none: a still hand). */
  motionBlur?: number;
  motionDegrees?: number;
  /** Standard deviation of the sensor noise in grey levels (up to 12: a webcam's gain in a dim hall). */
  noise: number;
  /** 1 = full contrast; 0.5 = a greyish receipt in a dim hall. */
  contrast: number;
  /** Peak brightness added by a lamp's reflection (0 = none). */
  glare: number;
  /** Uneven light: the brightness falls by this share across the frame, towards `shadowDegrees` (none: even light). */
  shadow?: number;
  shadowDegrees?: number;
  jpegQuality: number;
  /** Where the code's centre lands, as an offset from the frame's centre in fractions of the frame. */
  offsetX: number;
  offsetY: number;
}

export function randomCameraView(random: () => number, symbology: ReceiptSymbology): CameraView {
  return {
    rotation: symbology === 'qr' ? between(random, 0, 360) : between(random, -20, 20),
    moduleSize: symbology === 'qr' ? between(random, 2, 4.5) : between(random, 1.6, 3),
    perspective: between(random, 0, 0.1),
    blur: between(random, 0.3, 1.5),
    motionBlur: random() < 0.4 ? between(random, 0.3, 1.5) : 0,
    motionDegrees: between(random, 0, 180),
    noise: between(random, 2, 12),
    contrast: between(random, 0.5, 1),
    glare: random() < 0.4 ? between(random, 20, 70) : 0,
    shadow: random() < 0.6 ? between(random, 0.1, 0.45) : 0,
    shadowDegrees: between(random, 0, 360),
    jpegQuality: Math.round(between(random, 35, 90)),
    offsetX: between(random, -0.06, 0.06),
    offsetY: between(random, -0.08, 0.08),
  };
}

type Point = [number, number];

/** The homography taking four source points to four target points (solved directly, 8 unknowns). */
function homography(from: Point[], to: Point[]): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let column = 0; column < 8; column++) {
    let pivot = column;
    for (let row = column + 1; row < 8; row++) if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    for (let row = 0; row < 8; row++) {
      if (row === column) continue;
      const factor = rows[row]![column]! / rows[column]![column]!;
      for (let k = column; k < 9; k++) rows[row]![k]! -= factor * rows[column]![k]!;
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1];
}

/** The receipt in a camera frame of the given size, degraded as the view says; JPEG-compressed last, like a webcam. */
export async function photograph(
  receipt: PrintedReceipt,
  view: CameraView,
  frame: { width: number; height: number },
  random: () => number,
): Promise<RgbaImage> {
  const { barcode, image: paper } = receipt;
  // A long 1-D code is held no closer than keeps all of it (turned, off centre) inside the frame: the citizen sees it.
  const angle = (view.rotation * Math.PI) / 180;
  const [cos, sin] = [Math.abs(Math.cos(angle)), Math.abs(Math.sin(angle))];
  const turnedWidth = barcode.width * cos + barcode.height * sin;
  const turnedHeight = barcode.width * sin + barcode.height * cos;
  const scale = Math.min(
    view.moduleSize / receipt.moduleSize,
    ((0.96 - 2 * Math.abs(view.offsetX)) * frame.width) / turnedWidth,
    ((0.96 - 2 * Math.abs(view.offsetY)) * frame.height) / turnedHeight,
  );
  const centre: Point = [barcode.x + barcode.width / 2, barcode.y + barcode.height / 2];
  const target: Point = [frame.width * (0.5 + view.offsetX), frame.height * (0.5 + view.offsetY)];
  const place = ([x, y]: Point, keystone: number): Point => {
    const dx = (x - centre[0]) * scale;
    // The side of the receipt nearer the camera looks larger: widths grow with the distance down the receipt.
    const dy = (y - centre[1]) * scale;
    const grow = 1 + keystone * (dy / (paper.height * scale));
    return [target[0] + (dx * grow) * Math.cos(angle) - dy * Math.sin(angle), target[1] + (dx * grow) * Math.sin(angle) + dy * Math.cos(angle)];
  };
  const corners: Point[] = [
    [0, 0],
    [paper.width, 0],
    [paper.width, paper.height],
    [0, paper.height],
  ];
  // Frame → paper, for sampling each frame pixel.
  const toPaper = homography(
    corners.map((corner) => place(corner, view.perspective)),
    corners,
  );

  const grey = new Float32Array(frame.width * frame.height);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toPaper as [number, number, number, number, number, number, number, number, number];
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const w = h6 * (x + 0.5) + h7 * (y + 0.5) + h8;
      const u = (h0 * (x + 0.5) + h1 * (y + 0.5) + h2) / w;
      const v = (h3 * (x + 0.5) + h4 * (y + 0.5) + h5) / w;
      // A table under the receipt, a little lighter towards the top.
      let value = 70 + 40 * (1 - y / frame.height);
      if (u >= 0 && v >= 0 && u < paper.width - 1 && v < paper.height - 1) value = samplePaper(paper, u - 0.5, v - 0.5);
      grey[y * frame.width + x] = value;
    }
  }
  const defocused = view.blur > 0.05 ? gaussianBlur(grey, frame, view.blur) : grey;
  const { motionBlur: motion = 0, motionDegrees = 0, shadow = 0, shadowDegrees = 0 } = view;
  const blurred = motion > 0.05 ? motionBlur(defocused, frame, motion, motionDegrees) : defocused;
  const shadowRadians = (shadowDegrees * Math.PI) / 180;
  const [shadowX, shadowY] = [Math.cos(shadowRadians), Math.sin(shadowRadians)];
  const frameDiagonal = Math.hypot(frame.width, frame.height);
  const glareAt: Point = [between(random, 0.2, 0.8) * frame.width, between(random, 0.2, 0.8) * frame.height];
  const glareRadius = between(random, 0.15, 0.3) * frame.width;
  const data = new Uint8ClampedArray(frame.width * frame.height * 4);
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const at = y * frame.width + x;
      const distance = Math.hypot(x - glareAt[0], y - glareAt[1]);
      const glare = view.glare * Math.exp(-((distance / glareRadius) ** 2));
      // The light falls off towards one side (a lamp off to the side), as a share of the paper's brightness.
      const towards = ((x - frame.width / 2) * shadowX + (y - frame.height / 2) * shadowY) / frameDiagonal + 0.5;
      const light = 1 - shadow * Math.max(0, Math.min(1, towards));
      const value = (128 + (blurred[at]! - 128) * view.contrast) * light + glare + gaussian(random) * view.noise;
      // A warm cast, as under the hall's lamps: the decoder must not depend on neutral grey.
      data[at * 4] = value + 6;
      data[at * 4 + 1] = value;
      data[at * 4 + 2] = value - 8;
      data[at * 4 + 3] = 255;
    }
  }
  return jpegRoundTrip({ data, width: frame.width, height: frame.height }, view.jpegQuality);
}

/** Through a JPEG encoder and back (libjpeg-turbo in @napi-rs/canvas: jpeg-js takes half a second a frame here). */
export async function jpegRoundTrip(image: RgbaImage, quality: number): Promise<RgbaImage> {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  pixels.data.set(image.data);
  context.putImageData(pixels, 0, 0);
  const decoded = await loadImage(canvas.toBuffer('image/jpeg', quality));
  context.drawImage(decoded, 0, 0);
  return { data: new Uint8ClampedArray(context.getImageData(0, 0, image.width, image.height).data), width: image.width, height: image.height };
}

function samplePaper(paper: RgbaImage, u: number, v: number): number {
  // Bilinear, red channel only (the paper is grey); no closures: this runs for every pixel of every frame.
  const { data, width, height } = paper;
  const x0 = Math.max(0, Math.floor(u));
  const y0 = Math.max(0, Math.floor(v));
  const x1 = Math.min(width - 1, x0 + 1);
  const y1 = Math.min(height - 1, y0 + 1);
  const fx = Math.min(1, Math.max(0, u - x0));
  const fy = Math.min(1, Math.max(0, v - y0));
  const top = data[(y0 * width + x0) * 4]! * (1 - fx) + data[(y0 * width + x1) * 4]! * fx;
  const bottom = data[(y1 * width + x0) * 4]! * (1 - fx) + data[(y1 * width + x1) * 4]! * fx;
  return top * (1 - fy) + bottom * fy;
}

function gaussianBlur(source: Float32Array, { width, height }: { width: number; height: number }, sigma: number): Float32Array {
  const radius = Math.ceil(3 * sigma);
  const weights = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const kernel = weights.map((weight) => weight / total);
  const horizontal = new Float32Array(source.length);
  const result = new Float32Array(source.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let d = -radius; d <= radius; d++) sum += kernel[d + radius]! * source[y * width + Math.min(width - 1, Math.max(0, x + d))]!;
      horizontal[y * width + x] = sum;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let d = -radius; d <= radius; d++) sum += kernel[d + radius]! * horizontal[Math.min(height - 1, Math.max(0, y + d)) * width + x]!;
      result[y * width + x] = sum;
    }
  }
  return result;
}

/** A Gaussian blur along one direction only (a hand moving while the shutter is open), bilinear along that line. */
function motionBlur(source: Float32Array, { width, height }: { width: number; height: number }, sigma: number, degrees: number): Float32Array {
  const radius = Math.ceil(3 * sigma);
  const radians = (degrees * Math.PI) / 180;
  const [dx, dy] = [Math.cos(radians), Math.sin(radians)];
  const taps = Array.from({ length: 2 * radius + 1 }, (_, i) => ({ offset: i - radius, weight: Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)) }));
  const total = taps.reduce((sum, tap) => sum + tap.weight, 0);
  const result = new Float32Array(source.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const { offset, weight } of taps) {
        const u = Math.min(width - 1, Math.max(0, x + offset * dx));
        const v = Math.min(height - 1, Math.max(0, y + offset * dy));
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const x1 = Math.min(width - 1, x0 + 1);
        const y1 = Math.min(height - 1, y0 + 1);
        const fx = u - x0;
        const fy = v - y0;
        const top = source[y0 * width + x0]! * (1 - fx) + source[y0 * width + x1]! * fx;
        const bottom = source[y1 * width + x0]! * (1 - fx) + source[y1 * width + x1]! * fx;
        sum += weight * (top * (1 - fy) + bottom * fy);
      }
      result[y * width + x] = sum / total;
    }
  }
  return result;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The camera frames a kiosk's webcam sends: 720p mostly, 1080p on the better ones. */
export const CAMERA_FRAMES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** One generated receipt photo: what its code carries and how it was seen. */
export interface ReceiptPhoto {
  symbology: ReceiptSymbology;
  text: string;
  view: CameraView;
  image: RgbaImage;
}

/** A receipt of a random dossier code photographed in a random view, in a 720p frame (7 in 10) or a 1080p one. */
export async function randomReceiptPhoto(random: () => number, symbology: ReceiptSymbology): Promise<ReceiptPhoto> {
  const code = randomDossierCode(random);
  const view = randomCameraView(random, symbology);
  const frame = random() < 0.7 ? CAMERA_FRAMES[0] : CAMERA_FRAMES[1];
  const image = await photograph(await printReceipt(symbology, code), view, frame, random);
  return { symbology, text: barcodeText(symbology, code), view, image };
}

/** The band of tilt a photo's code lies in, for figures by band: 1-D codes under 5°, 5° to 12°, 12° to 20°; QR any. */
export function tiltBand(photo: { symbology: ReceiptSymbology; view: CameraView }): string {
  if (photo.symbology === 'qr') return 'any';
  const tilt = Math.abs(photo.view.rotation);
  return tilt < 5 ? '<5°' : tilt < 12 ? '5-12°' : '12-20°';
}

/** An empty view: the kiosk's hall with no receipt (the table, lamps, noise, compression), for "no code" frames. */
export function emptyView(frame: { width: number; height: number }, random: () => number): Promise<RgbaImage> {
  const blank: PrintedReceipt = { image: { data: new Uint8ClampedArray(4), width: 1, height: 1 }, moduleSize: 1, barcode: { x: 0, y: 0, width: 1, height: 1 } };
  return photograph(blank, { ...randomCameraView(random, 'code128'), moduleSize: 0.001 }, frame, random);
}

/** The frame rate of the fake camera's videos. */
export const FAKE_CAMERA_FPS = 10;

/**
 * A .y4m video for Chromium's fake camera (`--use-file-for-fake-video-capture`), made by ffmpeg from one still frame
 * shown for `frames` frames at FAKE_CAMERA_FPS; Chromium loops it.
 */
export function writeFakeCameraVideo(image: RgbaImage, file: string, frames = 5): Promise<void> {
  return writeFakeCameraClip([{ image, frames }], file);
}

/** A .y4m video of still scenes one after the other (an empty view, then a receipt held up), each for its frames. */
export async function writeFakeCameraClip(scenes: { image: RgbaImage; frames: number }[], file: string): Promise<void> {
  const inputs: string[] = [];
  for (const [index, { image, frames }] of scenes.entries()) {
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    const pixels = context.createImageData(image.width, image.height);
    pixels.data.set(image.data);
    context.putImageData(pixels, 0, 0);
    const still = scenes.length === 1 ? `${file}.png` : `${file}.${index}.png`;
    await writeFile(still, canvas.toBuffer('image/png'));
    inputs.push('-loop', '1', '-framerate', String(FAKE_CAMERA_FPS), '-t', String(frames / FAKE_CAMERA_FPS), '-i', still);
  }
  const joined = `${scenes.map((_, index) => `[${index}:v]`).join('')}concat=n=${scenes.length}:v=1[out]`;
  await execFileAsync('ffmpeg', ['-loglevel', 'error', '-y', ...inputs, '-filter_complex', joined, '-map', '[out]', '-r', String(FAKE_CAMERA_FPS), '-pix_fmt', 'yuv420p', file]);
}
