import { testTechnicianPorts } from './technicianFakes';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { configPath } from '../../electron/core/config/configFile';
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { ENROLLMENT_FILE } from '../../electron/core/enrollment';
import { createKioskCore } from '../../electron/core/kioskCore';
import { createRedactor } from '../../electron/core/logger';
import { parseStartupArgs, resolveKioskStartup, type StartupArgs } from '../../electron/main/demo';
import { fallbackPageUrl } from '../../electron/main/fallbackPage';
import { demoDossierCode, startCentralServer } from '../../server/centralServer';
import { memoryLogger } from './memoryLogger';

let userDataDir: string;
beforeEach(() => {
  userDataDir = mkdtempSync(join(tmpdir(), 'hcc-userdata-'));
});
afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

const start = (args: StartupArgs) => resolveKioskStartup({ args, userDataDir, logger: memoryLogger().logger, secretBox: plainSecretBox });

describe('start-up arguments', () => {
  it('reads --demo among the switches Electron and Chromium add', () => {
    expect(parseStartupArgs(['.', '--demo', '--no-sandbox', '--enable-logging=stderr'], {})).toEqual({ demo: true });
  });

  it('reads HCC_DEMO=1 as demo mode', () => {
    expect(parseStartupArgs([], { HCC_DEMO: '1' }).demo).toBe(true);
    expect(parseStartupArgs([], { HCC_DEMO: '0' }).demo).toBe(false);
  });

  it('reads the central URL and the enrollment code, and keeps a switch given no value as empty', () => {
    expect(parseStartupArgs(['--central', 'https://hcc.example.vn', '--enrollment-code=ABCD-1234'], {})).toEqual({
      demo: false,
      centralUrl: 'https://hcc.example.vn',
      enrollmentCode: 'ABCD-1234',
    });
    expect(parseStartupArgs(['--central'], {}).centralUrl).toBe('');
  });
});

describe('choosing how the kiosk starts', () => {
  it('opens the setup wizard, without throwing, when there is no configuration and no arguments', async () => {
    await expect(start({ demo: false })).resolves.toEqual({ ok: false, reason: 'NOT_ENROLLED', setup: 'missing' });
    writeFileSync(configPath(userDataDir), 'not json');
    await expect(start({ demo: false })).resolves.toEqual({ ok: false, reason: 'NOT_ENROLLED', setup: 'invalid' });
  });

  it('uses the enrollment stored in userData, migrated to the configuration file', async () => {
    const stored = { centralUrl: 'https://hcc.example.vn', kioskId: 'kiosk-1', token: 't'.repeat(32) };
    writeFileSync(join(userDataDir, ENROLLMENT_FILE), JSON.stringify(stored));
    await expect(start({ demo: false })).resolves.toMatchObject({ ok: true, enrollment: stored, demo: false, config: { kioskId: 'kiosk-1' } });
    expect(existsSync(configPath(userDataDir))).toBe(true);
  });

  it.each([
    ['a central URL that is not http(s)', { demo: false, centralUrl: 'ftp://hcc.example.vn', enrollmentCode: 'ABCD-1234' }],
    ['--central without a value', { demo: false, centralUrl: '', enrollmentCode: 'ABCD-1234' }],
    ['an enrollment code without --central', { demo: false, enrollmentCode: 'ABCD-1234' }],
    ['--enrollment-code without a value', { demo: false, centralUrl: 'https://hcc.example.vn', enrollmentCode: '' }],
  ])('reports BAD_ARGUMENTS for %s', async (_name, args) => {
    await expect(start(args)).resolves.toEqual({ ok: false, reason: 'BAD_ARGUMENTS' });
  });

  it('enrolls with --central and --enrollment-code, and reports a refused code', async () => {
    const central = await startCentralServer({ demo: true, dbFile: join(userDataDir, 'central.sqlite') });
    try {
      await expect(start({ demo: false, centralUrl: central.url, enrollmentCode: 'WRONG-CODE' })).resolves.toEqual({
        ok: false,
        reason: 'ENROLLMENT_REFUSED',
      });
      const startup = await start({ demo: false, centralUrl: central.url, enrollmentCode: 'DEMO-KIOSK-2026' });
      expect(startup).toMatchObject({ ok: true, demo: false, enrollment: { centralUrl: central.url } });
    } finally {
      await central.close();
    }
  });

  it('in demo mode, runs the reference server with fresh demo data and enrolls with it, leaving a real enrollment alone', async () => {
    const real = JSON.stringify({ centralUrl: 'https://hcc.example.vn', kioskId: 'kiosk-1', token: 't'.repeat(32) });
    writeFileSync(join(userDataDir, ENROLLMENT_FILE), real);
    const startup = await start({ demo: true });
    if (!startup.ok) throw new Error(`demo did not start: ${startup.reason}`);
    try {
      expect(startup.demo).toBe(true);
      expect(startup.enrollment.centralUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(join(userDataDir, 'demo', ENROLLMENT_FILE))).toBe(true);
      expect(readFileSync(join(userDataDir, ENROLLMENT_FILE), 'utf8')).toBe(real);

      const { logger } = memoryLogger();
      const core = createKioskCore({
        centralUrl: startup.enrollment.centralUrl,
        token: startup.enrollment.token,
        host: 'electron',
        demo: true,
        idleTimeoutSeconds: 60,
        version: '0.0.0',
        logger,
        redactor: createRedactor('test-secret'),
        outboxDbPath: ':memory:',
        kioskId: startup.enrollment.kioskId,
        catalogueDbPath: join(userDataDir, 'catalogue.db'),
        technician: testTechnicianPorts(userDataDir, logger),
      });
      onTestFinished(() => core.feedback.close());
      onTestFinished(() => core.catalogue.close());
      const code = demoDossierCode('processing');
      await expect(core.handlers['dossier:lookup']({ code })).resolves.toMatchObject({ ok: true, value: { code, status: 'processing' } });
      // The demo server's sample catalogue reaches the kiosk's cache.
      await expect(core.handlers['catalogue:syncNow']({})).resolves.toMatchObject({ online: true, syncing: false, counts: { procedures: 48 } });
    } finally {
      await startup.stopDemo?.();
    }
  });
});

describe('the fallback page', () => {
  const pageFor = (reason: Parameters<typeof fallbackPageUrl>[0]) => {
    const url = fallbackPageUrl(reason);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    return decodeURIComponent(url.slice(url.indexOf(',') + 1));
  };

  it('tells the citizen in Vietnamese and English and shows the technician the reason code', () => {
    const page = pageFor('NOT_ENROLLED');
    expect(page).toContain('Kiosk chưa được đăng ký với máy chủ trung tâm.');
    expect(page).toContain('This kiosk is not enrolled with the central server.');
    expect(page).toContain('<code>NOT_ENROLLED</code>');
  });

  it('runs no script and loads nothing', () => {
    const page = pageFor('UNAVAILABLE');
    expect(page).not.toMatch(/<script|src=|href=/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
