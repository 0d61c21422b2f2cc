/**
 * Self-healing of the kiosk window (style practice 12): a renderer that crashed, was killed or hangs is reloaded
 * after the backoff of recoveryPolicy.ts, and after repeated failures the fallback page is shown for a while
 * before the kiosk tries again, so that an unattended kiosk never stays on a white screen. A hang is turned into a
 * crash (`forcefullyCrashRenderer`), so both take the one path through `render-process-gone`. The main process's own
 * uncaught errors are logged instead of Electron's blocking error dialog; a burst of them exits the process, for
 * the OS supervisor (build/hcc-kiosk.service) to restart it.
 */
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../core/logger';
import { fallbackPageUrl } from './fallbackPage';
import { defaultRecoveryPolicy, nextRecoveryAction, recentFailures, type RecoveryPolicy } from './recoveryPolicy';

/** Chromium reports `unresponsive` after a few seconds of hang; this is how much longer a hang may last. */
export const HANG_GRACE_MS = 10_000;

export interface RecoveryOptions {
  window: BrowserWindow;
  /** The kiosk's own page, loaded again after a failure. */
  appUrl: string;
  logger: Logger;
  policy?: RecoveryPolicy;
  now?: () => number;
}

export function attachRendererRecovery({ window, appUrl, logger, policy = defaultRecoveryPolicy, now = Date.now }: RecoveryOptions): void {
  const contents = window.webContents;
  let failures: number[] = [];
  let pending: NodeJS.Timeout | undefined;
  let hang: NodeJS.Timeout | undefined;

  const load = (url: string) => {
    if (window.isDestroyed()) return;
    window.loadURL(url).catch((error: unknown) => {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'recovery could not load the page');
    });
  };
  const later = (delayMs: number, url: string) => {
    clearTimeout(pending);
    pending = setTimeout(() => load(url), delayMs);
  };

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    clearTimeout(hang);
    if (window.isDestroyed()) return;
    const time = now();
    failures = recentFailures([...failures, time], time, policy.windowMs);
    const action = nextRecoveryAction(failures, time, policy);
    logger.error({ reason: details.reason, exitCode: details.exitCode, recentFailures: failures.length, action }, 'the kiosk renderer is gone');
    if (action.kind === 'reload') {
      later(action.delayMs, appUrl);
    } else {
      load(fallbackPageUrl('RENDERER_FAILED'));
      later(action.retryInMs, appUrl);
    }
  });

  contents.on('unresponsive', () => {
    logger.warn('the kiosk renderer is not responding');
    clearTimeout(hang);
    hang = setTimeout(() => {
      logger.error({ hangGraceMs: HANG_GRACE_MS }, 'the kiosk renderer stayed unresponsive: restarting it');
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  contents.on('responsive', () => {
    if (hang === undefined) return;
    clearTimeout(hang);
    hang = undefined;
    logger.info('the kiosk renderer is responding again');
  });

  window.on('closed', () => {
    clearTimeout(pending);
    clearTimeout(hang);
  });
}

/** More uncaught main-process errors than this within the policy's window: exit and let the supervisor restart. */
export const MAX_MAIN_ERRORS = 5;

export function guardMainProcess({
  process: target,
  logger,
  exit,
  now = Date.now,
  windowMs = defaultRecoveryPolicy.windowMs,
}: {
  process: Pick<NodeJS.Process, 'on'>;
  logger: Logger;
  /** app.exit: quits without running handlers that may be what keeps failing. */
  exit: (code: number) => void;
  now?: () => number;
  windowMs?: number;
}): void {
  let errors: number[] = [];
  const record = (kind: string, error: unknown) => {
    const time = now();
    errors = recentFailures([...errors, time], time, windowMs);
    // The message and stack only: an error object's own fields could carry a request's data.
    const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
    logger.error({ kind, ...detail, recentErrors: errors.length }, 'uncaught error in the main process');
    if (errors.length > MAX_MAIN_ERRORS) {
      logger.fatal({ recentErrors: errors.length }, 'too many uncaught errors: exiting for the supervisor to restart the kiosk');
      logger.flush();
      exit(1);
    }
  };
  target.on('uncaughtException', (error) => record('exception', error));
  target.on('unhandledRejection', (reason) => record('rejection', reason));
}
