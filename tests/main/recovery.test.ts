import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { FakeBrowserWindow, fakeEvent, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';
import { HANG_GRACE_MS, MAX_MAIN_ERRORS, attachRendererRecovery, guardMainProcess } from '../../electron/main/recovery';
import type { RecoveryPolicy } from '../../electron/main/recoveryPolicy';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

const appUrl = 'app://kiosk/index.html';
const policy: RecoveryPolicy = { firstDelayMs: 1_000, maxDelayMs: 4_000, windowMs: 60_000, maxFailuresInWindow: 3, fallbackRetryMs: 300_000 };

let window: FakeBrowserWindow;
let log: ReturnType<typeof memoryLogger>;

beforeEach(() => {
  vi.useFakeTimers();
  resetFakeElectron();
  log = memoryLogger();
  window = new FakeBrowserWindow({});
  attachRendererRecovery({ window: window as unknown as BrowserWindow, appUrl, logger: log.logger, policy, now: () => Date.now() });
});

afterEach(() => {
  vi.useRealTimers();
});

function crash(reason = 'crashed') {
  window.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 });
}

describe('renderer recovery', () => {
  it('reloads the kiosk page after the first delay when the renderer crashes', () => {
    crash();
    vi.advanceTimersByTime(999);
    expect(window.loadedUrls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(window.loadedUrls).toEqual([appUrl]);
  });

  it('waits longer after each failure in a row', () => {
    crash();
    vi.advanceTimersByTime(1_000);
    crash('oom');
    vi.advanceTimersByTime(1_999);
    expect(window.loadedUrls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(window.loadedUrls).toEqual([appUrl, appUrl]);
  });

  it('shows the fallback page after repeated failures, then tries the kiosk page again after the pause', () => {
    for (let i = 0; i < 3; i += 1) {
      crash();
      vi.advanceTimersByTime(4_000);
    }
    crash();
    const fallback = window.loadedUrls.at(-1) ?? '';
    expect(fallback.startsWith('data:text/html')).toBe(true);
    expect(decodeURIComponent(fallback)).toContain('RENDERER_FAILED');
    expect(decodeURIComponent(fallback)).toContain('Kiosk tạm thời chưa sẵn sàng');
    vi.advanceTimersByTime(299_999);
    expect(window.loadedUrls.at(-1)).toBe(fallback);
    vi.advanceTimersByTime(1);
    expect(window.loadedUrls.at(-1)).toBe(appUrl);
  });

  it('logs each failure with the reason Chromium gave', () => {
    crash('oom');
    expect(log.entries().find((entry) => entry.msg === 'the kiosk renderer is gone')).toMatchObject({ reason: 'oom', recentFailures: 1 });
  });

  it('restarts a renderer that stays unresponsive, and reloads it', () => {
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(HANG_GRACE_MS);
    expect(log.entries().some((entry) => entry.reason === 'killed')).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(window.loadedUrls).toEqual([appUrl]);
  });

  it('leaves a renderer alone that becomes responsive again within the grace time', () => {
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(HANG_GRACE_MS - 1);
    window.webContents.emit('responsive');
    vi.advanceTimersByTime(10 * HANG_GRACE_MS);
    expect(window.loadedUrls).toEqual([]);
  });

  it('does nothing for a window that has been closed', () => {
    crash();
    window.destroyed = true;
    window.emit('closed');
    vi.advanceTimersByTime(60_000);
    crash();
    vi.advanceTimersByTime(60_000);
    expect(window.loadedUrls).toEqual([]);
  });
});

describe('main-process errors', () => {
  function guarded() {
    const target = new EventEmitter();
    const exits: number[] = [];
    guardMainProcess({ process: target as unknown as NodeJS.Process, logger: log.logger, exit: (code) => exits.push(code), now: () => Date.now(), windowMs: 60_000 });
    return { target, exits };
  }

  it('logs an uncaught exception and an unhandled rejection and keeps running', () => {
    const { target, exits } = guarded();
    target.emit('uncaughtException', new Error('boom'));
    target.emit('unhandledRejection', 'refused');
    expect(exits).toEqual([]);
    const lines = log.entries().filter((entry) => entry.msg === 'uncaught error in the main process');
    expect(lines.map((entry) => [entry.kind, entry.error])).toEqual([
      ['exception', 'boom'],
      ['rejection', 'refused'],
    ]);
  });

  it('exits with an error status after a burst of errors, for the supervisor to restart the kiosk', () => {
    const { target, exits } = guarded();
    for (let i = 0; i < MAX_MAIN_ERRORS; i += 1) target.emit('uncaughtException', new Error(`boom ${i}`));
    expect(exits).toEqual([]);
    target.emit('uncaughtException', new Error('once too often'));
    expect(exits).toEqual([1]);
  });

  it('does not exit when the errors are spread out over time', () => {
    const { target, exits } = guarded();
    for (let i = 0; i < 3 * MAX_MAIN_ERRORS; i += 1) {
      target.emit('uncaughtException', new Error(`boom ${i}`));
      vi.advanceTimersByTime(30_000);
    }
    expect(exits).toEqual([]);
  });
});
