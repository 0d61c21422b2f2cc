import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

/** Runs the main entry as Electron would: once per process, so on a fresh module registry. */
async function runMain({ singleInstanceLock }: { singleInstanceLock: boolean }) {
  app.singleInstanceLock = singleInstanceLock;
  await import('../../electron/main/index');
}

// Instantiates the mock from the same fakes this file imported; it then outlives vi.resetModules().
beforeAll(async () => {
  await import('electron');
});

beforeEach(() => {
  resetFakeElectron();
  vi.resetModules();
});

describe('the main entry', () => {
  it('enables the sandbox and registers the app scheme before waiting for ready', async () => {
    await runMain({ singleInstanceLock: true });
    expect(app.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'whenReady']);
  });

  it('quits at once when another kiosk instance is running', async () => {
    await runMain({ singleInstanceLock: false });
    expect(app.quitCalls).toBe(1);
    expect(app.calls).not.toContain('whenReady');
  });

  it('quits when the window is closed', async () => {
    await runMain({ singleInstanceLock: true });
    expect(app.quitCalls).toBe(0);
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(1);
  });
});
