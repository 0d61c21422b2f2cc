/**
 * Starts the project's real programs as child processes for end-to-end tests and benchmarks: the reference central
 * server (`npm run central`), the kiosk web host (`npm run kiosk:web`) and Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const projectRoot = resolve(import.meta.dirname, '../..');
/**
 * Node arguments that run a TypeScript entry point in this one process (tsx as a loader), so that a signal sent to
 * the child reaches the program itself rather than a wrapper that relays it.
 */
export const runTypeScript = ['--import', 'tsx'] as const;

export interface RunningProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point and resolves once it prints the line `<what> listening on <url>`. */
async function startListening(entry: string, args: string[], what: string, timeoutMs = 30_000): Promise<RunningProcess> {
  const child = spawn(process.execPath, [...runTypeScript, entry, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolveUrl, reject) => {
    const pattern = new RegExp(`^${what} listening on (http://127\\.0\\.0\\.1:\\d+)\\s*$`, 'm');
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${what} to listen`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.join('')}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = pattern.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => fail(new Error(`${what} exited with code ${code} before listening`)));
  });
  return { url, port: Number(new URL(url).port), stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL after 5 s: resolves once the child has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hcc-${prefix}-`));
}

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * `npm run central -- --demo`: the e2e stands and benchmarks look up the demo dossiers and enroll with the demo code.
 * `rateLimits: false` for benchmarks that scan one kiosk far faster than a citizen would; `catalogue`: a catalogue
 * file the server serves instead of the sample (`--catalogue`).
 */
export function startCentral(opts: { port?: number; dbFile: string; updatesDir?: string; rateLimits?: boolean; catalogue?: string }): Promise<RunningProcess> {
  const args = ['--port', String(opts.port ?? 0), '--demo', '--db', opts.dbFile, '--admin-token', TEST_ADMIN_TOKEN];
  if (opts.rateLimits === false) args.push('--no-rate-limits');
  if (opts.updatesDir !== undefined) args.push('--updates-dir', opts.updatesDir);
  if (opts.catalogue !== undefined) args.push('--catalogue', opts.catalogue);
  return startListening('server/main.ts', args, 'central');
}

/** Without `central` and `enrollmentCode`, the kiosk starts unprovisioned: the setup wizard (or its stored config). */
export function startWebHost(opts: {
  central?: string;
  dataDir: string;
  enrollmentCode?: string;
  port?: number;
  idleTimeoutSeconds?: number;
  scannerMode?: 'wedge' | 'camera' | 'both';
}): Promise<RunningProcess> {
  const args = ['--port', String(opts.port ?? 0), '--data-dir', opts.dataDir];
  if (opts.central !== undefined) args.push('--central', opts.central);
  if (opts.enrollmentCode !== undefined) args.push('--enrollment-code', opts.enrollmentCode);
  if (opts.idleTimeoutSeconds !== undefined) args.push('--idle-timeout', String(opts.idleTimeoutSeconds));
  if (opts.scannerMode !== undefined) args.push('--scanner-mode', opts.scannerMode);
  return startListening('electron/web/main.ts', args, 'kiosk');
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s chromium package or set CHROMIUM_PATH');
  return found;
}

/** Flags that keep Chromium off the network on these machines (see shared/research/toolchain.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's camera replaced by a video file (.y4m, looped), and the camera permission granted without a prompt. */
export function fakeCameraArgs(y4mFile: string): string[] {
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mFile}`, '--use-fake-ui-for-media-stream'];
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs, ...extraArgs] });
}
