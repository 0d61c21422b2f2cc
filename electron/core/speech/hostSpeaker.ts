/**
 * The host's own voice where the platform has none (Chromium on Linux lists no voices): eSpeak NG, run as a separate
 * program for each utterance (it is GPL-3.0: never linked or bundled, found on PATH or where configured;
 * docs/DEPLOYMENT.md). Spawned with an argument array and no shell, the text on its stdin; its WAV comes back on
 * stdout. One utterance at a time: a new one kills the one being made. Bounded in time and in output size. The
 * log never carries the text (a screen's summary could one day quote personal data): only the outcome.
 */
import { spawn } from 'node:child_process';
import { win32 } from 'node:path';
import { MAX_SPEECH_WAV_BYTES, type SpeechLanguage, type SpeechReply, type SpeechRequest } from '../../../shared/contract/speech';
import { parseWav, withTrueSizes } from '../../../shared/speech/wav';
import type { Logger } from '../logger';
import { espeakInput } from './espeakInput';

/** Where a technician points the kiosk at an eSpeak NG that is not on PATH (docs/DEPLOYMENT.md). */
export const ESPEAK_PROGRAM_ENV = 'HCC_KIOSK_ESPEAK_NG';

/** A status summary takes eSpeak NG well under a tenth of a second; past this it is stuck. */
export const DEFAULT_SPEECH_TIMEOUT_MS = 5_000;

/** eSpeak NG's voice per kiosk language. */
const voices: Record<SpeechLanguage, string> = { vi: 'vi', en: 'en-gb' };

/** Words per minute: slower than eSpeak NG's 175, for older citizens in a noisy lobby. */
const WORDS_PER_MINUTE = 150;

export function espeakArgs(language: SpeechLanguage, ssml = false): string[] {
  // -b 1: the text is UTF-8; -m: it is SSML (espeakInput.ts); --stdin: all of it at once (not line by line);
  // --stdout: the WAV, not the sound card.
  return ['-v', voices[language], '-s', String(WORDS_PER_MINUTE), '-b', '1', ...(ssml ? ['-m'] : []), '--stdin', '--stdout'];
}

/**
 * The program to run: the configured path, else (Windows) eSpeak NG's installer's default folder when it is
 * there, else `espeak-ng` on PATH (Debian's package, which the .deb depends on).
 */
export function espeakProgram(env: Record<string, string | undefined>, platform: NodeJS.Platform, exists: (path: string) => boolean): string {
  const configured = env[ESPEAK_PROGRAM_ENV]?.trim();
  if (configured) return configured;
  if (platform === 'win32') {
    const installed = win32.join(env.ProgramFiles ?? 'C:\\Program Files', 'eSpeak NG', 'espeak-ng.exe');
    if (exists(installed)) return installed;
  }
  return 'espeak-ng';
}

export interface HostSpeakerOptions {
  /** eSpeak NG: a path, or a name looked up on PATH. */
  program: string;
  /** Arguments before eSpeak NG's own (tests run a fake program as `node fake.js`). */
  programArgs?: readonly string[];
  timeoutMs?: number;
  maxWavBytes?: number;
  logger: Logger;
}

export interface HostSpeaker {
  /** The program it runs, for technician diagnostics. */
  readonly program: string;
  synthesize(request: SpeechRequest): Promise<SpeechReply>;
  /** Whether the program runs here (`--version` answers), for technician diagnostics. */
  probe(): Promise<boolean>;
  /** Stops the utterance being made, if any (it answers `cancelled`). */
  cancel(): void;
}

export function createHostSpeaker({ program, programArgs = [], timeoutMs = DEFAULT_SPEECH_TIMEOUT_MS, maxWavBytes = MAX_SPEECH_WAV_BYTES, logger }: HostSpeakerOptions): HostSpeaker {
  let current: ((reply: SpeechReply) => void) | null = null;
  const cancel = () => current?.({ ok: false, reason: 'cancelled' });

  return {
    program,
    cancel,
    probe: () =>
      new Promise<boolean>((resolve) => {
        const child = spawn(program, [...programArgs, '--version'], { stdio: 'ignore', shell: false, windowsHide: true });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', () => resolve(false));
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve(code === 0);
        });
      }),
    synthesize({ text, language }) {
      cancel();
      return new Promise<SpeechReply>((resolve) => {
        const startedAt = performance.now();
        const { input, ssml } = espeakInput(text, language);
        const child = spawn(program, [...programArgs, ...espeakArgs(language, ssml)], { stdio: ['pipe', 'pipe', 'ignore'], shell: false, windowsHide: true });
        const chunks: Buffer[] = [];
        let received = 0;
        let settled = false;
        const finish = (reply: SpeechReply) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (current === finish) current = null;
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          const ms = Math.round(performance.now() - startedAt);
          if (reply.ok) logger.debug({ event: 'speech.synthesized', language, ms, audioMs: reply.durationMs }, 'speech synthesized');
          else if (reply.reason !== 'cancelled') logger.warn({ event: 'speech.failed', language, reason: reply.reason, ms }, 'speech synthesis failed');
          resolve(reply);
        };
        current = finish;
        const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
        child.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: error.code === 'ENOENT' || error.code === 'EACCES' ? 'missing' : 'failed' }));
        child.stdout.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxWavBytes) finish({ ok: false, reason: 'too_long' });
          else chunks.push(chunk);
        });
        child.on('close', (code) => {
          if (code !== 0) return finish({ ok: false, reason: 'failed' });
          const bytes = Buffer.concat(chunks);
          const info = parseWav(bytes);
          if (info === null || info.dataBytes === 0) return finish({ ok: false, reason: 'failed' });
          finish({ ok: true, wavBase64: Buffer.from(withTrueSizes(bytes, info)).toString('base64'), durationMs: info.durationMs });
        });
        // A program that dies before reading its input makes the write fail (EPIPE): its exit says what happened.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input, 'utf8');
      });
    },
  };
}
