/**
 * Technician mode in the core: the PIN check with its lockout, the unlocked session, and the handlers of the
 * 'technician:*' channels. The renderer's screen is a convenience: every rule is enforced here, so a page that
 * calls the bridge directly gets no further than the PIN pad does.
 */
import { statfs } from 'node:fs/promises';
import type { Diagnostics, TechnicianResult, TechnicianSettings, UnlockReply } from '../../../shared/contract/technician';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { CentralClient } from '../centralClient';
import type { InvokeHandlers } from '../dispatch';
import type { OutboxStore } from '../feedback/outboxStore';
import type { Logger, RecentErrors } from '../logger';
import type { HostControls } from './hostControls';
import { exportLogsTo, listUsbTargets, tailLog } from './logExport';
import { afterRightPin, afterWrongPin, attemptsLeft, defaultLockoutPolicy, lockedUntil, type LockoutPolicy } from './lockoutPolicy';
import { createLockoutStore } from './lockoutStore';
import { verifyPin } from './pin';

export type TechnicianChannel = Extract<keyof InvokeHandlers, `technician:${string}`>;
export type TechnicianHandlers = Pick<InvokeHandlers, TechnicianChannel>;

/** The kiosk configuration as technician mode reads and changes it (the host adapts electron/core/config). */
export interface TechnicianConfig {
  /** hashPin's output, or null when no PIN was set. Read at every attempt: a PIN changed by the CLI counts at once. */
  pinHash(): string | null;
  settings(): TechnicianSettings;
  updateSettings(change: Partial<TechnicianSettings>): TechnicianSettings;
  /** Forgets the enrolment, so that the next start opens the setup wizard. */
  clearEnrollment(): void;
}

/** What the host gives technician mode. */
export interface TechnicianHostPorts {
  config: TechnicianConfig;
  controls: HostControls;
  /** Where the rotated log files are; null when the host logs elsewhere (nothing to export). */
  logDir: string | null;
  recentErrors: RecentErrors;
  /** Mount roots searched for USB drives (logExport.defaultMediaRoots()). */
  mediaRoots: readonly string[];
  /** The host's data directory: the lockout state lives there, and its disk's free space is shown. */
  dataDir: string;
}

export interface TechnicianModuleOptions extends TechnicianHostPorts {
  kioskId: string;
  centralUrl: string;
  version: string;
  host: 'electron' | 'web';
  client: Pick<CentralClient, 'health'>;
  catalogue: Pick<CatalogueService, 'status'>;
  outbox: Pick<OutboxStore, 'counts'>;
  /** The devices' health as the next heartbeat will report it (fleet/heartbeatPayload.ts devicesAsReported). */
  devices: () => Diagnostics['devices'];
  /** Whether the host's voice can speak (speech/hostSpeaker.ts probe). */
  voice: () => Promise<Diagnostics['voice']>;
  logger: Logger;
  now?: () => number;
  policy?: LockoutPolicy;
  /** Without a technician call for this long the session ends. Default 5 minutes. */
  sessionMs?: number;
  /** Between the reply to restart/exit and doing it, so the screen can say so. */
  controlDelayMs?: number;
}

export const DEFAULT_TECHNICIAN_SESSION_MS = 5 * 60_000;

