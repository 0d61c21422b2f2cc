/**
 * ZXing's own black-box images, judged as Java ZXing's AbstractBlackBoxTestCase judges them (../shared/corpus/
 * zxing-blackbox/README.md): per folder and rotation, passes without and with try-harder, and misreads (a result with
 * the wrong text or format). Every format is enabled, as in Java, so reading as another format is a misread. Each
 * image is judged for the shipping engine alone (zxing-js) and with zxing-wasm tried where it found nothing; the
 * limits apply to the latter, the decoder the kiosk runs. Split over several test files so they run in parallel.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadImageFile } from '../../electron/core/barcode/imageFile';
import { readZxingWasm } from '../../electron/core/barcode/wasmFile';
import type { BarcodeFormat, DecodeOptions, RgbaImage } from '../../shared/barcode/types';
import { barcodeFormats } from '../../shared/barcode/types';
import { createZxingWasmDecoder } from '../../shared/barcode/wasmDecoder';
import { createZxingDecoder } from '../../shared/barcode/zxingDecoder';
import { underCi } from '../support/ci';

const projectRoot = path.resolve(import.meta.dirname, '../..');
export const corpus = path.resolve(projectRoot, '../shared/corpus/zxing-blackbox');

/**
 * Without the corpus beside the checkout (a developer's clone) the suite is skipped; under CI it fails instead, so the
 * accuracy check can never silently not run.
 */
const corpusPresent = existsSync(corpus);

interface Threshold {
  rotation: number;
  mustPass: number;
  tryHarderMustPass: number;
  maxMisreads: number;
  maxTryHarderMisreads: number;
}
interface Folder {
  format: string;
  thresholds: Threshold[];
  mode?: string;
  groups?: Record<string, string[]>;
}

const javaFormat: Record<string, BarcodeFormat> = {
  CODE_128: 'code128',
  CODE_39: 'code39',
  ITF: 'itf',
  QR_CODE: 'qr',
  DATA_MATRIX: 'datamatrix',
  PDF_417: 'pdf417',
  EAN_13: 'ean13',
};
/** The formats whose Java limits we must meet; the others are reported. */
const enforced = new Set<BarcodeFormat>(['code128', 'code39', 'itf', 'qr', 'datamatrix']);

/** Turned clockwise by a multiple of 90°, losslessly. */
function rotateQuarterTurns(image: RgbaImage, degrees: number): RgbaImage {
  const turns = (((degrees / 90) % 4) + 4) % 4;
  if (turns === 0) return image;
  const { width, height, data } = image;
  const outWidth = turns === 2 ? width : height;
  const outHeight = turns === 2 ? height : width;
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, v] = turns === 1 ? [height - 1 - y, x] : turns === 2 ? [width - 1 - x, height - 1 - y] : [y, width - 1 - x];
      out.set(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4), (v * outWidth + u) * 4);
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

/** `<name>.txt` as UTF-8, else `<name>.bin` as ISO-8859-1, `<name>` being the file name up to its first dot. */
function expectedText(folder: string, name: string): string {
  const base = path.join(corpus, folder, name.split('.')[0]!);
  if (existsSync(`${base}.txt`)) return readFileSync(`${base}.txt`, 'utf8');
  return readFileSync(`${base}.bin`).toString('latin1');
}

interface Tally {
  pass: number;
  misread: number;
}
const judge = (tally: Tally, got: { text: string; format: string } | null, text: string, format: BarcodeFormat): void => {
  if (got === null) return;
  if (got.text === text && got.format === format) tally.pass++;
  else tally.misread++;
};

const folders: Record<string, Folder> = corpusPresent
  ? (JSON.parse(readFileSync(path.join(corpus, 'thresholds.json'), 'utf8')) as { folders: Record<string, Folder> }).folders
  : {};

