import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, Menu, fakeEvent, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';
import { createKioskWindow } from '../../electron/main/window';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

beforeEach(resetFakeElectron);

function openWindow(production: boolean) {
  createKioskWindow({ production, preloadPath: '/app/out/preload/index.cjs', logger: memoryLogger().logger });
  const window = FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

function key(window: FakeBrowserWindow, input: { key: string; control?: boolean; meta?: boolean; alt?: boolean; shift?: boolean }) {
  const event = fakeEvent();
  window.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, meta: false, alt: false, shift: false, ...input });
  return event.defaultPrevented;
}

describe('the kiosk window', () => {
  it('sets every renderer hardening flag and the preload', () => {
    const window = openWindow(true);
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
  });

  it('turns off auxclick in the renderer, in development too, so a middle click never asks for a new window', () => {
    for (const production of [true, false]) expect(openWindow(production).options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('runs in kiosk mode, full screen and without a menu in production', () => {
    const window = openWindow(true);
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(Menu.applicationMenu).toBeNull();
  });

  it('keeps DevTools and a normal window for development', () => {
    const window = openWindow(false);
    expect(window.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(window.options.webPreferences?.devTools).toBe(true);
    expect(window.options.webPreferences?.sandbox).toBe(true);
  });

  it('loads the renderer from the app origin and shows only once ready to show', () => {
    const window = openWindow(true);
    expect(window.loadedUrl).toBe('app://kiosk/index.html');
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it.each([
    ['Ctrl+R', { key: 'r', control: true }],
    ['Ctrl+Shift+R', { key: 'R', control: true, shift: true }],
    ['Cmd+R', { key: 'r', meta: true }],
    ['F5', { key: 'F5' }],
    ['Ctrl+F5', { key: 'F5', control: true }],
    ['F12', { key: 'F12' }],
    ['Ctrl+Shift+I', { key: 'I', control: true, shift: true }],
    ['Cmd+Alt+I', { key: 'i', meta: true, alt: true }],
    ['Ctrl+Shift+J', { key: 'J', control: true, shift: true }],
    ['Ctrl++', { key: '+', control: true, shift: true }],
    ['Ctrl+=', { key: '=', control: true }],
    ['Ctrl+-', { key: '-', control: true }],
    ['Ctrl+0', { key: '0', control: true }],
    ['Alt+F4', { key: 'F4', alt: true }],
    ['Ctrl+W', { key: 'w', control: true }],
    ['Ctrl+Q', { key: 'q', control: true }],
  ])('blocks %s in production', (_name, input) => {
    expect(key(openWindow(true), input)).toBe(true);
  });

  it.each([
    ['a letter', { key: 'r' }],
    ['a digit', { key: '0' }],
    ['Enter', { key: 'Enter' }],
    ['Shift+I (a capital letter)', { key: 'I', shift: true }],
    ['Ctrl+C', { key: 'c', control: true }],
  ])('lets %s through in production', (_name, input) => {
    expect(key(openWindow(true), input)).toBe(false);
  });

  it('closes DevTools at once if they are opened by any path in production', () => {
    const window = openWindow(true);
    window.webContents.emit('devtools-opened');
    expect(window.webContents.devToolsClosed).toBe(1);
  });

  it('turns pinch-zoom off after every page load in production', () => {
    const window = openWindow(true);
    expect(window.webContents.visualZoomLevelLimits).toBeNull();
    window.webContents.emit('did-finish-load');
    expect(window.webContents.visualZoomLevelLimits).toEqual([1, 1]);
  });

  it('undoes a Ctrl+wheel zoom in production', () => {
    const window = openWindow(true);
    window.webContents.zoomLevel = 2;
    window.webContents.emit('zoom-changed', fakeEvent(), 'in');
    expect(window.webContents.zoomLevel).toBe(0);
  });

  it('leaves DevTools and zoom alone in development', () => {
    const window = openWindow(false);
    window.webContents.emit('devtools-opened');
    window.webContents.emit('did-finish-load');
    expect(window.webContents.devToolsClosed).toBe(0);
    expect(window.webContents.visualZoomLevelLimits).toBeNull();
  });

  it('leaves reload and DevTools shortcuts alone in development', () => {
    const window = openWindow(false);
    expect(key(window, { key: 'r', control: true })).toBe(false);
    expect(key(window, { key: 'F12' })).toBe(false);
  });
});