export function createTechnicianModule(opts: TechnicianModuleOptions): TechnicianHandlers {
  const now = opts.now ?? Date.now;
  const policy = opts.policy ?? defaultLockoutPolicy;
  const sessionMs = opts.sessionMs ?? DEFAULT_TECHNICIAN_SESSION_MS;
  const lockout = createLockoutStore(opts.dataDir);
  const { logger } = opts;
  let sessionExpiresAt = 0;
  // PIN checks run one at a time: parallel guesses must not all see the same count of failures.
  let pinQueue: Promise<unknown> = Promise.resolve();

  async function checkPin(pin: string): Promise<UnlockReply> {
    const state = lockout.read();
    const until = lockedUntil(state, now());
    if (until !== null) return { result: 'locked', until: new Date(until).toISOString() };
    const stored = opts.config.pinHash();
    if (stored === null) return { result: 'notSet' };
    if (await verifyPin(pin, stored)) {
      lockout.write(afterRightPin());
      sessionExpiresAt = now() + sessionMs;
      logger.info({ event: 'technician.unlocked' }, 'technician mode unlocked');
      return { result: 'ok', expiresAt: new Date(sessionExpiresAt).toISOString() };
    }
    const next = afterWrongPin(state, now(), policy);
    lockout.write(next);
    if (next.lockedUntil !== null) {
      logger.warn({ event: 'technician.locked_out', lockouts: next.lockouts }, 'technician PIN locked after repeated wrong PINs');
      return { result: 'locked', until: new Date(next.lockedUntil).toISOString() };
    }
    logger.warn({ event: 'technician.wrong_pin', attemptsLeft: attemptsLeft(next, policy) }, 'wrong technician PIN');
    return { result: 'wrong', attemptsLeft: attemptsLeft(next, policy) };
  }

  /** Runs a technician action inside an unlocked session, which it extends. */
  async function inSession<T>(action: string, work: () => Promise<T>): Promise<TechnicianResult<T>> {
    if (now() >= sessionExpiresAt) return { ok: false, error: { code: 'SESSION_REQUIRED', message: 'Technician mode is locked' } };
    sessionExpiresAt = now() + sessionMs;
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      logger.error({ event: 'technician.action_failed', action, errorName: failure.name, errorCode: (failure as NodeJS.ErrnoException).code }, 'technician action failed');
      const code = failure instanceof NoMediaError ? 'NO_MEDIA' : 'FAILED';
      return { ok: false, error: { code, message: failure.message } };
    }
  }

  const later = (control: () => void) => setTimeout(control, opts.controlDelayMs ?? 300);

  async function diagnostics(): Promise<Diagnostics> {
    const started = performance.now();
    const health = await opts.client.health().then(
      (reply) => ({ reachable: true, latencyMs: Math.round(performance.now() - started), serverVersion: reply.version }),
      () => ({ reachable: false, latencyMs: null, serverVersion: null }),
    );
    const catalogue = opts.catalogue.status();
    const disk = await statfs(opts.dataDir).then(
      (space) => ({ freeBytes: space.bavail * space.bsize, totalBytes: space.blocks * space.bsize }),
      () => null,
    );
    return {
      version: opts.version,
      host: opts.host,
      uptimeSeconds: Math.round(process.uptime()),
      kioskId: opts.kioskId,
      server: { url: opts.centralUrl, ...health },
      catalogue: { lastSyncAt: catalogue.lastSyncAt, online: catalogue.online, counts: catalogue.counts },
      disk,
      outboxPending: opts.outbox.counts().pending,
      errors: opts.recentErrors.snapshot(),
      devices: opts.devices(),
      voice: await opts.voice(),
    };
  }

  return {
    'technician:unlock': (request) => {
      const reply = pinQueue.then(() => checkPin(request.pin));
      pinQueue = reply.catch(() => undefined);
      return reply;
    },
    'technician:lock': async () => {
      sessionExpiresAt = 0;
      return { locked: true };
    },
    'technician:diagnostics': () => inSession('diagnostics', diagnostics),
    'technician:usbTargets': () => inSession('usbTargets', () => listUsbTargets(opts.mediaRoots)),
    'technician:exportLogs': (request) =>
      inSession('exportLogs', async () => {
        // Only a drive we listed ourselves: the renderer names one, it does not choose a path.
        const targets = await listUsbTargets(opts.mediaRoots);
        if (!targets.some((target) => target.path === request.target)) throw new NoMediaError('The USB drive is not mounted');
        if (opts.logDir === null) throw new Error('This kiosk writes no log files');
        const exported = await exportLogsTo(request.target, opts.logDir, `${opts.kioskId}-${new Date(now()).toISOString()}`);
        logger.info({ event: 'technician.logs_exported', files: exported.files.length }, 'logs exported to a USB drive');
        return exported;
      }),
    'technician:logTail': (request) => inSession('logTail', async () => (opts.logDir === null ? [] : tailLog(opts.logDir, request.lines))),
    'technician:settings': () => inSession('settings', async () => opts.config.settings()),
    'technician:updateSettings': (request) =>
      inSession('updateSettings', async () => {
        const settings = opts.config.updateSettings(request);
        logger.info({ event: 'technician.settings_changed', fields: Object.keys(request) }, 'settings changed by a technician');
        return settings;
      }),
    'technician:reenroll': () =>
      inSession('reenroll', async () => {
        opts.config.clearEnrollment();
        logger.warn({ event: 'technician.reenroll' }, 'enrolment cleared by a technician; restarting into the setup wizard');
        later(() => opts.controls.restart());
        return { restarting: true as const };
      }),
    'technician:restart': () =>
      inSession('restart', async () => {
        logger.info({ event: 'technician.restart' }, 'restart requested by a technician');
        later(() => opts.controls.restart());
        return { restarting: true as const };
      }),
    'technician:exitToDesktop': () =>
      inSession('exitToDesktop', async () => {
        logger.info({ event: 'technician.exit' }, 'exit to the desktop requested by a technician');
        later(() => opts.controls.exitToDesktop());
        return { exiting: true as const };
      }),
  };
}

class NoMediaError extends Error {
  override readonly name = 'NoMediaError';
}
