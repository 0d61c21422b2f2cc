/** `npm run -s cli -- lookup` as a technician runs it: a real process against the real reference central server. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierView } from '../../shared/contract/kiosk';
import { maskPersonName } from '../../shared/privacy/maskName';
import { ensureEnrolled } from '../../electron/core/enrollment';
import { buildDemoDossiers } from '../../server/demoData';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { runTypeScript } from '../support/processes';

const projectRoot = resolve(import.meta.dirname, '../..');

interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...runTypeScript, 'electron/cli/main.ts', ...args],
      { cwd: projectRoot, env: { ...process.env, HCC_KIOSK_TOKEN: '', ...env } },
      (error, stdout, stderr) => done({ exitCode: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

let workDir: string;
let central: RunningCentralServer;
let token: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-cli-'));
  central = await startCentralServer({ demo: true, dbFile: join(workDir, 'central.sqlite') });
  ({ token } = await ensureEnrolled({ dataDir: workDir, centralUrl: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'cli-test' }));
});

afterAll(async () => {
  await central?.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

describe('cli lookup', () => {
  it('prints the dossier view as the kiosk shows it, with the name masked, and exits 0', async () => {
    const code = demoDossierCode('awaiting_supplement');
    const applicantName = buildDemoDossiers(new Date()).find((dossier) => dossier.code === code)?.applicantName ?? '';

    const run = await cli(['lookup', code, '--central', central.url, '--token', token, '--json']);

    expect(run.exitCode).toBe(0);
    const view = DossierView.parse(JSON.parse(run.stdout));
    expect(view).toMatchObject({ code, status: 'awaiting_supplement', applicantNameMasked: maskPersonName(applicantName) });
    expect(run.stdout).not.toContain(applicantName);
  });

  it(`takes the token from HCC_KIOSK_TOKEN when --token is absent`, async () => {
    const run = await cli(['lookup', demoDossierCode('processing'), '--central', central.url, '--json'], { HCC_KIOSK_TOKEN: token });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ code: demoDossierCode('processing') });
  });

  it('prints a readable summary without --json', async () => {
    const run = await cli(['lookup', demoDossierCode('processing'), '--central', central.url, '--token', token]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Status\s+processing/m);
  });

  it('prints the NOT_FOUND error as JSON and exits 3 for an unknown code', async () => {
    const run = await cli(['lookup', '000.00.06.H56-991231-9999', '--central', central.url, '--token', token, '--json']);
    expect(run.exitCode).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('prints INVALID_CODE with the reason and exits 2 for text that is not a code', async () => {
    const run = await cli(['lookup', 'ab', '--central', central.url, '--token', token, '--json']);
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'INVALID_CODE', message: expect.any(String), reason: 'TOO_SHORT' } });
  });

  it('exits 5 with NOT_ENROLLED when the server refuses the token', async () => {
    const run = await cli(['lookup', demoDossierCode('processing'), '--central', central.url, '--token', 'not-a-real-token-000000', '--json']);
    expect(run.exitCode).toBe(5);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'NOT_ENROLLED' } });
  });
});

describe('cli usage', () => {
  it('lists the commands with --help', async () => {
    const run = await cli(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^ {2}lookup <code> --central <url>/m);
  });

  it('exits 2 with the reason on stderr for an unknown command, a missing code or a bad URL', async () => {
    for (const args of [['decrypt'], ['lookup', '--central', central.url], ['lookup', 'X-1', '--central', 'ftp://x'], ['lookup', 'X-1', '--bogus']]) {
      const run = await cli(args);
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^cli/);
    }
  });
});

// Last: stops the central server the other tests use.
describe('cli with the central server down', () => {
  it('prints UNAVAILABLE and exits 4', async () => {
    await central.close();
    const run = await cli(['lookup', demoDossierCode('processing'), '--central', central.url, '--token', token, '--json']);
    expect(run.exitCode).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  });
});
