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
      // No auxclick events: a middle click on a link must not try to open a window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !production,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (production) lockDown(window, logger);
  window.loadURL(url).catch((error: unknown) => {
    logger.error({ error: error instanceof Error ? error.message : String(error) }, 'could not load the kiosk page');
  });
  return window;
}

/** Production only: nothing a citizen does (keys, pinch, Ctrl+wheel) reloads, zooms, closes or inspects the page. */
function lockDown(window: BrowserWindow, logger: Logger): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  // devTools: false already refuses to open them; this closes them if some other path ever does.
  contents.on('devtools-opened', () => {
    logger.warn('DevTools were opened in production: closed');
    contents.closeDevTools();
  });
  // Pinch-zoom limits are per page, so they are set again after every load (the recovery's reloads included).
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not turn pinch-zoom off');
    });
  });
  // Ctrl+wheel zoom has no key to block: undo it.
  contents.on('zoom-changed', () => contents.setZoomLevel(0));
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
