// The main entry run to its first window, packaged (production) and not: every lock-down setting of the window and
// its session as the kiosk actually composes them, with `electron` replaced at its boundary.
import { describe, expect, it, vi } from 'vitest';
import { type FakeBrowserWindow, app, defaultSession, fakeEvent } from './fakeElectron';
import { useMainEntryRuns } from './mainEntry';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

const entry = useMainEntryRuns('session');

/** Runs the main entry (unenrolled, so it stops at its first window) and returns that window. */
function firstWindow({ packaged }: { packaged: boolean }): Promise<FakeBrowserWindow> {
  app.isPackaged = packaged;
  return entry.firstWindow();
}

function pressed(window: FakeBrowserWindow, input: { key: string; control?: boolean; shift?: boolean; alt?: boolean }): boolean {
  const event = fakeEvent();
  window.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, meta: false, alt: false, shift: false, ...input });
  return event.defaultPrevented;
}

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
function permissionGranted(permission: string, details: object): boolean {
  let granted: boolean | undefined;
  (defaultSession.permissionRequestHandler as unknown as RequestHandler)(null, permission, (value) => (granted = value), details);
  return granted === true;
}

describe('a packaged kiosk', () => {
  it('takes the single-instance lock before waiting for ready', async () => {
    await firstWindow({ packaged: true });
    expect(app.calls.indexOf('requestSingleInstanceLock')).toBeLessThan(app.calls.indexOf('whenReady'));
  });

  it('opens its window in kiosk mode, full screen, without DevTools', async () => {
    const window = await firstWindow({ packaged: true });
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(window.options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('swallows reload, DevTools, zoom and close shortcuts, and closes DevTools opened any other way', async () => {
    const window = await firstWindow({ packaged: true });
    for (const input of [{ key: 'r', control: true }, { key: 'F5' }, { key: 'F12' }, { key: 'I', control: true, shift: true }, { key: '=', control: true }, { key: 'F4', alt: true }]) {
      expect(pressed(window, input), input.key).toBe(true);
    }
    window.webContents.emit('devtools-opened');
    expect(window.webContents.devToolsClosed).toBe(1);
  });

  it('allows the camera to its own page and nothing else', async () => {
    await firstWindow({ packaged: true });
    const fromApp = { isMainFrame: true, requestingUrl: 'app://kiosk/index.html' };
    expect(permissionGranted('media', { ...fromApp, mediaTypes: ['video'] })).toBe(true);
    expect(permissionGranted('media', { ...fromApp, mediaTypes: ['audio'] })).toBe(false);
    expect(permissionGranted('geolocation', fromApp)).toBe(false);
    expect(permissionGranted('notifications', fromApp)).toBe(false);
  });

  it('denies downloads, new windows and navigation away', async () => {
    const window = await firstWindow({ packaged: true });
    const download = fakeEvent();
    defaultSession.emit('will-download', download, { getURL: () => 'https://evil.example/x.exe' }, window.webContents);
    expect(download.defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigation = fakeEvent({ url: 'https://evil.example/' });
    window.webContents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
  });
});

describe('an unpackaged (development) run', () => {
  it('opens a normal window with DevTools and leaves the shortcuts alone', async () => {
    const window = await firstWindow({ packaged: false });
    expect(window.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(window.options.webPreferences?.devTools).toBe(true);
    expect(pressed(window, { key: 'r', control: true })).toBe(false);
  });
});
