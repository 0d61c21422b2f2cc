// The host's speaker: eSpeak NG as a separate program. First with a fake program that records what it was given and
// misbehaves on demand (timeouts, crashes, floods, a missing binary, a newer utterance), then with the real one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostSpeaker, espeakArgs, espeakProgram, ESPEAK_PROGRAM_ENV } from '../../electron/core/speech/hostSpeaker';
import type { SpeechReply } from '../../shared/contract/speech';
import { parseWav } from '../../shared/speech/wav';
import { memoryLogger } from '../main/memoryLogger';
import { realEspeakInstalled } from '../support/espeak';
import { makeTempDir } from '../support/processes';
import { wavLoudness } from '../support/wavSamples';

const fakeProgram = fileURLToPath(new URL('../support/fakeEspeak.mjs', import.meta.url));

function wavOf(reply: SpeechReply): Buffer {
  if (!reply.ok) throw new Error(`no audio: ${reply.reason}`);
  return Buffer.from(reply.wavBase64, 'base64');
}

describe('the host speaker with a fake eSpeak NG', () => {
  let record: string;
  let log: ReturnType<typeof memoryLogger>;
  const speaker = (options: { timeoutMs?: number; maxWavBytes?: number; program?: string } = {}) =>
    createHostSpeaker({ program: options.program ?? process.execPath, programArgs: options.program ? [] : [fakeProgram], logger: log.logger, ...options });
  const recorded = (): { args: string[]; text: string }[] =>
    existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { args: string[]; text: string }) : [];

  beforeEach(() => {
    record = join(makeTempDir('speaker'), 'calls.jsonl');
    process.env.FAKE_ESPEAK_RECORD = record;
    delete process.env.FAKE_ESPEAK_MODE;
    log = memoryLogger();
  });
  afterEach(() => {
    delete process.env.FAKE_ESPEAK_RECORD;
    delete process.env.FAKE_ESPEAK_MODE;
  });

  it('hands the text on stdin, never as an argument, with the language’s voice, and answers a WAV with its true sizes', async () => {
    const text = 'Tình trạng hồ sơ: đang giải quyết; $(rm -rf ~) `reboot` "quoted"';
    const reply = await speaker().synthesize({ text, language: 'vi' });
    const wav = wavOf(reply);
    expect(recorded()).toEqual([{ args: espeakArgs('vi'), text }]);
    expect(espeakArgs('vi')).toEqual(expect.arrayContaining(['-v', 'vi', '--stdin', '--stdout']));
    // The streamed header said ~2 GiB; the answer's header says what is there.
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const info = parseWav(wav)!;
    expect(info.dataOffset + info.dataBytes).toBe(wav.length);
    expect(reply).toMatchObject({ ok: true, durationMs: Math.round(text.length * 60) });
    expect(wavLoudness(wav).rms).toBeGreaterThan(0.1);
  });

  it('speaks English with an English voice, Vietnamese words in it marked in SSML for the Vietnamese voice', async () => {
    await speaker().synthesize({ text: 'Dossier status: processing.', language: 'en' });
    await speaker().synthesize({ text: 'Dossier status: Đang xử lý.', language: 'en' });
    expect(recorded()).toEqual([
      { args: espeakArgs('en'), text: 'Dossier status: processing.' },
      { args: espeakArgs('en', true), text: '<speak>Dossier status: <voice name="vi">Đang xử lý.</voice></speak>' },
    ]);
    expect(espeakArgs('en')).toEqual(expect.arrayContaining(['-v', 'en-gb']));
    expect(espeakArgs('en', true)).toContain('-m');
  });

  it('answers missing when the program is not installed', async () => {
    const reply = await speaker({ program: join(makeTempDir('speaker-missing'), 'espeak-ng') }).synthesize({ text: 'Xin chào', language: 'vi' });
    expect(reply).toEqual({ ok: false, reason: 'missing' });
    expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'speech.failed', reason: 'missing' }));
  });

  it('answers failed when the program crashes or writes something that is not a WAV', async () => {
    process.env.FAKE_ESPEAK_MODE = 'crash';
    await expect(speaker().synthesize({ text: 'Xin chào', language: 'vi' })).resolves.toEqual({ ok: false, reason: 'failed' });
    process.env.FAKE_ESPEAK_MODE = 'garbage';
    await expect(speaker().synthesize({ text: 'Xin chào', language: 'vi' })).resolves.toEqual({ ok: false, reason: 'failed' });
  });

  it('kills a program that does not answer in time', async () => {
    process.env.FAKE_ESPEAK_MODE = 'hang';
    await expect(speaker({ timeoutMs: 300 }).synthesize({ text: 'Xin chào', language: 'vi' })).resolves.toEqual({ ok: false, reason: 'timeout' });
  });

  it('stops reading a program whose output passes the size limit', async () => {
    process.env.FAKE_ESPEAK_MODE = 'huge';
    await expect(speaker({ maxWavBytes: 256 * 1024 }).synthesize({ text: 'Xin chào', language: 'vi' })).resolves.toEqual({ ok: false, reason: 'too_long' });
  });

  it('a new utterance cancels the one being made; cancel() stops the current one', async () => {
    process.env.FAKE_ESPEAK_MODE = 'hang';
    const host = speaker({ timeoutMs: 10_000 });
    const first = host.synthesize({ text: 'Trang chủ', language: 'vi' });
    const second = host.synthesize({ text: 'Tra cứu hồ sơ', language: 'vi' });
    await expect(first).resolves.toEqual({ ok: false, reason: 'cancelled' });
    host.cancel();
    await expect(second).resolves.toEqual({ ok: false, reason: 'cancelled' });
    delete process.env.FAKE_ESPEAK_MODE;
    await expect(host.synthesize({ text: 'Xin chào', language: 'vi' })).resolves.toMatchObject({ ok: true });
  });

  it('never logs the text it speaks', async () => {
    process.env.FAKE_ESPEAK_MODE = 'crash';
    await speaker().synthesize({ text: 'Nguyễn Văn An 079123456789', language: 'vi' });
    const logged = JSON.stringify(log.entries());
    expect(logged).toContain('speech.failed');
    expect(logged).not.toContain('Nguyễn');
    expect(logged).not.toContain('079123456789');
  });
});

