import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecentErrors } from '../../electron/core/logger';
import { exportLogsTo, listUsbTargets, tailLog } from '../../electron/core/technician/logExport';
import { hashPin } from '../../electron/core/technician/pin';
import { createTechnicianModule, type TechnicianConfig, type TechnicianHandlers } from '../../electron/core/technician/technicianModule';
import type { TechnicianSettings } from '../../shared/contract/technician';
import { memoryLogger } from '../main/memoryLogger';
import { makeTempDir } from '../support/processes';

const PIN = '246813';
const minute = 60_000;
let pinHash: string;
let dataDir: string;
let clock: number;
let controlled: string[];
let settings: TechnicianSettings;

beforeAll(async () => {
  pinHash = await hashPin(PIN);
});

beforeEach(() => {
  dataDir = makeTempDir('technician');
  clock = Date.parse('2026-11-22T08:00:00Z');
  controlled = [];
  settings = { idleTimeoutSeconds: 60, language: 'vi', scannerMode: 'wedge', catalogueSyncMinutes: 15, cameraDeviceId: null };
});

function config(hash: string | null = pinHash): TechnicianConfig {
  return {
    pinHash: () => hash,
    settings: () => settings,
    updateSettings: (change) => (settings = { ...settings, ...change }),
    clearEnrollment: () => controlled.push('clearEnrollment'),
  };
}

/** A technician module as a host builds it; a second call over the same data directory is the kiosk after a restart. */
function technician(opts: { hash?: string | null; logDir?: string | null } = {}): TechnicianHandlers {
  return createTechnicianModule({
    config: config(opts.hash === undefined ? pinHash : opts.hash),
    controls: { restart: () => controlled.push('restart'), exitToDesktop: () => controlled.push('exit') },
    logDir: opts.logDir ?? null,
    recentErrors: createRecentErrors(),
    mediaRoots: [],
    dataDir,
    kioskId: 'kiosk-1',
    centralUrl: 'http://127.0.0.1:1',
    version: '0.1.0',
    host: 'web',
    client: { health: async () => ({ status: 'ok', version: '9.9.9' }) },
    catalogue: { status: () => ({ lastSyncAt: null, online: true, syncing: false, progress: null, counts: { procedures: 3, agencies: 2, fields: 1, locations: 1 } }) },
    outbox: { counts: () => ({ pending: 4, delivered: 0, rejected: 0 }) },
    devices: () => ({ scanner: 'ok', camera: 'fault' }),
    voice: async () => ({ program: 'espeak-ng', available: true }),
    logger: memoryLogger().logger,
    now: () => clock,
    controlDelayMs: 0,
  });
}

describe('technician mode in the core: PIN and lockout', () => {
  it('refuses a wrong PIN with the attempts left, and locks for five minutes at the fifth', async () => {
    const handlers = technician();
    const replies = [];
    for (let attempt = 0; attempt < 5; attempt++) replies.push(await handlers['technician:unlock']({ pin: '000000' }));
    expect(replies.slice(0, 4)).toEqual([4, 3, 2, 1].map((attemptsLeft) => ({ result: 'wrong', attemptsLeft })));
    expect(replies[4]).toEqual({ result: 'locked', until: new Date(clock + 5 * minute).toISOString() });
  });

  it('does not even check the right PIN while locked, and a restart does not lift the lockout', async () => {
    const handlers = technician();
    for (let attempt = 0; attempt < 5; attempt++) await handlers['technician:unlock']({ pin: '000000' });
    expect(await handlers['technician:unlock']({ pin: PIN })).toMatchObject({ result: 'locked' });

    clock += 2 * minute;
    const restarted = technician();
    expect(await restarted['technician:unlock']({ pin: PIN })).toMatchObject({ result: 'locked' });
    clock += 3 * minute;
    expect(await restarted['technician:unlock']({ pin: PIN })).toMatchObject({ result: 'ok' });
  });

  it('counts wrong PINs sent all at once one by one', async () => {
    const handlers = technician();
    const replies = await Promise.all(Array.from({ length: 6 }, () => handlers['technician:unlock']({ pin: '111111' })));
    expect(replies.filter((reply) => reply.result === 'locked')).toHaveLength(2);
    expect(await handlers['technician:unlock']({ pin: PIN })).toMatchObject({ result: 'locked' });
  });

  it('stays closed when no PIN is configured', async () => {
    expect(await technician({ hash: null })['technician:unlock']({ pin: PIN })).toEqual({ result: 'notSet' });
  });
});

