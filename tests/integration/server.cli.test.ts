// `npm run central` as a process: what it prints, how it fails on bad arguments, how it stops, what it keeps.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CatalogueChangesPage, cataloguePaths } from '../../shared/api/catalogue';
import { apiPaths, Dossier, EnrollmentCodeIssued, EnrollResponse } from '../../shared/api/gateway';
import { DEMO_ENROLLMENT_CODE, demoDossierCode } from '../../server/centralServer';
import { runCentralCli } from '../support/centralCli';
import { makeTempDir } from '../support/processes';

const ADMIN_TOKEN = 'cli-test-admin-token-0123456789';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

const enroll = (url: string, enrollmentCode: string, hardwareId: string) =>
  fetch(url + apiPaths.enroll, { method: 'POST', body: JSON.stringify({ enrollmentCode, hardwareId }) });

async function issueCode(url: string): Promise<string> {
  const issued = await fetch(url + apiPaths.adminEnrollmentCodes, { method: 'POST', headers: admin, body: '{}' });
  expect(issued.status).toBe(201);
  return EnrollmentCodeIssued.parse(await issued.json()).enrollmentCode;
}

describe('npm run central', () => {
  it('says how to issue the first enrolment code, then `central listening on <url>`, serves there, and exits cleanly on SIGTERM', async () => {
    const central = runCentralCli(['--port', '0', '--admin-token', ADMIN_TOKEN]);
    const url = await central.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const lines = central.stdout().trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`central listening on ${url}`);
    expect(lines).toContain(`  curl -X POST -H "Authorization: Bearer <admin token>" ${url}${apiPaths.adminEnrollmentCodes}`);
    expect(central.stdout()).not.toContain(ADMIN_TOKEN);
    expect((await fetch(url + apiPaths.health)).status).toBe(200);

    expect(await central.stop()).toBe(0);
    await expect(fetch(url + apiPaths.health)).rejects.toThrow();
  });

  it('exits cleanly on SIGINT too', async () => {
    const central = runCentralCli(['--port', '0', '--admin-token', ADMIN_TOKEN]);
    await central.listening;
    central.signal('SIGINT');
    expect(await central.exited).toBe(0);
  });

  it('generates an admin token when none is given and prints it on its own line first', async () => {
    const central = runCentralCli(['--port', '0']);
    const url = await central.listening;
    const lines = central.stdout().trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`central listening on ${url}`);
    const token = /^admin token: (\S+)$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    const issued = await fetch(url + apiPaths.adminEnrollmentCodes, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    expect(issued.status).toBe(201);
  });

  it('takes the admin token from HCC_ADMIN_TOKEN without printing it', async () => {
    const central = runCentralCli(['--port', '0'], { HCC_ADMIN_TOKEN: ADMIN_TOKEN });
    const url = await central.listening;
    expect(central.stdout()).not.toContain(ADMIN_TOKEN);
    const issued = await fetch(url + apiPaths.adminEnrollmentCodes, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: '{}' });
    expect(issued.status).toBe(201);
  });

  it('refuses bad arguments with one line on stderr and exit status 2', async () => {
    const cases: [string, string[]][] = [
      ['no --port', []],
      ['a port that is not a number', ['--port', 'abc']],
      ['a port out of range', ['--port', '70000']],
      ['an unknown option', ['--port', '0', '--verbose']],
      ['a stray argument', ['--port', '0', 'extra']],
      ['a short admin token', ['--port', '0', '--admin-token', 'short']],
    ];
    // In parallel: each case is a process start.
    await Promise.all(
      cases.map(async ([name, args]) => {
        const central = runCentralCli(args);
        expect(await central.exited, name).toBe(2);
        expect(central.stdout(), name).toBe('');
        const lines = central.stderr().trimEnd().split('\n');
        expect(lines, name).toHaveLength(1);
        expect(lines[0], name).toMatch(/^central: .*usage: npm run central/);
      }),
    );
  });

  it('keeps dossiers and kiosks in its --db file across a restart', async () => {
    const dir = makeTempDir('central-cli');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const dbFile = join(dir, 'central.sqlite');
    const args = ['--port', '0', '--db', dbFile, '--admin-token', ADMIN_TOKEN];
    const first = runCentralCli(args);
    const firstUrl = await first.listening;
    const created = await fetch(firstUrl + apiPaths.adminDossiers, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        procedure: { code: '1.004222', name: 'Đăng ký thường trú' },
        agency: { id: '000.21.30.H56', name: 'UBND phường Hòa Bình' },
        applicantName: 'Mai Văn Lưu',
        receivedAt: '2026-03-02T08:00:00+07:00',
        dueAt: '2026-03-11T16:30:00+07:00',
        finishedAt: null,
        status: 'processing',
        steps: [],
        result: { pickupLocation: 'Quầy số 2', returnMethod: 'in_person' },
      }),
    });
    expect(created.status).toBe(201);
    const { code } = Dossier.parse(await created.json());
    const enrolled = await enroll(firstUrl, await issueCode(firstUrl), 'hw-cli');
    const { token } = EnrollResponse.parse(await enrolled.json());
    expect(await first.stop()).toBe(0);

    const second = runCentralCli(args);
    const secondUrl = await second.listening;
    const found = await fetch(secondUrl + apiPaths.dossier(code), { headers: { authorization: `Bearer ${token}` } });
    expect(found.status).toBe(200);
    expect(Dossier.parse(await found.json())).toMatchObject({ code, applicantName: 'Mai Văn Lưu', status: 'processing' });
  });

  it('starts empty without --demo: no demo enrolment code, no demo dossier, no catalogue, no demo receipts', async () => {
    const central = runCentralCli(['--port', '0', '--admin-token', ADMIN_TOKEN]);
    const url = await central.listening;
    expect((await enroll(url, DEMO_ENROLLMENT_CODE, 'hw-demo-code')).status).toBe(403);
    expect((await fetch(`${url}/receipts`)).status).toBe(404);
    const { token } = EnrollResponse.parse(await (await enroll(url, await issueCode(url), 'hw-plain')).json());
    const kiosk = { authorization: `Bearer ${token}` };
    expect((await fetch(url + apiPaths.dossier(demoDossierCode('processing')), { headers: kiosk })).status).toBe(404);
    const changes = CatalogueChangesPage.parse(await (await fetch(url + cataloguePaths.changes, { headers: kiosk })).json());
    expect(changes.changes).toEqual([]);
  });

  it('seeds the demo dossiers, the demo enrolment code and the sample catalogue with --demo, and prints no enrolment help', async () => {
    const central = runCentralCli(['--port', '0', '--demo', '--admin-token', ADMIN_TOKEN]);
    const url = await central.listening;
    expect(central.stdout()).toBe(`central listening on ${url}\n`);
    const enrolled = await enroll(url, DEMO_ENROLLMENT_CODE, 'hw-demo');
    expect(enrolled.status).toBe(200);
    const { token } = EnrollResponse.parse(await enrolled.json());
    const kiosk = { authorization: `Bearer ${token}` };
    expect((await fetch(url + apiPaths.dossier(demoDossierCode('processing')), { headers: kiosk })).status).toBe(200);
    const changes = CatalogueChangesPage.parse(await (await fetch(url + cataloguePaths.changes, { headers: kiosk })).json());
    expect(changes.changes.length).toBeGreaterThan(0);
  });
});
