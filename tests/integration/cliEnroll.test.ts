/** `npm run -s cli -- enroll` as a technician runs it for mass roll-out: a real process against the real reference server. */
import { execFile } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configPath, loadKioskConfig } from '../../electron/core/config/configFile';
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { createLogger } from '../../electron/core/logger';
import { apiPaths, EnrollmentCodeIssued } from '../../shared/api/gateway';
import { startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import { apiCaller } from '../support/api';
import { makeTempDir, runTypeScript } from '../support/processes';

const projectRoot = resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = 'cli-enroll-admin-token-0123456789';
const locationId = loadSampleCatalogue().locations[0]!.id;

function cli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...runTypeScript, 'electron/cli/main.ts', ...args], { cwd: projectRoot }, (error, stdout, stderr) =>
      done({ exitCode: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

let workDir: string;
let central: RunningCentralServer;

beforeAll(async () => {
  workDir = makeTempDir('cli-enroll');
  central = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN });
});

afterAll(async () => {
  await central?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function oneTimeCode(): Promise<string> {
  const response = await apiCaller(central.url)(apiPaths.adminEnrollmentCodes, { method: 'POST', token: ADMIN_TOKEN, json: {} });
  return EnrollmentCodeIssued.parse(await response.json()).enrollmentCode;
}

const load = (dataDir: string) => loadKioskConfig({ dataDir, secretBox: plainSecretBox, logger: createLogger({ level: 'silent' }) });

describe('cli enroll', () => {
  it('does not spend a one-time code on a location the server does not have, then enrolls with it', async () => {
    const dataDir = join(workDir, 'kiosk-1');
    const code = await oneTimeCode();
    const unknown = await cli(['enroll', '--central', central.url, '--code', code, '--location', 'no-such-place', '--data-dir', dataDir]);
    expect(unknown.exitCode).toBe(3);
    expect(unknown.stderr).toContain('UNKNOWN_LOCATION');

    const done = await cli(['enroll', '--central', central.url, '--code', code, '--location', locationId, '--data-dir', dataDir, '--name', 'Quầy 7', '--json']);
    expect(done.exitCode).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ kioskName: 'Quầy 7', locationId, centralUrl: central.url, configFile: configPath(dataDir) });
    expect(statSync(configPath(dataDir)).mode & 0o777).toBe(0o600);
    // The file the kiosk starts with: enrolled, placed, default settings, no PIN yet.
    expect(load(dataDir)).toMatchObject({ kind: 'ok', config: { kioskName: 'Quầy 7', locationId, idleTimeoutSeconds: 60, technicianPinHash: null } });
  });

  it('exits 5 when the code is refused and 4 when the server is down, writing nothing', async () => {
    const dataDir = join(workDir, 'kiosk-2');
    const refused = await cli(['enroll', '--central', central.url, '--code', 'USED-OR-WRONG', '--location', locationId, '--data-dir', dataDir]);
    expect(refused.exitCode).toBe(5);
    expect(refused.stderr.trim()).toMatch(/^enroll: ENROLLMENT_REFUSED: /);
    const down = await cli(['enroll', '--central', 'http://127.0.0.1:9', '--code', 'ABCD', '--location', locationId, '--data-dir', dataDir]);
    expect(down.exitCode).toBe(4);
    expect(load(dataDir)).toEqual({ kind: 'missing' });
  });

  it.each([
    [['enroll', '--code', 'ABCD', '--location', 'x', '--data-dir', 'd'], '--central'],
    [['enroll', '--central', 'http://127.0.0.1:9', '--location', 'x', '--data-dir', 'd'], '--code'],
    [['enroll', '--central', 'http://127.0.0.1:9', '--code', 'ABCD', '--data-dir', 'd'], '--location'],
    [['enroll', '--central', 'http://127.0.0.1:9', '--code', 'ABCD', '--location', 'x'], '--data-dir'],
  ])('exits 2 naming the missing option for %j', async (args, option) => {
    const result = await cli(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(option);
  });
});
