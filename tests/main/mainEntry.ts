/**
 * For test files that run the Electron main entry to its first window on an empty user-data directory (the file
 * itself must still `vi.mock('electron', …)` with tests/main/fakeElectron.ts). Call once at the file's top level.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { makeTempDir } from '../support/processes';
import { FakeBrowserWindow, app, fakeEvent, keepProcessListeners, resetFakeElectron } from './fakeElectron';

export interface MainEntryRuns {
  /** This test's user-data directory, empty when the test starts. */
  readonly userDataDir: string;
  /** Runs the main entry with the app ready at once and returns its first window, once it exists. */
  firstWindow(): Promise<FakeBrowserWindow>;
}

/** Registers the hooks that give each test a fresh fake Electron, module registry and user-data directory. */
export function useMainEntryRuns(tempDirPrefix: string): MainEntryRuns {
  let userDataDir: string | undefined;
  let restoreProcessListeners: () => void = () => {};

  // Instantiates the mock from the same fakes this module imported; it then outlives vi.resetModules().
  beforeAll(async () => {
    await import('electron');
  });

  beforeEach(() => {
    resetFakeElectron();
    // The entry runs once per process: each test imports it afresh.
    vi.resetModules();
    restoreProcessListeners = keepProcessListeners();
    userDataDir = makeTempDir(tempDirPrefix);
  });

  afterEach(() => {
    // Stops the core's loops, as quitting the app does.
    app.emit('will-quit', fakeEvent());
    restoreProcessListeners();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  const currentDir = () => {
    if (userDataDir === undefined) throw new Error('no user-data directory outside a test');
    return userDataDir;
  };

  return {
    get userDataDir() {
      return currentDir();
    },
    async firstWindow() {
      app.readyOnStart = true;
      app.userDataDir = currentDir();
      await import('../../electron/main/index');
      await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0), { timeout: 30_000 });
      const window = FakeBrowserWindow.created[0];
      if (!window) throw new Error('no window');
      return window;
    },
  };
}
