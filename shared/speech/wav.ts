/**
 * The RIFF/WAVE files eSpeak NG writes. Written to a pipe (`--stdout`), its header cannot be rewound to the real
 * sizes, so it declares the largest ones (about 2 GiB): `parseWav` reads the data chunk as what is actually there,
 * and `withTrueSizes` writes the real sizes in, so that every decoder (the renderer's Web Audio) reads it.
 */

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Where the samples start, and how many bytes of them there are. */
  dataOffset: number;
  dataBytes: number;
  durationMs: number;
}

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** The PCM format of `bytes`, or null when it is not a PCM WAV file with a data chunk. */
export function parseWav(bytes: Uint8Array): WavInfo | null {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Pick<WavInfo, 'sampleRate' | 'channels' | 'bitsPerSample'> | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      if (view.getUint16(body, true) !== 1) return null; // PCM only
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (format === null || format.channels === 0 || format.sampleRate === 0 || format.bitsPerSample % 8 !== 0) return null;
      const frameBytes = format.channels * (format.bitsPerSample / 8);
      const available = bytes.length - body;
      const dataBytes = Math.floor(Math.min(size, available) / frameBytes) * frameBytes;
      return { ...format, dataOffset: body, dataBytes, durationMs: Math.round((dataBytes / frameBytes / format.sampleRate) * 1000) };
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  return null;
}

/** `bytes` cut to its samples, with the RIFF and data sizes it really has. */
export function withTrueSizes(bytes: Uint8Array, info: WavInfo): Uint8Array {
  const wav = bytes.slice(0, info.dataOffset + info.dataBytes);
  const view = new DataView(wav.buffer);
  view.setUint32(4, wav.length - 8, true);
  view.setUint32(info.dataOffset - 4, info.dataBytes, true);
  return wav;
}
