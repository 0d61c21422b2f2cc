import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerInvokeHandlers } from '../../electron/main/ipc';
import {
  eventChannels,
  invokeChannels,
  type CatalogueSearchRequest,
  type KioskApi,
  type LookupRequest,
  type ScanEvent,
} from '../../shared/contract/kiosk';
import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from './fakeElectron';
import { fakeTechnicianHandlers } from './technicianFakes';
import { fakeCatalogueHandlers, fakeCatalogueStatus } from './catalogueFakes';
import { memoryLogger } from './memoryLogger';
import { defaultScannerSettings } from '../../shared/contract/camera';
import { provisionedSetupHandlers } from '../../electron/core/setup/setupHandlers';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

let exposedNames: string[];
let kiosk: KioskApi;
let lookups: LookupRequest[];
let searches: CatalogueSearchRequest[];

// The preload runs once, as in a page.
beforeAll(async () => {
  await import('../../electron/preload/index');
  exposedNames = [...contextBridge.exposed.keys()];
  kiosk = contextBridge.exposed.get('kiosk') as KioskApi;
});

beforeEach(() => {
  resetFakeElectron();
  lookups = [];
  searches = [];
  registerInvokeHandlers({
    ipcMain,
    appOrigin: 'app://kiosk',
    logger: memoryLogger().logger,
    handlers: {
      'dossier:lookup': async (request) => {
        lookups.push(request);
        return { ok: false, error: { code: 'NOT_FOUND', message: 'Dossier not found' } };
      },
      'app:info': async () => ({ version: '0.1.0', host: 'electron', demo: false, idleTimeoutSeconds: 60, language: 'vi' }),
      'app:presence': async () => ({}),
      'device:health': async () => ({}),
      'feedback:submit': async () => ({ ok: true, value: { recorded: true } }),
      'stats:onTime': async () => ({ board: null, fetchedAt: null, stale: true }),
      'scanner:settings': async () => defaultScannerSettings,
      'speech:synthesize': async () => ({ ok: false, reason: 'missing' }),
      'catalogue:reportSearchGap': async () => ({}),
      ...fakeCatalogueHandlers(searches),
      ...fakeTechnicianHandlers(),
      ...provisionedSetupHandlers,
    },
  });
});

/** `dossier:lookup` → dossier.lookup; an event channel `scanner:scan` → scanner.onScan, `catalogue:status` → catalogue.onStatus. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  const add = (namespace: string, operation: string) => (shape[namespace] ??= []).push(operation);
  for (const channel of Object.keys(invokeChannels)) {
    const [namespace = '', operation = ''] = channel.split(':');
    add(namespace, operation);
  }
  for (const channel of Object.keys(eventChannels)) {
    const [namespace = '', event = ''] = channel.split(':');
    add(namespace, `on${event.charAt(0).toUpperCase()}${event.slice(1)}`);
  }
  for (const operations of Object.values(shape)) operations.sort();
  return shape;
}

describe('the preload', () => {
  it('exposes only window.kiosk, with exactly the contract operations as functions', () => {
    expect(exposedNames).toEqual(['kiosk']);
    const shape = Object.fromEntries(
      Object.entries(kiosk).map(([namespace, operations]) => [namespace, Object.keys(operations as object).sort()]),
    );
    expect(shape).toEqual(expectedShape());
    for (const operations of Object.values(kiosk)) {
      for (const operation of Object.values(operations as Record<string, unknown>)) expect(typeof operation).toBe('function');
    }
  });

  it('sends a lookup on its contract channel with the request only', async () => {
    await expect(kiosk.dossier.lookup({ code: 'ABC-123' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Dossier not found' },
    });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'dossier:lookup', args: [{ code: 'ABC-123' }] }]);
    expect(lookups).toEqual([{ code: 'ABC-123' }]);
  });

  it('turns a refused lookup into a BAD_REQUEST result rather than a rejection', async () => {
    const result = await kiosk.dossier.lookup({ code: 42 } as unknown as LookupRequest);
    expect(result).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    expect(lookups).toEqual([]);
  });

  it('asks for app info with an empty request', async () => {
    await expect(kiosk.app.info()).resolves.toMatchObject({ host: 'electron' });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'app:info', args: [{}] }]);
  });

  it('reports presence on its contract channel and resolves with nothing', async () => {
    await expect(kiosk.app.presence({ idleAtHome: true })).resolves.toBeUndefined();
    expect(ipcRenderer.invocations).toEqual([{ channel: 'app:presence', args: [{ idleAtHome: true }] }]);
  });

  it('reports device health on its contract channel and resolves with nothing', async () => {
    await expect(kiosk.device.health({ device: 'camera', health: 'fault' })).resolves.toBeUndefined();
    expect(ipcRenderer.invocations).toEqual([{ channel: 'device:health', args: [{ device: 'camera', health: 'fault' }] }]);
  });

  it('forwards only the scan payload to a listener, never the IPC event, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = kiosk.scanner.onScan((...args) => received.push(args));
    const scan: ScanEvent = { ok: true, code: 'ABC-123', kind: 'unstructured', source: 'wedge' };
    ipcRenderer.emit('scanner:scan', { sender: ipcRenderer, ports: [] }, scan);
    expect(received).toEqual([[scan]]);

    unsubscribe();
    ipcRenderer.emit('scanner:scan', { sender: ipcRenderer, ports: [] }, scan);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount('scanner:scan')).toBe(0);
  });

  it('sends a catalogue search as the renderer wrote it; the main process fills in the defaults', async () => {
    await expect(kiosk.catalogue.search({ query: 'khai sinh' })).resolves.toEqual({ items: [], total: 0 });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'catalogue:search', args: [{ query: 'khai sinh' }] }]);
    expect(searches).toEqual([{ query: 'khai sinh', filters: {}, limit: 30, offset: 0 }]);
  });

  it('turns a refused procedure request into a BAD_REQUEST result rather than a rejection', async () => {
    await expect(kiosk.catalogue.procedure({ id: '' })).resolves.toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } });
  });

  it('forwards catalogue status events to a listener until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = kiosk.catalogue.onStatus((...args) => received.push(args));
    ipcRenderer.emit('catalogue:status', { sender: ipcRenderer, ports: [] }, fakeCatalogueStatus);
    expect(received).toEqual([[fakeCatalogueStatus]]);
    unsubscribe();
    expect(ipcRenderer.listenerCount('catalogue:status')).toBe(0);
  });
});
