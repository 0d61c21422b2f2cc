// eSpeak NG's WAV as it comes down a pipe: sizes it could not rewind to, which the host writes in.
import { describe, expect, it } from 'vitest';
import { parseWav, withTrueSizes } from '../../shared/speech/wav';

function streamedWav(samples: number, { sampleRate = 22050, padding = 0 } = {}): Uint8Array {
  const bytes = new Uint8Array(44 + samples * 2 + padding);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 0x7ffff024, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, 0x7ffff000, true);
  return bytes;
}

describe('the streamed WAV', () => {
  it('is read as the samples actually there, and written with its true sizes', () => {
    const info = parseWav(streamedWav(22050))!;
    expect(info).toEqual({ sampleRate: 22050, channels: 1, bitsPerSample: 16, dataOffset: 44, dataBytes: 44100, durationMs: 1000 });
    const fixed = withTrueSizes(streamedWav(22050), info);
    const view = new DataView(fixed.buffer);
    expect(view.getUint32(4, true)).toBe(fixed.length - 8);
    expect(view.getUint32(40, true)).toBe(44100);
  });

  it('drops half a sample at the end of a cut stream', () => {
    expect(parseWav(streamedWav(100, { padding: 1 }))).toMatchObject({ dataBytes: 200 });
  });

  it('is not a WAV when it is something else, or has no format before its data', () => {
    expect(parseWav(new TextEncoder().encode('not a wave file at all'))).toBeNull();
    const noFormat = streamedWav(10);
    noFormat.set(new TextEncoder().encode('junk'), 12);
    expect(parseWav(noFormat)).toBeNull();
  });
});
