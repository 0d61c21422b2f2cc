/** `npm run -s cli -- sync | search | catalogue-info` as a technician runs them, against the real reference server. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/catalogue/migrations';
import { ensureEnrolled } from '../../electron/core/enrollment';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { loadSampleCatalogue } from '../../server/catalogueSample';

const projectRoot = resolve(import.meta.dirname, '../..');
const sample = loadSampleCatalogue();

function cli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: projectRoot, env: { ...process.env, HCC_KIOSK_TOKEN: '' } }, (error, stdout, stderr) =>
      done({ exitCode: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

let workDir: string;
let dataDir: string;
let central: RunningCentralServer;
let token: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-catalogue-cli-'));
  dataDir = join(workDir, 'kiosk');
  central = await startCentralServer({ demo: true, dbFile: join(workDir, 'central.sqlite') });
  ({ token } = await ensureEnrolled({ dataDir: workDir, centralUrl: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'catalogue-cli' }));
});
afterAll(async () => {
  await central?.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

describe('cli catalogue commands', () => {
  it('search and catalogue-info refuse a data directory without a catalogue, exit 2', async () => {
    const run = await cli(['search', 'khai sinh', '--data-dir', dataDir, '--json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`no catalogue in ${dataDir} (run sync first)`);
  });

  it('sync fetches the catalogue, with progress on stderr and a summary line on stdout', async () => {
    const run = await cli(['sync', '--central', central.url, '--token', token, '--data-dir', dataDir]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^sync: page 1, \d+ changes$/m);
    expect(run.stdout.trim()).toMatch(
      new RegExp(`^full sync: \\d+ changes in 1 pages; ${sample.procedures.length} procedures, ${sample.agencies.length} agencies, ${sample.fields.length} fields, ${sample.locations.length} locations; cursor s\\d+$`),
    );
  });

  it('search prints the best matches first as JSON', async () => {
    const run = await cli(['search', 'DANG KY KHAI SINH', '--data-dir', dataDir, '--limit', '3', '--json']);
    expect(run.exitCode).toBe(0);
    const items = JSON.parse(run.stdout) as { id: string; code: string; name: string; level: string; score: number }[];
    expect(items).toHaveLength(3);
    expect(items).toContainEqual({ id: 'tthc-1.001193', code: '1.001193', name: 'Thủ tục đăng ký khai sinh', level: 'xa', score: expect.any(Number) });
    expect(items.map((item) => item.score)).toEqual([...items.map((item) => item.score)].sort((a, b) => b - a));
  });

  it('catalogue-info shows the schema version, cursor, last sync and counts', async () => {
    const run = await cli(['catalogue-info', '--data-dir', dataDir, '--json']);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      schemaVersion: LATEST_SCHEMA_VERSION,
      cursor: expect.stringMatching(/^s\d+$/),
      lastSyncAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      counts: { procedures: sample.procedures.length, agencies: sample.agencies.length, fields: sample.fields.length, locations: sample.locations.length },
    });
  });

  it('sync exits 4 with the reason when the server cannot be reached, keeping the catalogue', async () => {
    const run = await cli(['sync', '--central', 'http://127.0.0.1:9', '--token', token, '--data-dir', dataDir]);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('sync: failed (unavailable): Central server unreachable');
    const info = await cli(['catalogue-info', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(info.stdout)).toMatchObject({ counts: { procedures: sample.procedures.length } });
  });

  it('sync exits 5 when the server refuses the token', async () => {
    const run = await cli(['sync', '--central', central.url, '--token', 'not-a-token', '--data-dir', dataDir]);
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toContain('sync: failed (refused)');
  });
});
