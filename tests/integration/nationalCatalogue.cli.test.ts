/**
 * A real province's catalogue from a file, end to end: `npm run central -- --catalogue <file>` reads the national
 * catalogue record by record (with an oversize procedure and one under a field nobody published added), reports
 * what it refused and why, serves the rest; `cli sync` fetches it all into a kiosk's cache and `cli search` finds
 * procedures in it. Also the admin bulk import of the same kind of file.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogueImportReport, cataloguePaths } from '../../shared/api/catalogue';
import { startCentralServer } from '../../server/centralServer';
import { NATIONAL_CATALOGUE_FILE } from '../../server/catalogueDemo';
import { enrollWithIssuedCode } from '../support/api';
import { runCentralCli } from '../support/centralCli';
import { makeTempDir, projectRoot } from '../support/processes';

interface NationalFile {
  procedures: Record<string, unknown>[];
  agencies: unknown[];
  fields: unknown[];
}
const national = JSON.parse(gunzipSync(readFileSync(NATIONAL_CATALOGUE_FILE)).toString('utf8')) as NationalFile;
const birth = national.procedures.find((procedure) => procedure.id === 'tthc-1.001193') as Record<string, unknown>;
/** A procedure whose one step is 30,000 characters, past the 25,000 the schema takes. */
const oversize = { ...birth, id: 'tthc-9.999991', code: '9.999991', steps: ['Bước 1: '.padEnd(30_000, 'x')] };
/** A procedure under a field the file does not hold. */
const orphan = { ...birth, id: 'tthc-9.999992', code: '9.999992', field: 'linh-vuc-khong-co' };

const dir = makeTempDir('national-catalogue');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'catalogue.json');
writeFileSync(file, JSON.stringify({ ...national, procedures: [...national.procedures, oversize, orphan] }));

function cli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', ...args],
      { cwd: projectRoot, env: { ...process.env, HCC_KIOSK_TOKEN: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ exitCode: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run central -- --catalogue <file>, then cli sync and cli search', () => {
  it('serves every valid record of the file, reports each refused one with why, and a kiosk syncs and searches the rest', async () => {
    const central = runCentralCli(['--port', '0', '--admin-token', 'national-catalogue-admin-0123', '--catalogue', file]);
    const url = await central.listening;
    expect(central.stderr()).toContain(
      `catalogue ${file}: ${national.procedures.length} procedures, ${national.agencies.length} agencies, ${national.fields.length} fields, 0 locations, 0 everyday names accepted; 2 records refused:`,
    );
    expect(central.stderr()).toMatch(/^ {2}refused procedure tthc-9\.999991: is not a valid record at steps\.0: Too big: expected string to have <=25000 characters$/m);
    expect(central.stderr()).toContain('  refused procedure tthc-9.999992: names field linh-vuc-khong-co, which the catalogue does not hold');

    const dataDir = join(dir, 'kiosk');
    const token = await enrollWithIssuedCode(url, 'national-catalogue-admin-0123', 'national-catalogue-kiosk');
    const sync = await cli(['sync', '--central', url, '--token', token, '--data-dir', dataDir]);
    expect(sync.exitCode).toBe(0);
    expect(sync.stdout).toContain(`${national.procedures.length} procedures, ${national.agencies.length} agencies, ${national.fields.length} fields`);

    const search = await cli(['search', 'đăng ký khai sinh', '--data-dir', dataDir, '--limit', '3', '--json']);
    expect(search.exitCode).toBe(0);
    const found = JSON.parse(search.stdout) as { id: string; levels: string[] }[];
    expect(found[0]).toMatchObject({ id: 'tthc-1.001193' });
    // A procedure done at both levels keeps both.
    const twoLevels = national.procedures.find((procedure) => (procedure.levels as string[]).length === 2) as { code: string; levels: string[] };
    const byCode = await cli(['search', twoLevels.code, '--data-dir', dataDir, '--json']);
    expect(JSON.parse(byCode.stdout)).toMatchObject([{ levels: twoLevels.levels }]);
  });

  it('refuses a file that is not a catalogue with one line on stderr and exit status 2', async () => {
    const notCatalogue = join(dir, 'not-a-catalogue.json');
    writeFileSync(notCatalogue, JSON.stringify({ agencies: [] }));
    const central = runCentralCli(['--port', '0', '--catalogue', notCatalogue]);
    expect(await central.exited).toBe(2);
    expect(central.stderr().trimEnd().split('\n')).toEqual([expect.stringContaining(`central: --catalogue ${notCatalogue}: not a catalogue file`)]);
    const missing = runCentralCli(['--port', '0', '--catalogue', join(dir, 'absent.json')]);
    expect(await missing.exited).toBe(2);
    expect(missing.stderr()).toContain('no such file');
  });
});

describe('POST /api/v1/admin/catalogue/import', () => {
  it('publishes the valid records of a catalogue file, reports the refused ones, and writes only what changed', async () => {
    const server = await startCentralServer();
    try {
      const post = async (body: unknown) => {
        const response = await fetch(server.url + cataloguePaths.adminImport, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(200);
        return CatalogueImportReport.parse(await response.json());
      };
      const first = await post({ ...national, procedures: [...national.procedures, oversize] });
      expect(first.accepted).toEqual({ agencies: national.agencies.length, fields: national.fields.length, procedures: national.procedures.length, locations: 0, everydayNames: 0 });
      expect(first.written).toBe(national.agencies.length + national.fields.length + national.procedures.length);
      expect(first.refused).toEqual([{ type: 'procedure', id: 'tthc-9.999991', reason: expect.stringContaining('steps.0') }]);

      // Procedures alone, under the agencies and fields already published; one renamed, one everyday name added.
      const renamed = { ...birth, name: 'Đăng ký khai sinh (đổi tên thử)' };
      const second = await post({
        procedures: [renamed, national.procedures[1]],
        everydayNames: [{ id: 'so-do', phrase: 'sổ đỏ', means: ['giấy chứng nhận quyền sử dụng đất'] }],
      });
      expect(second).toMatchObject({ written: 2, unchanged: 1, refused: [] });
    } finally {
      await server.close();
    }
  });

  it('answers 401 without the admin token and 400 for a body that is not a catalogue file', async () => {
    const server = await startCentralServer();
    try {
      const anonymous = await fetch(server.url + cataloguePaths.adminImport, { method: 'POST', body: '{}' });
      expect(anonymous.status).toBe(401);
      const bad = await fetch(server.url + cataloguePaths.adminImport, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ agencies: [] }),
      });
      expect(bad.status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
