import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { dispatchInvoke, type InvokeHandlers } from '../../electron/core/dispatch';
import { createPresenceTracker, type PresenceTracker } from '../../electron/core/presence';
import { startUpdater, updateFeedUrl } from '../../electron/main/updater';
import { memoryLogger } from './memoryLogger';

/** electron-updater's AppUpdater at its boundary: records what the kiosk asks of it, and emits its events. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: unknown = console;
  feed: unknown = null;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  checkResult: () => Promise<null> = async () => null;
  setFeedURL(options: unknown) {
    this.feed = options;
  }
  checkForUpdates() {
    this.checks += 1;
    return this.checkResult();
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const idleWait = 60_000;
const checkEvery = 3_600_000;
let updater: FakeUpdater;
let presence: PresenceTracker;
let log: ReturnType<typeof memoryLogger>;
let stop: () => void;

/** The renderer's report, through the core's dispatch as either host delivers it. */
async function report(idleAtHome: boolean) {
  const outcome = await dispatchInvoke(presence.handlers as InvokeHandlers, 'app:presence', { idleAtHome });
  expect(outcome.ok).toBe(true);
}

beforeEach(() => {
  vi.useFakeTimers();
  updater = new FakeUpdater();
  presence = createPresenceTracker();
  log = memoryLogger();
  stop = startUpdater({
    updater: updater as unknown as AppUpdater,
    centralUrl: 'https://hcc.example.vn/kiosk-gateway',
    presence,
    logger: log.logger,
    now: () => Date.now(),
    checkIntervalMs: checkEvery,
    installAfterIdleMs: idleWait,
  });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the updater', () => {
  it('asks the enrolled central server’s update directory, downloads by itself and never installs on an ordinary quit', () => {
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://hcc.example.vn/kiosk-gateway/updates/' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('checks at start and then periodically', () => {
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(checkEvery);
    expect(updater.checks).toBe(2);
    vi.advanceTimersByTime(checkEvery);
    expect(updater.checks).toBe(3);
  });

  it('does not install a downloaded update while the kiosk is in use', () => {
    updater.emit('update-downloaded', { version: '0.2.0' });
    vi.advanceTimersByTime(10 * idleWait);
    expect(updater.installs).toEqual([]);
  });

  it('installs silently, restarting the app, once the kiosk has been idle at home for the wait', async () => {
    updater.emit('update-downloaded', { version: '0.2.0' });
    await report(true);
    vi.advanceTimersByTime(idleWait - 1);
    expect(updater.installs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(updater.installs).toEqual([[true, true]]);
    expect(log.entries().some((entry) => entry.msg === 'installing the update while the kiosk is idle at home' && entry.version === '0.2.0')).toBe(true);
  });

  it('installs an update downloaded while the kiosk was already idle at home long enough', async () => {
    await report(true);
    vi.advanceTimersByTime(idleWait);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.installs).toHaveLength(1);
  });

  it('starts the wait again when someone uses the kiosk in between', async () => {
    updater.emit('update-downloaded', { version: '0.2.0' });
    await report(true);
    vi.advanceTimersByTime(idleWait / 2);
    await report(false);
    vi.advanceTimersByTime(idleWait);
    expect(updater.installs).toEqual([]);
    await report(true);
    vi.advanceTimersByTime(idleWait - 1);
    expect(updater.installs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(updater.installs).toHaveLength(1);
  });

  it('logs a failed check or download and keeps checking', () => {
    updater.checkResult = () => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED'));
    updater.emit('error', new Error('net::ERR_CONNECTION_REFUSED'));
    vi.advanceTimersByTime(checkEvery);
    expect(updater.checks).toBe(2);
    expect(log.entries().find((entry) => entry.msg === 'update check or download failed')).toMatchObject({ error: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('stops checking and installing once stopped', async () => {
    stop();
    updater.emit('update-downloaded', { version: '0.2.0' });
    await report(true);
    vi.advanceTimersByTime(10 * checkEvery);
    expect(updater.checks).toBe(1);
    expect(updater.installs).toEqual([]);
  });
});

describe('the update feed URL', () => {
  it.each([
    ['https://hcc.example.vn', 'https://hcc.example.vn/updates/'],
    ['https://hcc.example.vn/', 'https://hcc.example.vn/updates/'],
    ['http://127.0.0.1:8080/gateway', 'http://127.0.0.1:8080/gateway/updates/'],
  ])('%s → %s', (central, feed) => {
    expect(updateFeedUrl(central)).toBe(feed);
  });
});

describe('the presence report', () => {
  it('counts the kiosk as in use until the renderer reports, and refuses a malformed report', async () => {
    const tracker = createPresenceTracker();
    expect(tracker.idleAtHome()).toBe(false);
    const outcome = await dispatchInvoke(tracker.handlers as InvokeHandlers, 'app:presence', { idleAtHome: 'yes' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(tracker.idleAtHome()).toBe(false);
  });
});
