/**
 * Updates from the central server the kiosk is enrolled with (electron-updater, generic provider: the server
 * serves latest.yml and the installers under /updates/). Checks at start and periodically, downloads in the
 * background, and installs only when updatePolicy.ts says the kiosk is idle at home. The installer restarts the app.
 */
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { Logger } from '../core/logger';
import type { PresenceTracker } from '../core/presence';
import { decideUpdate, INSTALL_AFTER_IDLE_MS } from './updatePolicy';

export const UPDATE_CHECK_INTERVAL_MS = 60 * 60_000;

/** The central server's update directory: `<central>/updates/`, whatever path the central URL has. */
export function updateFeedUrl(centralUrl: string): string {
  return new URL('updates/', centralUrl.endsWith('/') ? centralUrl : `${centralUrl}/`).toString();
}

export interface UpdaterOptions {
  updater: AppUpdater;
  centralUrl: string;
  presence: Pick<PresenceTracker, 'idleAtHome' | 'onChange'>;
  logger: Logger;
  now?: () => number;
  checkIntervalMs?: number;
  installAfterIdleMs?: number;
}

/** Starts checking; returns the function that stops it (on quit). */
export function startUpdater({
  updater,
  centralUrl,
  presence,
  logger,
  now = Date.now,
  checkIntervalMs = UPDATE_CHECK_INTERVAL_MS,
  installAfterIdleMs = INSTALL_AFTER_IDLE_MS,
}: UpdaterOptions): () => void {
  const log = logger.child({ component: 'updater' });
  updater.logger = {
    info: (message?: unknown) => log.info(String(message)),
    warn: (message?: unknown) => log.warn(String(message)),
    error: (message?: unknown) => log.error(String(message)),
    debug: (message: string) => log.debug(message),
  };
  updater.autoDownload = true;
  // Installing on an ordinary quit (a technician's restart, the supervisor) would skip the idle check.
  updater.autoInstallOnAppQuit = false;
  updater.setFeedURL({ provider: 'generic', url: updateFeedUrl(centralUrl) });

  let downloadedVersion: string | null = null;
  let idleAtHomeSince: number | null = presence.idleAtHome() ? now() : null;
  let recheck: NodeJS.Timeout | undefined;
  let installing = false;

  const decide = () => {
    clearTimeout(recheck);
    const decision = decideUpdate({ downloadedVersion, idleAtHomeSince, now: now() }, installAfterIdleMs);
    if (decision.kind === 'waitIdle') recheck = setTimeout(decide, decision.ms);
    if (decision.kind !== 'install' || installing) return;
    installing = true;
    log.info({ version: decision.version }, 'installing the update while the kiosk is idle at home');
    // Silent install, and the app starts again afterwards.
    updater.quitAndInstall(true, true);
  };

  const onDownloaded = (info: UpdateInfo) => {
    downloadedVersion = info.version;
    log.info({ version: info.version }, 'update downloaded; it installs when the kiosk is idle at home');
    decide();
  };
  const onError = (error: Error) => log.warn({ error: error.message }, 'update check or download failed');
  updater.on('update-downloaded', onDownloaded);
  updater.on('error', onError);
  const unsubscribe = presence.onChange((idle) => {
    idleAtHomeSince = idle ? now() : null;
    decide();
  });

  const check = () => {
    // Failures are reported through 'error' as well; the promise's rejection is only kept from going unhandled.
    updater.checkForUpdates().catch(() => undefined);
  };
  check();
  const interval = setInterval(check, checkIntervalMs);

  return () => {
    clearInterval(interval);
    clearTimeout(recheck);
    unsubscribe();
    updater.off('update-downloaded', onDownloaded);
    updater.off('error', onError);
  };
}
