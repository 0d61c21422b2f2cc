/**
 * The sandboxed preload: `window.kiosk` is exactly the contract's KioskApi (style practice 3, security checklist
 * B1 item 20). One function per operation, each bound to its contract channel; the renderer never sees
 * ipcRenderer or an IPC event object. Bundled to CommonJS with nothing but 'electron' left to require.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { z } from 'zod';
import type { EventPayload, InvokeChannel, InvokeResponse, KioskApi, invokeChannels } from '../../shared/contract/kiosk';
import { kioskErrorFromRefusal } from '../main/ipcRefusal';

/** What the renderer may send: defaults (a search's limit, filters) are filled in by the main process's schema. */
type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;

function invoke<C extends InvokeChannel>(channel: C, request: InvokeInput<C>): Promise<InvokeResponse<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<InvokeResponse<C>>;
}

const kiosk: KioskApi = {
  dossier: {
    // A refused lookup is still a Result, so the renderer shows an error screen rather than handling a rejection.
    lookup: (request) =>
      invoke('dossier:lookup', request).catch((rejection: unknown) => ({ ok: false as const, error: kioskErrorFromRefusal(rejection) })),
  },
  technician: {
    unlock: (request) => invoke('technician:unlock', request),
    lock: () => invoke('technician:lock', {}),
    diagnostics: () => invoke('technician:diagnostics', {}),
    usbTargets: () => invoke('technician:usbTargets', {}),
    exportLogs: (request) => invoke('technician:exportLogs', request),
    logTail: (request) => invoke('technician:logTail', request),
    settings: () => invoke('technician:settings', {}),
    updateSettings: (request) => invoke('technician:updateSettings', request),
    reenroll: () => invoke('technician:reenroll', {}),
    restart: () => invoke('technician:restart', {}),
    exitToDesktop: () => invoke('technician:exitToDesktop', {}),
  },
  app: {
    info: () => invoke('app:info', {}),
    presence: (request) => invoke('app:presence', request).then(() => undefined),
  },
  device: {
    health: (request) => invoke('device:health', request).then(() => undefined),
  },
  speech: {
    // A refused call is a failed utterance, not a rejection: the screen says it could not read aloud.
    synthesize: (request) => invoke('speech:synthesize', request).catch(() => ({ ok: false as const, reason: 'failed' as const })),
  },
  feedback: {
    // Like a lookup, a refused submit is still a Result: the rating screen shows the error.
    submit: (request) =>
      invoke('feedback:submit', request).catch((rejection: unknown) => ({ ok: false as const, error: kioskErrorFromRefusal(rejection) })),
  },
  stats: {
    onTime: (request) => invoke('stats:onTime', request),
  },
  catalogue: {
    search: (request) => invoke('catalogue:search', request),
    facets: (request) => invoke('catalogue:facets', request),
    procedure: (request) =>
      invoke('catalogue:procedure', request).catch((rejection: unknown) => ({ ok: false as const, error: kioskErrorFromRefusal(rejection) })),
    status: () => invoke('catalogue:status', {}),
    syncNow: () => invoke('catalogue:syncNow', {}),
    reportSearchGap: (request) => invoke('catalogue:reportSearchGap', request).then(() => undefined),
    onStatus(listener) {
      const forward = (_event: IpcRendererEvent, payload: EventPayload<'catalogue:status'>) => listener(payload);
      ipcRenderer.on('catalogue:status', forward);
      return () => {
        ipcRenderer.removeListener('catalogue:status', forward);
      };
    },
  },
  scanner: {
    onScan(listener) {
      const forward = (_event: IpcRendererEvent, payload: EventPayload<'scanner:scan'>) => listener(payload);
      ipcRenderer.on('scanner:scan', forward);
      return () => {
        ipcRenderer.removeListener('scanner:scan', forward);
      };
    },
    settings: () => invoke('scanner:settings', {}),
  },
  setup: {
    state: () => invoke('setup:state', {}),
    checkServer: (request) => invoke('setup:checkServer', request),
    locations: (request) => invoke('setup:locations', request),
    enroll: (request) => invoke('setup:enroll', request),
    complete: (request) => invoke('setup:complete', request),
    onProvisioningScan(listener) {
      const forward = (_event: IpcRendererEvent, payload: EventPayload<'setup:provisioningScan'>) => listener(payload);
      ipcRenderer.on('setup:provisioningScan', forward);
      return () => {
        ipcRenderer.removeListener('setup:provisioningScan', forward);
      };
    },
  },
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
