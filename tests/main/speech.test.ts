// Voice guidance through the Electron host: the renderer's window.kiosk.speech.synthesize, over IPC, to the kiosk
// core's speaker, which runs the program HCC_KIOSK_ESPEAK_NG names (here the fake eSpeak NG) and answers its WAV.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKioskCore, type KioskCore } from '../../electron/core/kioskCore';
import { createRedactor } from '../../electron/core/logger';
import { ESPEAK_PROGRAM_ENV } from '../../electron/core/speech/hostSpeaker';
import { registerInvokeHandlers } from '../../electron/main/ipc';
import { MAX_SPOKEN_TEXT_CHARS } from '../../shared/contract/speech';
import type { KioskApi } from '../../shared/contract/kiosk';
import { makeTempDir } from '../support/processes';
import { wavLoudness } from '../support/wavSamples';
import { contextBridge, ipcMain, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';
import { testTechnicianPorts } from './technicianFakes';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

const fakeProgram = fileURLToPath(new URL('../support/fakeEspeak.mjs', import.meta.url));
let kiosk: KioskApi;
let core: KioskCore;
let record: string;
const log = memoryLogger();

beforeAll(async () => {
  resetFakeElectron();
  const dataDir = makeTempDir('main-speech');
  record = join(dataDir, 'espeak-calls.jsonl');
  process.env[ESPEAK_PROGRAM_ENV] = fakeProgram;
  process.env.FAKE_ESPEAK_RECORD = record;
  core = createKioskCore({
    // Never called: speech needs no central server.
    centralUrl: 'http://127.0.0.1:9',
    token: 'token',
    host: 'electron',
    demo: false,
    idleTimeoutSeconds: 60,
    version: '0.0.0',
    logger: log.logger,
    redactor: createRedactor('test-secret'),
    outboxDbPath: ':memory:',
    kioskId: 'kiosk-1',
    catalogueDbPath: join(dataDir, 'catalogue.db'),
    technician: testTechnicianPorts(dataDir, log.logger),
  });
  registerInvokeHandlers({ ipcMain, handlers: core.handlers, appOrigin: 'app://kiosk', logger: log.logger });
  await import('../../electron/preload/index');
  kiosk = contextBridge.exposed.get('kiosk') as KioskApi;
});

afterAll(async () => {
  delete process.env[ESPEAK_PROGRAM_ENV];
  delete process.env.FAKE_ESPEAK_RECORD;
  await core.feedback.close();
  await core.catalogue.close();
});

describe('speech through the Electron host', () => {
  it('answers the configured program’s WAV to the renderer, the text having gone to its stdin', async () => {
    const text = 'Tình trạng hồ sơ: đang giải quyết.';
    const reply = await kiosk.speech.synthesize({ text, language: 'vi' });
    if (!reply.ok) throw new Error(`no audio: ${reply.reason}`);
    expect(wavLoudness(Buffer.from(reply.wavBase64, 'base64'))).toMatchObject({ sampleRate: 22050, durationMs: reply.durationMs });
    expect(readFileSync(record, 'utf8')).toContain(JSON.stringify(text));
  });

  it('refuses a text past the contract’s limit before any program runs, as a failed utterance', async () => {
    const before = readFileSync(record, 'utf8');
    await expect(kiosk.speech.synthesize({ text: 'a'.repeat(MAX_SPOKEN_TEXT_CHARS + 1), language: 'vi' })).resolves.toEqual({ ok: false, reason: 'failed' });
    expect(readFileSync(record, 'utf8')).toBe(before);
  });

  it('keeps the spoken text out of the log', () => {
    expect(log.text()).not.toContain('đang giải quyết');
  });
});
