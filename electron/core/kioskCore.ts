/**
 * The kiosk core as every host runs it: the contract's invoke handlers, wired to the central server through the
 * lookup service. Hosts (Electron IPC, the web host's HTTP bridge) hand requests to these through dispatchInvoke.
 */
import type { AppInfo } from '../../shared/contract/kiosk';
import { createCentralClient } from './centralClient';
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
}

export interface KioskCore {
  handlers: InvokeHandlers;
}

export function createKioskCore(opts: KioskCoreOptions): KioskCore {
  const client = createCentralClient({ baseUrl: opts.centralUrl, token: opts.token, fetch: opts.fetch });
  const lookupService = createLookupService({ client, logger: opts.logger, redactor: opts.redactor });
  const info: AppInfo = { version: opts.version, host: opts.host, demo: opts.demo, idleTimeoutSeconds: opts.idleTimeoutSeconds };
  return {
    handlers: {
      'dossier:lookup': (request) => lookupService.lookup(request.code),
      'app:info': async () => info,
    },
  };
}
