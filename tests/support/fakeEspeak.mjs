#!/usr/bin/env node
// A stand-in for eSpeak NG in tests: reads its text from stdin, records its arguments and input where
// FAKE_ESPEAK_RECORD says, and behaves as FAKE_ESPEAK_MODE says: `wav` (default: a 440 Hz tone, 60 ms a character,
// with the streamed header's oversized lengths, as espeak-ng --stdout writes it), `crash` (exit 1 after half a
// header), `hang` (never answers), `huge` (writes far past any limit), `garbage` (exit 0, not a WAV).
/* global process, Buffer, setInterval */
import { appendFileSync } from 'node:fs';

const mode = process.env.FAKE_ESPEAK_MODE ?? 'wav';
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const text = Buffer.concat(chunks).toString('utf8');
  if (process.env.FAKE_ESPEAK_RECORD) appendFileSync(process.env.FAKE_ESPEAK_RECORD, `${JSON.stringify({ args: process.argv.slice(2), text })}\n`);
  if (mode === 'hang') return void setInterval(() => undefined, 1000);
  if (mode === 'garbage') return void process.stdout.write('not a wave file');
  const sampleRate = 22050;
  const samples = mode === 'huge' ? sampleRate * 600 : Math.round((text.length * 60 * sampleRate) / 1000);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(0x7ffff024, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(0x7ffff000, 40);
  if (mode === 'crash') {
    process.stdout.write(header.subarray(0, 20), () => process.exit(1));
    return;
  }
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 2);
  process.stdout.write(Buffer.concat([header, pcm]));
});
