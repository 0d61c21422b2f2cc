/**
 * The kiosk's one window, locked down as in the kiosk checklist (style research B3): kiosk and full screen in
 * production, no menu, shown only once painted, every renderer hardening flag set explicitly, and the keyboard
 * shortcuts that would reload the page, open DevTools, zoom or close the window swallowed in production.
 */
import { BrowserWindow, Menu, type Input } from 'electron';
import type { Logger } from '../core/logger';
import { APP_ENTRY_URL } from './protocol';

export interface KioskWindowOptions {
  /** Packaged build on a kiosk: kiosk mode, no DevTools, shortcuts blocked. */
  production: boolean;
  preloadPath: string;
  logger: Logger;
  /** What to show; the renderer unless the host has to show its fallback page. */
  url?: string;
}

export function createKioskWindow({ production, preloadPath, logger, url = APP_ENTRY_URL }: KioskWindowOptions): BrowserWindow {
  Menu.setApplicationMenu(null);
  const window = new BrowserWindow({
    title: 'HCC Kiosk',
    width: 1280,
    height: 800,
    show: false,
    kiosk: production,
    fullscreen: production,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // B1 item 3
      sandbox: true, // B1 item 4
      nodeIntegration: false, // B1 item 2
      nodeIntegrationInWorker: false,
      webviewTag: false, // B1 items 11-12
      webSecurity: true, // B1 item 6
      allowRunningInsecureContent: false, // B1 item 8
      experimentalFeatures: false, // B1 item 9
      spellcheck: false,
      devTools: !production,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (production) {
    window.webContents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
  }
  window.loadURL(url).catch((error: unknown) => {
    logger.error({ error: error instanceof Error ? error.message : String(error) }, 'could not load the kiosk page');
  });
  return window;
}

const blockedAlone = new Set(['f5', 'f12']); // reload, DevTools, with or without modifiers
const blockedWithCommand = new Set(['r', 'w', 'q', '+', '=', '-', '_', '0']); // reload, close, quit, zoom
const blockedWithCommandShift = new Set(['i', 'j', 'c']); // DevTools, console, inspector (Cmd+Alt on macOS)

/** Ctrl on Windows and Linux, Cmd on macOS. */
function isBlockedShortcut(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (blockedAlone.has(key)) return true;
  if (input.alt && key === 'f4') return true;
  if (command && blockedWithCommand.has(key)) return true;
  return command && (input.shift || input.alt) && blockedWithCommandShift.has(key);
}