export function blackboxSuite(title: string, selectFolder: (name: string) => boolean): void {
  if (!corpusPresent && underCi) {
    it(`the ZXing black-box corpus: ${title} (needs ${corpus})`, () => {
      throw new Error(`CI is set and the ZXing black-box corpus is missing at ${corpus}: the accuracy check cannot run`);
    });
    return;
  }
  const shipping = createZxingDecoder();
  const withWasm = readZxingWasm().then((source) => createZxingWasmDecoder(source));
  const table: string[] = [];

  describe.skipIf(!corpusPresent)(`the ZXing black-box corpus: ${title}`, () => {
    for (const [folder, spec] of Object.entries(folders).filter(([name]) => selectFolder(name))) {
      const format = javaFormat[spec.format]!;
      const enforce = enforced.has(format);
      it(`${folder} ${enforce ? 'meets' : 'is reported against'} Java ZXing's limits`, { timeout: 600_000 }, async () => {
        const wasm = await withWasm;
        const names = readdirSync(path.join(corpus, folder)).filter((name) => /\.(png|jpe?g|gif)$/i.test(name)).sort();
        const images = new Map<string, RgbaImage>();
        for (const name of names) {
          const load = await loadImageFile(path.join(corpus, folder, name));
          if (!load.ok) throw new Error(`${folder}/${name}: ${load.reason}`);
          images.set(name, load.image);
        }
        // Macro PDF417 (pdf417-4): a group passes when its images' texts, in segment order, make the group's text.
        // Our decoder reads one symbol an image, so a group of symbols in one image is beyond it (reported only).
        const cases = spec.groups
          ? Object.entries(spec.groups).map(([group, members]) => ({ members, text: expectedText(folder, group) }))
          : names.map((name) => ({ members: [name], text: expectedText(folder, name) }));

        for (const limit of spec.thresholds) {
          const tallies = { js: [{ pass: 0, misread: 0 }, { pass: 0, misread: 0 }], both: [{ pass: 0, misread: 0 }, { pass: 0, misread: 0 }] };
          for (const [effort, tryHarder] of [false, true].entries()) {
            const options: DecodeOptions = {
              // The reported formats are read alone: every format on these large images costs minutes, not coverage.
              formats: enforce ? barcodeFormats : [format],
              tryHarder,
              code39FullAscii: folder === 'code39-2',
            };
            for (const { members, text } of cases) {
              const js: (string | null)[] = [];
              const both: (string | null)[] = [];
              let jsFormat: string | undefined;
              let bothFormat: string | undefined;
              for (const member of members) {
                const image = rotateQuarterTurns(images.get(member)!, limit.rotation);
                const first = shipping.decode(image, options);
                const second = first ?? (await wasm.decode(image, options));
                js.push(first?.text ?? null);
                both.push(second?.text ?? null);
                jsFormat ??= first?.format;
                bothFormat ??= second?.format;
              }
              const combine = (texts: (string | null)[], got?: string) =>
                texts.some((t) => t === null) ? null : { text: texts.join(''), format: got ?? '' };
              judge(tallies.js[effort]!, combine(js, jsFormat), text, format);
              judge(tallies.both[effort]!, combine(both, bothFormat), text, format);
            }
          }
          const [normal, harder] = tallies.both as [Tally, Tally];
          const met =
            normal.pass >= limit.mustPass &&
            harder.pass >= limit.tryHarderMustPass &&
            normal.misread <= limit.maxMisreads &&
            harder.misread <= limit.maxTryHarderMisreads;
          const [jsNormal, jsHarder] = tallies.js as [Tally, Tally];
          table.push(
            [
              folder.padEnd(13),
              String(limit.rotation).padStart(3),
              `${limit.mustPass}/${limit.tryHarderMustPass}`.padStart(6),
              `${jsNormal.pass}/${jsHarder.pass}`.padStart(7),
              `${normal.pass}/${harder.pass}`.padStart(7),
              `${jsNormal.misread + jsHarder.misread}+${normal.misread + harder.misread - jsNormal.misread - jsHarder.misread}`.padStart(5),
              `${cases.length}`.padStart(4),
              met ? 'meets' : enforce ? 'BELOW' : 'below (reported)',
            ].join('  '),
          );
          if (enforce) expect({ folder, rotation: limit.rotation, normal, harder, met }).toMatchObject({ met: true });
        }
      });
    }

    afterAll(() => {
      console.log(
        [`ZXing black-box corpus, ${title}: passes normal/try-harder; misreads zxing-js + added by zxing-wasm`,
          'folder         rot    java  zxing-js  +wasm   miss  imgs  verdict', ...table].join('\n'),
      );
    });
  });
}
