/**
 * The Electron main process. It only composes the host's modules, in the order Electron requires: sandboxing and
 * the privileged `app:` scheme before ready; then logging, the security guards (before any window exists), the
 * renderer protocol, the kiosk core and its IPC, the window and the scanner.
 */
import { app, ipcMain, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_DB_FILE } from '../core/catalogue/catalogueDb';
import { loadLogSecret } from '../core/enrollment';
import { OUTBOX_DB_FILE } from '../core/feedback/outboxDb';
import { createKioskCore } from '../core/kioskCore';
import { createLogger, createRedactor } from '../core/logger';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../core/kioskCore';
import { parseStartupArgs, resolveKioskStartup } from './demo';
import { forwardCatalogueStatus } from './catalogueEvents';
import { fallbackPageUrl } from './fallbackPage';
import { registerInvokeHandlers } from './ipc';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { attachWedgeScanner } from './scanner';
import { applySecurityPolicy } from './security';
import { createKioskWindow } from './window';

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let kioskWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!kioskWindow || kioskWindow.isDestroyed()) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(async () => {
      kioskWindow = await startKiosk();
    })
    .catch((error: unknown) => {
      console.error('HCC Kiosk could not start:', error);
      app.exit(1);
    });
}

async function startKiosk(): Promise<BrowserWindow> {
  const production = app.isPackaged;
  const userDataDir = app.getPath('userData');
  const logger = createLogger({ file: join(userDataDir, 'logs', 'kiosk.log') });
  const redactor = createRedactor(loadLogSecret(userDataDir));
  applySecurityPolicy({ appOrigin: APP_ORIGIN, logger });
  serveRenderer({ rendererDir, logger });

  const startup = await resolveKioskStartup({ args: parseStartupArgs(process.argv.slice(1), process.env), userDataDir, logger });
  if (!startup.ok) return createKioskWindow({ production, preloadPath, logger, url: fallbackPageUrl(startup.reason) });

  const { stopDemo } = startup;
  if (stopDemo) {
    app.once('will-quit', (event) => {
      event.preventDefault();
      const quit = () => app.quit();
      stopDemo().then(quit, quit);
    });
  }
  const core = createKioskCore({
    centralUrl: startup.enrollment.centralUrl,
    token: startup.enrollment.token,
    host: 'electron',
    demo: startup.demo,
    idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS,
    version: app.getVersion(),
    logger,
    redactor,
    outboxDbPath: join(userDataDir, OUTBOX_DB_FILE),
    kioskId: startup.enrollment.kioskId,
    catalogueDbPath: join(userDataDir, CATALOGUE_DB_FILE),
  });
  registerInvokeHandlers({ ipcMain, handlers: core.handlers, appOrigin: APP_ORIGIN, logger });
  // Ratings are on disk before the citizen is thanked: stopping the loop is all quitting needs.
  core.feedback.delivery.start();
  app.once('will-quit', () => void core.feedback.delivery.stop());
  const window = createKioskWindow({ production, preloadPath, logger });
  attachWedgeScanner({ window, logger, redactor });
  forwardCatalogueStatus({ window, catalogue: core.catalogue });
  // A sync cut off by quitting leaves the previous complete catalogue: nothing to wait for.
  const stopCatalogueSync = core.catalogue.startSchedule();
  app.once('will-quit', stopCatalogueSync);
  logger.info({ production, demo: startup.demo, version: app.getVersion() }, 'kiosk started');
  return window;
}
