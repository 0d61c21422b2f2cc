import { describe, expect, it } from 'vitest';
import { createFrameDecoder, decodeSize, MAX_DECODE_SIDE, regionInPixels, TRY_HARDER_EVERY, warmUpDecoder } from '../../shared/barcode/cameraFrame';
import type { BarcodeDecoder, DecodeOptions } from '../../shared/barcode/types';

const frame = { data: new Uint8ClampedArray(4), width: 1, height: 1 };

describe('camera frame geometry', () => {
  it('turns the guide frame fractions into whole pixels inside the frame', () => {
    expect(regionInPixels({ width: 1280, height: 720 }, { x: 0.15, y: 0.2, width: 0.7, height: 0.6 })).toEqual({ x: 192, y: 144, width: 896, height: 432 });
    expect(regionInPixels({ width: 641, height: 481 }, { x: 0.5, y: 0.5, width: 0.5, height: 0.5 })).toEqual({ x: 321, y: 241, width: 320, height: 240 });
  });

  it('decodes a 720p crop at its own size and scales a larger one down to the maximum side, keeping its shape', () => {
    expect(decodeSize({ width: 896, height: 432 })).toEqual({ width: 896, height: 432 });
    expect(decodeSize({ width: 1792, height: 864 })).toEqual({ width: MAX_DECODE_SIDE, height: 494 });
    expect(decodeSize({ width: 600, height: 2048 })).toEqual({ width: 300, height: MAX_DECODE_SIDE });
  });
});

describe('the frame decoder', () => {
  function recordingDecoder(reads: (call: number) => boolean) {
    const calls: DecodeOptions[] = [];
    const decoder: BarcodeDecoder = {
      decode(_image, options) {
        calls.push(options);
        return reads(calls.length) ? { text: 'X', format: 'qr', pass: 'plain' } : null;
      },
    };
    return { decoder, calls };
  }

  it('asks for the slow passes on one failed frame in TRY_HARDER_EVERY, with the configured formats only', () => {
    const { decoder, calls } = recordingDecoder(() => false);
    const frames = createFrameDecoder(decoder, ['code128', 'qr']);
    for (let i = 0; i < TRY_HARDER_EVERY * 3; i++) frames.decode(frame);
    const thorough = calls.flatMap((options, index) => (options.tryHarder ? [index + 1] : []));
    expect(thorough).toEqual([TRY_HARDER_EVERY, TRY_HARDER_EVERY * 2, TRY_HARDER_EVERY * 3]);
    expect(new Set(calls.map((options) => options.formats.join()))).toEqual(new Set(['code128,qr']));
    // A slow frame is spent on the slow passes alone.
    expect(calls.every((options) => (options.only === 'slow') === Boolean(options.tryHarder))).toBe(true);
  });

  it('spends each failed frame on one cheap pass, plain and straightened by turns, so every pass comes round within two', () => {
    const { decoder, calls } = recordingDecoder(() => false);
    const frames = createFrameDecoder(decoder, ['code128', 'qr']);
    for (let i = 0; i < 6; i++) frames.decode(frame);
    expect(calls.map((options) => options.only)).toEqual(['plain', 'straightened', 'plain', 'straightened', 'plain', 'straightened']);
  });

  it('warms the decoder up with one frame through every pass, slow ones included, in the configured formats', () => {
    const { decoder, calls } = recordingDecoder(() => false);
    warmUpDecoder(decoder, ['code39', 'qr']);
    expect(calls).toEqual([{ formats: ['code39', 'qr'], tryHarder: true }]);
  });

  it('starts counting failed frames again after a read', () => {
    const { decoder, calls } = recordingDecoder((call) => call === 2);
    const frames = createFrameDecoder(decoder, ['qr']);
    for (let i = 0; i < TRY_HARDER_EVERY + 2; i++) frames.decode(frame);
    expect(calls.findIndex((options) => options.tryHarder) + 1).toBe(2 + TRY_HARDER_EVERY);
  });
});
