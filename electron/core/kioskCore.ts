/**
 * The kiosk core as every host runs it: the contract's invoke handlers, wired to the central server through the
 * lookup service. Hosts (Electron IPC, the web host's HTTP bridge) hand requests to these through dispatchInvoke.
 */
import type { AppInfo } from '../../shared/contract/kiosk';
import { openCatalogueService, type CatalogueService } from './catalogue/catalogueService';
import { createCentralClient } from './centralClient';
import { openFeedbackModule, type FeedbackModule } from './feedback/feedbackModule';
import type { InvokeHandlers } from './dispatch';
import { createLookupService } from './lookupService';
import type { Logger, Redactor } from './logger';

/** Seconds without a touch before the kiosk forgets what it showed and goes home. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

export interface KioskCoreOptions {
  centralUrl: string;
  token: string;
  host: 'electron' | 'web';
  demo: boolean;
  idleTimeoutSeconds: number;
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
}

export interface KioskCore {
  handlers: InvokeHandlers;
  /** The host schedules its sync and forwards its status events to the renderer. */
  catalogue: CatalogueService;
  /** The host starts its delivery loop and closes it on the way out. */
  feedback: FeedbackModule;
}

export function createKioskCore(opts: KioskCoreOptions): KioskCore {
  const client = createCentralClient({ baseUrl: opts.centralUrl, token: opts.token, fetch: opts.fetch });
  const lookupService = createLookupService({ client, logger: opts.logger, redactor: opts.redactor });
  const catalogue = openCatalogueService({ dbPath: opts.catalogueDbPath, client, logger: opts.logger });
  const feedback = openFeedbackModule({ dbPath: opts.outboxDbPath, client, kioskId: opts.kioskId, logger: opts.logger, redactor: opts.redactor });
  const info: AppInfo = { version: opts.version, host: opts.host, demo: opts.demo, idleTimeoutSeconds: opts.idleTimeoutSeconds };
  return {
    handlers: {
      'dossier:lookup': (request) => lookupService.lookup(request.code),
      'app:info': async () => info,
      ...catalogue.handlers,
      ...feedback.handlers,
    },
    catalogue,
    feedback,
  };
}
