/** Reading a speech WAV's samples in tests: its loudness, to tell speech from silence. */
import { parseWav } from '../../shared/speech/wav';

/** The root mean square of a 16-bit mono WAV's samples, 0 to 1, with its format; throws when it is not one. */
export function wavLoudness(bytes: Uint8Array): { rms: number; durationMs: number; sampleRate: number } {
  const info = parseWav(bytes);
  if (info === null || info.bitsPerSample !== 16 || info.channels !== 1) throw new Error('not a 16-bit mono PCM WAV');
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.dataBytes);
  let sum = 0;
  const count = info.dataBytes / 2;
  for (let i = 0; i < count; i++) sum += view.getInt16(i * 2, true) ** 2;
  return { rms: count === 0 ? 0 : Math.sqrt(sum / count) / 32768, durationMs: info.durationMs, sampleRate: info.sampleRate };
}
