/** `npm run kiosk:web` as a process: enrols itself, prints one line, refuses bad arguments and refused codes. */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKioskConfig } from '../../electron/core/config/configFile';
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { createLogger } from '../../electron/core/logger';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { runTypeScript } from '../support/processes';

const projectRoot = resolve(import.meta.dirname, '../..');
const entry = ['electron/web/main.ts'];

let workDir: string;
let rendererDir: string;
let central: RunningCentralServer;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-webmain-'));
  rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  central = await startCentralServer({ demo: true, dbFile: join(workDir, 'central.sqlite') });
});

afterAll(async () => {
  await central?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...runTypeScript, ...entry, ...args], { cwd: projectRoot }, (error, stdout, stderr) =>
      done({ exitCode: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('kiosk:web', () => {
  it('enrolls, prints exactly one line with its URL, serves the page, and exits cleanly on SIGTERM', async () => {
    const dataDir = join(workDir, 'kiosk-ok');
    const child = spawn(
      process.execPath,
      [...runTypeScript, ...entry, '--port', '0', '--central', central.url, '--data-dir', dataDir, '--enrollment-code', DEMO_ENROLLMENT_CODE, '--renderer-dir', rendererDir],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', () => stdout.includes('\n') && ready());
      void exited.then((code) => fail(new Error(`exited with ${code} before listening`)));
    });

    expect(stdout).toMatch(/^kiosk listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = stdout.trim().replace('kiosk listening on ', '');
    expect((await fetch(url)).status).toBe(200);
    const saved = loadKioskConfig({ dataDir, secretBox: plainSecretBox, logger: createLogger({ level: 'silent' }) });
    expect(saved).toMatchObject({ kind: 'ok', config: { centralUrl: central.url } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('exits 1 with a one-line reason when the enrollment code is refused', async () => {
    const result = await run(['--port', '0', '--central', central.url, '--data-dir', join(workDir, 'kiosk-refused'), '--enrollment-code', 'WRONG-CODE-1', '--renderer-dir', rendererDir]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('ENROLLMENT_REFUSED')]);
  });

  it('exits 1 when it is not enrolled and has no code', async () => {
    const result = await run(['--port', '0', '--central', central.url, '--data-dir', join(workDir, 'kiosk-none'), '--renderer-dir', rendererDir]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('NOT_ENROLLED');
  });

  it.each([
    [['--central', 'http://127.0.0.1:1', '--data-dir', 'x']],
    [['--port', 'eighty', '--central', 'http://127.0.0.1:1', '--data-dir', 'x']],
    [['--port', '0', '--central', 'not-a-url', '--data-dir', 'x']],
    [['--port', '0', '--central', 'http://127.0.0.1:1']],
    [['--port', '0', '--central', 'http://127.0.0.1:1', '--data-dir', 'x', '--idle-timeout', '0']],
    [['--port', '0', '--central', 'http://127.0.0.1:1', '--data-dir', 'x', '--verbose']],
  ])('exits 2 with one line for bad arguments %j', async (args) => {
    const result = await run(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^kiosk:web: /);
  });
});