describe('technician mode in the core: the session', () => {
  it('answers every action with SESSION_REQUIRED until unlocked, and again after lock', async () => {
    const handlers = technician();
    expect(await handlers['technician:diagnostics']({})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(await handlers['technician:restart']({})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(controlled).toEqual([]);

    await handlers['technician:unlock']({ pin: PIN });
    const diagnostics = await handlers['technician:diagnostics']({});
    expect(diagnostics).toMatchObject({
      ok: true,
      value: { version: '0.1.0', kioskId: 'kiosk-1', server: { reachable: true, serverVersion: '9.9.9' }, outboxPending: 4, catalogue: { counts: { procedures: 3 } }, devices: { scanner: 'ok', camera: 'fault' }, voice: { program: 'espeak-ng', available: true } },
    });

    await handlers['technician:lock']({});
    expect(await handlers['technician:settings']({})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
  });

  it('ends the session after five minutes without a technician action, and each action extends it', async () => {
    const handlers = technician();
    await handlers['technician:unlock']({ pin: PIN });
    clock += 4 * minute;
    expect(await handlers['technician:settings']({})).toMatchObject({ ok: true });
    clock += 4 * minute;
    expect(await handlers['technician:settings']({})).toMatchObject({ ok: true });
    clock += 5 * minute;
    expect(await handlers['technician:settings']({})).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
  });

  it('changes settings, and restarts, exits or re-enrolls through the host', async () => {
    const handlers = technician();
    await handlers['technician:unlock']({ pin: PIN });
    expect(await handlers['technician:updateSettings']({ idleTimeoutSeconds: 90, language: 'en' })).toEqual({
      ok: true,
      value: { idleTimeoutSeconds: 90, language: 'en', scannerMode: 'wedge', catalogueSyncMinutes: 15, cameraDeviceId: null },
    });
    await handlers['technician:restart']({});
    await handlers['technician:exitToDesktop']({});
    await handlers['technician:reenroll']({});
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The enrolment is cleared before the reply; restart and exit come just after it, so the screen can say so.
    expect(controlled).toEqual(['clearEnrollment', 'restart', 'exit', 'restart']);
  });
});

describe('technician mode: logs', () => {
  it('refuses to export to a path that is not a mounted USB drive, writing nothing', async () => {
    const logDir = join(dataDir, 'logs');
    mkdirSync(logDir);
    writeFileSync(join(logDir, 'kiosk.1.log'), '{"msg":"a"}\n');
    const elsewhere = join(dataDir, 'elsewhere');
    const handlers = technician({ logDir });
    await handlers['technician:unlock']({ pin: PIN });
    expect(await handlers['technician:exportLogs']({ target: elsewhere })).toMatchObject({ ok: false, error: { code: 'NO_MEDIA' } });
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('lists only mount points under the media roots', async () => {
    const root = join(dataDir, 'media');
    mkdirSync(join(root, 'NOT-A-MOUNT'), { recursive: true });
    expect(await listUsbTargets([root, join(dataDir, 'missing')])).toEqual([]);
  });

  it('copies every rotated log file into a new folder on the drive, and shows the last lines across files', async () => {
    const logDir = join(dataDir, 'logs');
    mkdirSync(logDir);
    writeFileSync(join(logDir, 'kiosk.1.log'), 'one\ntwo\n');
    writeFileSync(join(logDir, 'kiosk.2.log'), 'three\nfour\n');
    writeFileSync(join(logDir, 'other.txt'), 'not a log');
    const drive = join(dataDir, 'drive');
    mkdirSync(drive);
    const exported = await exportLogsTo(drive, logDir, 'kiosk-1-2026-11-22T08:00:00.000Z');
    expect(exported.files).toEqual(['kiosk.1.log', 'kiosk.2.log']);
    expect(readdirSync(exported.directory).sort()).toEqual(['kiosk.1.log', 'kiosk.2.log']);
    expect(readFileSync(join(exported.directory, 'kiosk.2.log'), 'utf8')).toBe('three\nfour\n');
    expect(await tailLog(logDir, 3)).toEqual(['two', 'three', 'four']);
  });
});
