/**
 * A complete kiosk on the web host: enrolment, logging to the data directory, the core and the HTTP server.
 * Shared by `npm run kiosk:web` and the demo started by `npm start`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_DB_FILE } from '../core/catalogue/catalogueDb';
import { EnrollmentError, ensureEnrolled, loadHardwareId, loadLogSecret } from '../core/enrollment';
import { OUTBOX_DB_FILE } from '../core/feedback/outboxDb';
import { createKioskCore } from '../core/kioskCore';
import { createLogger, createRedactor } from '../core/logger';
import { startWebHost, type WebHost } from './webHost';

export const projectDir = fileURLToPath(new URL('../..', import.meta.url));
export const defaultRendererDir = join(projectDir, 'out', 'renderer');
export const LOG_FILE = 'kiosk.log';

export interface WebKioskOptions {
  port: number;
  centralUrl: string;
  dataDir: string;
  enrollmentCode?: string;
  idleTimeoutSeconds: number;
  demo: boolean;
  rendererDir?: string;
  /** Minutes between catalogue syncs; default DEFAULT_SYNC_INTERVAL_MINUTES. */
  catalogueSyncMinutes?: number;
}

export class RendererMissingError extends Error {
  override readonly name = 'RendererMissingError';
}

/** Throws EnrollmentError when the kiosk cannot be enrolled, RendererMissingError when the renderer is not built. */
export async function startWebKiosk(opts: WebKioskOptions): Promise<WebHost> {
  const rendererDir = opts.rendererDir ?? defaultRendererDir;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new RendererMissingError(`The renderer is not built (no index.html in ${rendererDir}); run npm run build`);
  }
  // The data directory holds the token: the kiosk's user only.
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const logger = createLogger({ file: join(opts.dataDir, LOG_FILE) });
  const enrollment = await ensureEnrolled({
    dataDir: opts.dataDir,
    centralUrl: opts.centralUrl,
    enrollmentCode: opts.enrollmentCode,
    hardwareId: loadHardwareId(opts.dataDir, 'web'),
    name: opts.demo ? 'Demo web kiosk' : 'Web kiosk',
  }).catch((error: unknown) => {
    logger.error({ event: 'enrollment.failed', errorCode: error instanceof EnrollmentError ? error.code : 'INTERNAL' }, 'enrollment failed');
    throw error;
  });
  logger.info({ event: 'enrollment.ready', kioskId: enrollment.kioskId }, 'kiosk enrolled');
  const core = createKioskCore({
    centralUrl: enrollment.centralUrl,
    token: enrollment.token,
    host: 'web',
    demo: opts.demo,
    idleTimeoutSeconds: opts.idleTimeoutSeconds,
    version: readAppVersion(),
    logger,
    redactor: createRedactor(loadLogSecret(opts.dataDir)),
    outboxDbPath: join(opts.dataDir, OUTBOX_DB_FILE),
    kioskId: enrollment.kioskId,
    catalogueDbPath: join(opts.dataDir, CATALOGUE_DB_FILE),
  });
  const host = await startWebHost({ port: opts.port, core, rendererDir, logger });
  core.feedback.delivery.start();
  const stopCatalogueSync = core.catalogue.startSchedule(opts.catalogueSyncMinutes);
  return {
    ...host,
    close: async () => {
      await host.close();
      await core.feedback.close();
      stopCatalogueSync();
      await core.catalogue.close();
    },
  };
}

function readAppVersion(): string {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
