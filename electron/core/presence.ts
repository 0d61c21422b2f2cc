/**
 * The renderer's latest presence report (shared/contract/presence.ts), kept by the core for whichever host acts on
 * it: the Electron host's updater installs only while the kiosk is idle at home. Until the renderer reports, the
 * kiosk counts as in use.
 */
import type { AppPresence } from '../../shared/contract/presence';
import type { InvokeHandlers } from './dispatch';

export interface PresenceTracker {
  idleAtHome(): boolean;
  /** Called on every change; returns the unsubscribe function. */
  onChange(listener: (idleAtHome: boolean) => void): () => void;
  handlers: Pick<InvokeHandlers, 'app:presence'>;
}

export function createPresenceTracker(): PresenceTracker {
  let idleAtHome = false;
  const listeners = new Set<(idleAtHome: boolean) => void>();
  const report = (presence: AppPresence) => {
    if (presence.idleAtHome === idleAtHome) return;
    idleAtHome = presence.idleAtHome;
    for (const listener of listeners) listener(idleAtHome);
  };
  return {
    idleAtHome: () => idleAtHome,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handlers: {
      'app:presence': async (request) => {
        report(request);
        return {};
      },
    },
  };
}
