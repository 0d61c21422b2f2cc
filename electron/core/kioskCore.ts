/**
 * The kiosk core as every host runs it: the contract's invoke handlers, wired to the central server through the
 * lookup service. Hosts (Electron IPC, the web host's bridge socket) hand requests to these through dispatchInvoke.
 */
import { defaultScannerSettings, type ScannerSettings } from '../../shared/contract/camera';
import type { AppInfo } from '../../shared/contract/kiosk';
import { DEFAULT_SYNC_INTERVAL_MINUTES, openCatalogueService, type CatalogueService } from './catalogue/catalogueService';
import { createCentralClient } from './centralClient';
import { openFeedbackModule, type FeedbackModule } from './feedback/feedbackModule';
import type { InvokeHandlers } from './dispatch';
import { createLookupService } from './lookupService';
import { createPresenceTracker, type PresenceTracker } from './presence';
import { createLiveSettings } from './liveSettings';
import { provisionedSetupHandlers } from './setup/setupHandlers';
import type { Logger, Redactor } from './logger';
import { buildHeartbeat, devicesAsReported } from './fleet/heartbeatPayload';
import { createHeartbeatLoop, DEFAULT_HEARTBEAT_SECONDS, type HeartbeatLoop } from './fleet/heartbeatLoop';
import { createTechnicianModule, type TechnicianHostPorts } from './technician/technicianModule';
import { createTokenRenewal, type KioskCredentials, type TokenRenewal } from './tokenRenewal';

/** Seconds without a touch before the kiosk forgets what it showed and goes home. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

export interface KioskCoreOptions {
  centralUrl: string;
  token: string;
  /** When the token expires (the configuration's); undefined: unknown, renewed at once to learn it. */
  tokenExpiresAt?: string | null;
  /** Saves a renewed token to the kiosk configuration (saveRenewedToken); absent in demo mode. */
  saveToken?: (token: string, tokenExpiresAt: string | null) => void;
  host: 'electron' | 'web';
  demo: boolean;
  idleTimeoutSeconds: number;
  /** The language each visit starts in (the kiosk config's); Vietnamese unless set up otherwise. */
  language?: AppInfo['language'];
  version: string;
  logger: Logger;
  redactor: Redactor;
  fetch?: typeof fetch;
  /** The procedure catalogue cache's SQLite file (catalogue.db in the host's data directory). */
  catalogueDbPath: string;
  /** The ratings outbox's SQLite file (outbox.db in the host's data directory): durable, unlike the catalogue. */
  outboxDbPath: string;
  /** The enrolled kiosk's id, sent with each rating. */
  kioskId: string;
  /** Scanner mode and camera settings from the kiosk configuration; the defaults (USB scanner only) when absent. */
  scanner?: ScannerSettings;
  /** Technician mode's ports into the host: configuration, restart and exit, the log (technician/technicianModule.ts). */
  technician: TechnicianHostPorts;
  /** Seconds between heartbeats to the central server; default DEFAULT_HEARTBEAT_SECONDS. */
  heartbeatSeconds?: number;
  /** The catalogue location the kiosk stands at, for the fleet view. */
  locationId?: string | null;
  /** Minutes between catalogue syncs; default DEFAULT_SYNC_INTERVAL_MINUTES. */
  catalogueSyncMinutes?: number;
}

export interface KioskCore {
  handlers: InvokeHandlers;
  /** The host schedules its sync and forwards its status events to the renderer. */
  catalogue: CatalogueService;
  /** The host starts its delivery loop and closes it on the way out. */
  feedback: FeedbackModule;
  /** The host starts the heartbeat once the kiosk is up, stops it on the way out, and reports device health to it. */
  fleet: HeartbeatLoop;
  /** Whether the renderer sits idle at home: the Electron host's updater installs only then. */
  presence: PresenceTracker;
  /** The host starts the token's renewal schedule once the kiosk is up and stops it on the way out. */
  tokenRenewal: TokenRenewal;
  /** Starts the catalogue's sync schedule at the running interval (liveSettings.ts), restarted when a technician changes it. */
  startCatalogueSync(): () => void;
}