describe('probing for eSpeak NG, for technician diagnostics', () => {
  it('answers whether the program runs', async () => {
    const logger = memoryLogger().logger;
    await expect(createHostSpeaker({ program: process.execPath, programArgs: [fakeProgram], logger }).probe()).resolves.toBe(true);
    await expect(createHostSpeaker({ program: join(makeTempDir('speaker-probe'), 'espeak-ng'), logger }).probe()).resolves.toBe(false);
    process.env.FAKE_ESPEAK_MODE = 'crash';
    try {
      await expect(createHostSpeaker({ program: process.execPath, programArgs: [fakeProgram], logger }).probe()).resolves.toBe(false);
    } finally {
      delete process.env.FAKE_ESPEAK_MODE;
    }
  });
});

describe('finding eSpeak NG', () => {
  it('takes the configured path, else on Windows the installer’s folder when it is there, else espeak-ng on PATH', () => {
    expect(espeakProgram({ [ESPEAK_PROGRAM_ENV]: '/opt/espeak/bin/espeak-ng' }, 'linux', () => false)).toBe('/opt/espeak/bin/espeak-ng');
    expect(espeakProgram({}, 'linux', () => true)).toBe('espeak-ng');
    expect(espeakProgram({ ProgramFiles: 'D:\\Apps' }, 'win32', (path) => path === 'D:\\Apps\\eSpeak NG\\espeak-ng.exe')).toBe('D:\\Apps\\eSpeak NG\\espeak-ng.exe');
    expect(espeakProgram({}, 'win32', () => false)).toBe('espeak-ng');
  });
});

describe.skipIf(!realEspeakInstalled())('the host speaker with the real eSpeak NG', () => {
  const host = createHostSpeaker({ program: 'espeak-ng', logger: memoryLogger().logger });

  it('reads a Vietnamese status summary as a non-silent WAV of a plausible length', async () => {
    const text = 'Tình trạng hồ sơ: đang giải quyết. Ngày hẹn trả kết quả: mười bốn giờ ba mươi phút ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu.';
    const reply = await host.synthesize({ text, language: 'vi' });
    const wav = wavOf(reply);
    const { rms, durationMs, sampleRate } = wavLoudness(wav);
    expect(sampleRate).toBe(22050);
    // 36 syllables at 150 words a minute: about 14 s; a voice that skipped the words, or stuttered, is far off.
    expect(durationMs).toBeGreaterThan(6_000);
    expect(durationMs).toBeLessThan(30_000);
    expect(rms).toBeGreaterThan(0.02);
    expect(reply).toMatchObject({ durationMs });
  });

  it('reads the Vietnamese data an English summary quotes as Vietnamese, not letter by letter', async () => {
    const text = 'Dossier status: Chờ bổ sung hồ sơ. Please bring the documents to Quầy số five, Trung tâm Phục vụ hành chính công tỉnh.';
    const { durationMs } = wavLoudness(wavOf(await host.synthesize({ text, language: 'en' })));
    // About 9 s read so; spelt out by the English voice, about 20.
    expect(durationMs).toBeLessThan(14_000);
  });

  it('reads English too', async () => {
    const { rms, durationMs } = wavLoudness(wavOf(await host.synthesize({ text: 'Dossier status: processing.', language: 'en' })));
    expect(durationMs).toBeGreaterThan(800);
    expect(rms).toBeGreaterThan(0.02);
  });
});
