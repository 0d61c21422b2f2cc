// The reference central server as the kiosks' update source: `npm run central -- --updates-dir <dir>` serves
// electron-builder's output under /updates/, the way electron-updater's generic provider reads it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, projectRoot, runTypeScript, startCentral, type RunningProcess } from '../support/processes';

const latestYml = `version: 0.2.0
files:
  - url: HCC-Kiosk-Setup-0.2.0.exe
    sha512: c2hhNTEyLW9mLXRoZS1pbnN0YWxsZXI=
    size: 4096
path: HCC-Kiosk-Setup-0.2.0.exe
sha512: c2hhNTEyLW9mLXRoZS1pbnN0YWxsZXI=
releaseDate: '2026-11-20T08:00:00.000Z'
`;
const installer = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));

let withUpdates: RunningProcess;
let withoutUpdates: RunningProcess;

beforeAll(async () => {
  const dir = makeTempDir('updates');
  const updatesDir = join(dir, 'release');
  mkdirSync(updatesDir);
  writeFileSync(join(updatesDir, 'latest.yml'), latestYml);
  writeFileSync(join(updatesDir, 'HCC-Kiosk-Setup-0.2.0.exe'), installer);
  writeFileSync(join(dir, 'secret.txt'), 'outside the updates directory');
  [withUpdates, withoutUpdates] = await Promise.all([
    startCentral({ dbFile: join(dir, 'a.db'), updatesDir }),
    startCentral({ dbFile: join(dir, 'b.db') }),
  ]);
  // Two servers starting on a busy machine.
}, 60_000);

afterAll(async () => {
  await Promise.all([withUpdates?.stop(), withoutUpdates?.stop()]);
});

describe('update files on the central server', () => {
  it('serves latest.yml, never cached', async () => {
    const reply = await fetch(`${withUpdates.url}/updates/latest.yml`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-cache');
    expect(await reply.text()).toBe(latestYml);
  });

  it('serves the installer whole and by byte range, for differential downloads', async () => {
    const whole = await fetch(`${withUpdates.url}/updates/HCC-Kiosk-Setup-0.2.0.exe`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(installer)).toBe(true);
    const part = await fetch(`${withUpdates.url}/updates/HCC-Kiosk-Setup-0.2.0.exe`, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(installer.subarray(1000, 2000))).toBe(true);
  });

  it('answers 404 for a file it does not have and for anything outside the directory', async () => {
    expect((await fetch(`${withUpdates.url}/updates/latest-linux.yml`)).status).toBe(404);
    expect((await fetch(`${withUpdates.url}/updates/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${withUpdates.url}/updates/..%2fsecret.txt`)).status).toBe(404);
  });

  it('offers no updates when started without an updates directory', async () => {
    expect((await fetch(`${withoutUpdates.url}/updates/latest.yml`)).status).toBe(404);
  });

  it('refuses to start with an updates directory that does not exist, saying why', () => {
    const run = spawnSync(process.execPath, [...runTypeScript, 'server/main.ts', '--port', '0', '--updates-dir', '/nonexistent/release'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--updates-dir must name an existing directory');
  });
});