export function createKioskCore(opts: KioskCoreOptions): KioskCore {
  const credentials: KioskCredentials = { token: opts.token, tokenExpiresAt: opts.tokenExpiresAt };
  // Read on every request: a renewed token is used from the next one on.
  const client = createCentralClient({ baseUrl: opts.centralUrl, token: () => credentials.token, fetch: opts.fetch });
  const tokenRenewal = createTokenRenewal({ client, kioskId: opts.kioskId, credentials, save: opts.saveToken, logger: opts.logger });
  const lookupService = createLookupService({ client, logger: opts.logger, redactor: opts.redactor });
  const catalogue = openCatalogueService({ dbPath: opts.catalogueDbPath, client, logger: opts.logger });
  const feedback = openFeedbackModule({ dbPath: opts.outboxDbPath, client, kioskId: opts.kioskId, logger: opts.logger, redactor: opts.redactor });
  const presence = createPresenceTracker();
  const settings = createLiveSettings({
    idleTimeoutSeconds: opts.idleTimeoutSeconds,
    language: opts.language ?? 'vi',
    scanner: opts.scanner ?? defaultScannerSettings,
    catalogueSyncMinutes: opts.catalogueSyncMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES,
  });
  const info = (): AppInfo => {
    const { idleTimeoutSeconds, language } = settings.current();
    return { version: opts.version, host: opts.host, demo: opts.demo, idleTimeoutSeconds, language };
  };
  const technician = createTechnicianModule({
    ...opts.technician,
    config: {
      ...opts.technician.config,
      // Saved to the configuration file first, so a change that cannot be saved changes nothing.
      updateSettings(change) {
        const saved = opts.technician.config.updateSettings(change);
        settings.apply(change);
        return saved;
      },
    },
    kioskId: opts.kioskId,
    centralUrl: opts.centralUrl,
    version: opts.version,
    host: opts.host,
    client,
    catalogue,
    outbox: feedback.outbox,
    devices: () => devicesAsReported(settings.current().scanner.mode, fleet.devices()),
    logger: opts.logger,
  });
  const heartbeatMs = (opts.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS) * 1000;
  // Each heartbeat reports the errors logged since the one before, so one bad hour does not mark a kiosk for good.
  let errorsReported = 0;
  const errorsSinceLastHeartbeat = () => {
    const { count } = opts.technician.recentErrors.snapshot();
    const recent = count - errorsReported;
    errorsReported = count;
    return recent;
  };
  const fleet = createHeartbeatLoop({
    client,
    kioskId: opts.kioskId,
    intervalMs: heartbeatMs,
    logger: opts.logger,
    gather: (devices) =>
      buildHeartbeat({
        version: opts.version,
        uptimeSeconds: process.uptime(),
        lastSyncAt: catalogue.status().lastSyncAt,
        scannerMode: settings.current().scanner.mode,
        devices,
        recentErrors: errorsSinceLastHeartbeat(),
        outboxPending: feedback.outbox.counts().pending,
        locationId: opts.locationId ?? null,
        intervalMs: heartbeatMs,
        now: new Date(),
      }),
  });
  return {
    handlers: {
      'dossier:lookup': (request) => lookupService.lookup(request.code),
      'app:info': async () => info(),
      'scanner:settings': async () => settings.current().scanner,
      // The devices only the page sees (shared/contract/device.ts), for the next heartbeat.
      'device:health': async ({ device, health }) => {
        fleet.reportDevice(device, health);
        return {};
      },
      ...catalogue.handlers,
      ...feedback.handlers,
      ...technician,
      ...provisionedSetupHandlers,
      ...presence.handlers,
    },
    catalogue,
    feedback,
    fleet,
    presence,
    tokenRenewal,
    startCatalogueSync() {
      let stopSchedule = catalogue.startSchedule(settings.current().catalogueSyncMinutes);
      const unsubscribe = settings.onChange((next, previous) => {
        if (next.catalogueSyncMinutes === previous.catalogueSyncMinutes) return;
        stopSchedule();
        stopSchedule = catalogue.startSchedule(next.catalogueSyncMinutes);
      });
      return () => {
        unsubscribe();
        stopSchedule();
      };
    },
  };
}
