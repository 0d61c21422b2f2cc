/**
 * The Electron main process. It only composes the host's modules, in the order Electron requires: sandboxing and
 * the privileged `app:` scheme before ready; then logging, the security guards (before any window exists), the
 * renderer protocol, the kiosk core and its IPC, the window and the scanner.
 */
import { app, ipcMain, safeStorage, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_DB_FILE } from '../core/catalogue/catalogueDb';
import { ScannerSettings } from '../../shared/contract/camera';
import { SCANNER_HEALTH_AFTER_BURST } from '../../shared/scanner/deviceHealth';
import type { KioskConfig } from '../core/config/kioskConfig';
import { saveRenewedToken } from '../core/config/configFile';
import { loadHardwareId, loadLogSecret, type Enrollment } from '../core/enrollment';
import { OUTBOX_DB_FILE } from '../core/feedback/outboxDb';
import { createKioskCore } from '../core/kioskCore';
import { createRedactor, openFileLog } from '../core/logger';
import { technicianConfigFrom } from '../core/technician/configPort';
import { defaultMediaRoots } from '../core/technician/logExport';
import { createSetupHandlers, setupModeHandlers, switchableHandlers } from '../core/setup/setupHandlers';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../core/kioskCore';
import { parseStartupArgs, resolveKioskStartup } from './demo';
import { forwardCatalogueStatus } from './catalogueEvents';
import { fallbackPageUrl } from './fallbackPage';
import { electronHostControls, SUPERVISOR_ENV } from './hostControls';
import type { HeartbeatLoop } from '../core/fleet/heartbeatLoop';
import { registerInvokeHandlers } from './ipc';
import { createSafeStorageBox } from './secretBox';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { attachRendererRecovery, guardMainProcess } from './recovery';
import { attachWedgeScanner } from './scanner';
import { startUpdater } from './updater';
import { updatesApplyHere } from './updatePolicy';
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
  const log = await openFileLog({ dir: join(userDataDir, 'logs') });
  const { logger } = log;
  // From here on an uncaught error is logged, never Electron's blocking dialog.
  guardMainProcess({ process, logger, exit: (code) => app.exit(code) });
  const redactor = createRedactor(loadLogSecret(userDataDir));
  applySecurityPolicy({ appOrigin: APP_ORIGIN, logger });
  serveRenderer({ rendererDir, logger });

  const secretBox = createSafeStorageBox(safeStorage);
  const configStore = { dataDir: userDataDir, secretBox, logger };
  const startup = await resolveKioskStartup({ args: parseStartupArgs(process.argv.slice(1), process.env), userDataDir, logger, secretBox });
  const setupReason = !startup.ok && 'setup' in startup ? startup.setup : null;
  if (!startup.ok && setupReason === null) return createKioskWindow({ production, preloadPath, logger, url: fallbackPageUrl(startup.reason) });

  if (startup.ok && startup.stopDemo) {
    const { stopDemo } = startup;
    app.once('will-quit', (event) => {
      event.preventDefault();
      const quit = () => app.quit();
      stopDemo().then(quit, quit);
    });
  }
  // Registered once; in setup mode they answer the wizard until it completes, then the full core's.
  const switchable = switchableHandlers(
    setupModeHandlers(
      createSetupHandlers({
        configStore,
        hardwareId: loadHardwareId(userDataDir, 'electron'),
        reason: setupReason ?? 'missing',
        onComplete: async (config) => {
          const { centralUrl, kioskId, token } = config;
          await runCore({ enrollment: { centralUrl, kioskId, token }, demo: false, config });
          logger.info({ production, version: app.getVersion() }, 'kiosk set up and started');
        },
      }),
    ),
  );
  registerInvokeHandlers({ ipcMain, handlers: switchable.handlers, appOrigin: APP_ORIGIN, logger });
  const window = createKioskWindow({ production, preloadPath, logger });
  attachRendererRecovery({ window, appUrl: APP_ENTRY_URL, logger });
  // Set once the core runs; a scan read before then (setup mode) tells no heartbeat.
  let fleet: HeartbeatLoop | undefined;
  attachWedgeScanner({ window, logger, redactor, onScan: () => fleet?.reportDevice('scanner', SCANNER_HEALTH_AFTER_BURST) });
  if (startup.ok) {
    await runCore(startup);
    logger.info({ production, demo: startup.demo, version: app.getVersion() }, 'kiosk started');
  } else logger.info({ production, reason: setupReason }, 'kiosk started in setup mode');
  return window;

  /** The full kiosk core and its loops; the renderer's calls go to it from here on. */
  async function runCore(started: { enrollment: Enrollment; demo: boolean; config?: KioskConfig }): Promise<void> {
    const core = createKioskCore({
      centralUrl: started.enrollment.centralUrl,
      token: started.enrollment.token,
      tokenExpiresAt: started.config ? started.config.tokenExpiresAt : started.enrollment.tokenExpiresAt,
      // Demo mode has no configuration: its token lives in memory, with the demo server's database.
      saveToken: started.config && ((token, tokenExpiresAt) => saveRenewedToken(configStore, token, tokenExpiresAt)),
      host: 'electron',
      demo: started.demo,
      idleTimeoutSeconds: started.config?.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS,
      language: started.config?.language,
      version: app.getVersion(),
      logger,
      redactor,
      outboxDbPath: join(userDataDir, OUTBOX_DB_FILE),
      kioskId: started.enrollment.kioskId,
      catalogueDbPath: join(userDataDir, CATALOGUE_DB_FILE),
      scanner: started.config && ScannerSettings.parse({ mode: started.config.scannerMode, camera: started.config.camera }),
      technician: {
        config: technicianConfigFrom(configStore),
        controls: electronHostControls(app, { supervised: Boolean(process.env[SUPERVISOR_ENV]) }),
        logDir: log.dir,
        recentErrors: log.recentErrors,
        mediaRoots: defaultMediaRoots(),
        dataDir: userDataDir,
      },
      locationId: started.config?.locationId ?? null,
      catalogueSyncMinutes: started.config?.catalogueSyncMinutes,
    });
    switchable.switchTo(core.handlers);
    // Ratings are on disk before the citizen is thanked: stopping the loop is all quitting needs.
    core.feedback.delivery.start();
    app.once('will-quit', () => void core.feedback.delivery.stop());
    forwardCatalogueStatus({ window, catalogue: core.catalogue });
    // A sync cut off by quitting leaves the previous complete catalogue: nothing to wait for.
    const stopCatalogueSync = core.startCatalogueSync();
    app.once('will-quit', stopCatalogueSync);
    if (production && !started.demo && updatesApplyHere(process.platform, process.env)) {
      // Loaded only where it is used: electron-updater requires Electron's own modules as it loads.
      const { default: electronUpdater } = await import('electron-updater');
      const stopUpdater = startUpdater({ updater: electronUpdater.autoUpdater, centralUrl: started.enrollment.centralUrl, presence: core.presence, logger });
      app.once('will-quit', stopUpdater);
    }
    fleet = core.fleet;
    core.fleet.start();
    app.once('will-quit', () => core.fleet.stop());
    core.tokenRenewal.start();
    app.once('will-quit', () => core.tokenRenewal.stop());
  }
}
