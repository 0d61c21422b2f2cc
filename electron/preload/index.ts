/**
 * The sandboxed preload: `window.kiosk` is exactly the contract's KioskApi (style practice 3, security checklist
 * B1 item 20). One function per operation, each bound to its contract channel; the renderer never sees
 * ipcRenderer or an IPC event object. Bundled to CommonJS with nothing but 'electron' left to require.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventPayload, InvokeChannel, InvokeRequest, InvokeResponse, KioskApi } from '../../shared/contract/kiosk';
import { kioskErrorFromRefusal } from '../main/ipcRefusal';

function invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<InvokeResponse<C>>;
}

const kiosk: KioskApi = {
  dossier: {
    // A refused lookup is still a Result, so the renderer shows an error screen rather than handling a rejection.
    lookup: (request) =>
      invoke('dossier:lookup', request).catch((rejection: unknown) => ({ ok: false as const, error: kioskErrorFromRefusal(rejection) })),
  },
  app: {
    info: () => invoke('app:info', {}),
  },
  scanner: {
    onScan(listener) {
      const forward = (_event: IpcRendererEvent, payload: EventPayload<'scanner:scan'>) => listener(payload);
      ipcRenderer.on('scanner:scan', forward);
      return () => {
        ipcRenderer.removeListener('scanner:scan', forward);
      };
    },
  },
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
