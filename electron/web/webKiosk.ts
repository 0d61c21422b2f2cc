/**
 * A complete kiosk on the web host: enrolment, logging to the data directory, the core and the HTTP server.
 * Shared by `npm run kiosk:web` and the demo started by `npm start`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScannerSettings, type ScannerMode } from '../../shared/contract/camera';
import { CATALOGUE_DB_FILE } from '../core/catalogue/catalogueDb';
import { type ConfigStore, saveRenewedToken } from '../core/config/configFile';
import type { KioskConfig } from '../core/config/kioskConfig';
import { EnrollmentError, loadHardwareId, loadLogSecret } from '../core/enrollment';
import { OUTBOX_DB_FILE } from '../core/feedback/outboxDb';
import { createKioskCore, type KioskCore } from '../core/kioskCore';
import { createRedactor, openFileLog } from '../core/logger';
import { technicianConfigFrom } from '../core/technician/configPort';
import { RESTART_EXIT_CODE, type HostControls } from '../core/technician/hostControls';
import { defaultMediaRoots } from '../core/technician/logExport';
import { plainSecretBox } from '../core/config/secretBox';
import { createSetupHandlers, setupModeHandlers, switchableHandlers } from '../core/setup/setupHandlers';
import { resolveStartupConfig } from '../core/setup/startupConfig';
import type { HostedCore } from './bridgeSocket';
import { startWebHost, type WebHost } from './webHost';

export const projectDir = fileURLToPath(new URL('../..', import.meta.url));
export const defaultRendererDir = join(projectDir, 'out', 'renderer');
/** The rotated log files (electron/core/logger.ts) live in this folder of the data directory. */
export const LOG_DIR = 'logs';

export interface WebKioskOptions {
  port: number;
  /** With enrollmentCode, enrolls (unless already enrolled there); absent: the stored configuration or the wizard. */
  centralUrl?: string;
  dataDir: string;
  enrollmentCode?: string;
  /** Overrides the configuration's idle timeout (tests, the demo). */
  idleTimeoutSeconds?: number;
  demo: boolean;
  rendererDir?: string;
  /** Minutes between catalogue syncs; default the configuration's. */
  catalogueSyncMinutes?: number;
  /** Overrides the configuration's scanner mode. */
  scannerMode?: ScannerMode;
  /** Seconds between heartbeats to the central server; default DEFAULT_HEARTBEAT_SECONDS. */
  heartbeatSeconds?: number;
  /** Technician mode's restart and exit; by default the process exits (RESTART_EXIT_CODE for a restart). */
  hostControls?: HostControls;
}

export class RendererMissingError extends Error {
  override readonly name = 'RendererMissingError';
}

/**
 * Starts the kiosk: with the stored configuration when there is one; enrolling first when `centralUrl` and
 * `enrollmentCode` are given (provisioning without the wizard); otherwise in setup mode, where the renderer shows
 * the wizard and the host switches to the full core once it completes. Throws EnrollmentError when the given
 * code cannot be used, RendererMissingError when the renderer is not built.
 */
export async function startWebKiosk(opts: WebKioskOptions): Promise<WebHost> {
  const rendererDir = opts.rendererDir ?? defaultRendererDir;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new RendererMissingError(`The renderer is not built (no index.html in ${rendererDir}); run npm run build`);
  }
  // The data directory holds the token: the kiosk's user only.
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const log = await openFileLog({ dir: join(opts.dataDir, LOG_DIR) });
  const { logger } = log;
  // The web host has no keychain: the token is sealed by the file's mode only.
  const configStore: ConfigStore = { dataDir: opts.dataDir, secretBox: plainSecretBox, logger };
  const hardwareId = loadHardwareId(opts.dataDir, 'web');
  const startup = await resolveStartupConfig({
    configStore,
    hardwareId,
    centralUrl: opts.centralUrl,
    enrollmentCode: opts.enrollmentCode,
    kioskName: opts.demo ? 'Demo web kiosk' : 'Web kiosk',
  }).catch((error: unknown) => {
    logger.error({ event: 'enrollment.failed', errorCode: error instanceof EnrollmentError ? error.code : 'INTERNAL' }, 'enrollment failed');
    throw error;
  });

  let running: RunningCore | null = startup.kind === 'run' ? startCore(startup.config) : null;
  const switchable = switchableHandlers(
    running?.core.handlers ??
      setupModeHandlers(
        createSetupHandlers({
          configStore,
          hardwareId,
          reason: startup.kind === 'setup' ? startup.reason : 'missing',
          onComplete: async (config) => {
            running = startCore(config);
            switchable.switchTo(running.core.handlers);
          },
        }),
      ),
  );
  const hosted: HostedCore = {
    handlers: switchable.handlers,
    get catalogue() {
      return running?.core.catalogue ?? null;
    },
  };
  if (startup.kind === 'setup') logger.warn({ event: 'setup.mode', reason: startup.reason }, 'no valid configuration: serving the setup wizard');

  const host = await startWebHost({ port: opts.port, core: hosted, rendererDir, logger });
  const close = async () => {
    await host.close();
    await running?.close();
  };
  // The supervisor (systemd unit, or a shell loop) restarts the process after RESTART_EXIT_CODE, not after 0.
  const stopAndExit = (code: number) => close().finally(() => process.exit(code));
  return { ...host, close };

  function startCore(config: KioskConfig): RunningCore {
    logger.info({ event: 'enrollment.ready', kioskId: config.kioskId }, 'kiosk enrolled');
    const core = createKioskCore({
      centralUrl: config.centralUrl,
      token: config.token,
      tokenExpiresAt: config.tokenExpiresAt,
      saveToken: (token, tokenExpiresAt) => saveRenewedToken(configStore, token, tokenExpiresAt),
      host: 'web',
      demo: opts.demo,
      idleTimeoutSeconds: opts.idleTimeoutSeconds ?? config.idleTimeoutSeconds,
      language: config.language,
      version: readAppVersion(),
      logger,
      redactor: createRedactor(loadLogSecret(opts.dataDir)),
      outboxDbPath: join(opts.dataDir, OUTBOX_DB_FILE),
      kioskId: config.kioskId,
      catalogueDbPath: join(opts.dataDir, CATALOGUE_DB_FILE),
      scanner: ScannerSettings.parse({ mode: opts.scannerMode ?? config.scannerMode, camera: config.camera }),
      heartbeatSeconds: opts.heartbeatSeconds,
      locationId: config.locationId,
      catalogueSyncMinutes: opts.catalogueSyncMinutes ?? config.catalogueSyncMinutes,
      technician: {
        config: technicianConfigFrom(configStore),
        controls: opts.hostControls ?? {
          restart: () => void stopAndExit(RESTART_EXIT_CODE),
          exitToDesktop: () => void stopAndExit(0),
        },
        logDir: log.dir,
        recentErrors: log.recentErrors,
        mediaRoots: defaultMediaRoots(),
        dataDir: opts.dataDir,
      },
    });
    core.feedback.delivery.start();
    const stopCatalogueSync = core.startCatalogueSync();
    core.fleet.start();
    core.tokenRenewal.start();
    return {
      core,
      close: async () => {
        core.tokenRenewal.stop();
        core.fleet.stop();
        await core.feedback.close();
        stopCatalogueSync();
        await core.catalogue.close();
      },
    };
  }
}

interface RunningCore {
  core: KioskCore;
  close(): Promise<void>;
}

function readAppVersion(): string {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
