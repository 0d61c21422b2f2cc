import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InvokeHandlers } from '../../electron/core/dispatch';
import { registerInvokeHandlers } from '../../electron/main/ipc';
import { ipcRefusalCodeOf } from '../../electron/main/ipcRefusal';
import { invokeChannels, type AppInfo, type DossierView, type LookupRequest } from '../../shared/contract/kiosk';
import { fakeTechnicianHandlers } from './technicianFakes';
import { fakeCatalogueHandlers } from './catalogueFakes';
import { FakeWebFrame, ipcMain, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';
import { defaultScannerSettings } from '../../shared/contract/camera';
import { provisionedSetupHandlers } from '../../electron/core/setup/setupHandlers';
import type { DeviceHealthReport } from '../../shared/contract/device';

const code = '000.00.06.H56-231027-0361';
const dossier: DossierView = {
  code,
  procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
  agency: { id: '000.00.06.H56', name: 'UBND phường Điện Biên' },
  applicantNameMasked: 'Nguyễn V** A*',
  receivedAt: '2023-10-27T08:00:00+07:00',
  dueAt: '2023-10-30T17:00:00+07:00',
  finishedAt: null,
  status: 'processing',
  steps: [],
  result: { pickupLocation: 'Quầy số 3', returnMethod: 'in_person' },
};
const info: AppInfo = { version: '0.1.0', host: 'electron', demo: true, idleTimeoutSeconds: 60, language: 'vi' };

let lookups: LookupRequest[];
let healthReports: DeviceHealthReport[];
let handlers: InvokeHandlers;
let log: ReturnType<typeof memoryLogger>;

beforeEach(() => {
  resetFakeElectron();
  lookups = [];
  healthReports = [];
  handlers = {
    'dossier:lookup': async (request) => {
      lookups.push(request);
      return { ok: true, value: dossier };
    },
    'app:info': async () => info,
    'app:presence': async () => ({}),
    'device:health': async (report) => {
      healthReports.push(report);
      return {};
    },
    'feedback:submit': async () => ({ ok: true, value: { recorded: true } }),
    'stats:onTime': async () => ({ board: null, fetchedAt: null, stale: true }),
    'scanner:settings': async () => defaultScannerSettings,
    'speech:synthesize': async () => ({ ok: false, reason: 'missing' }),
    'catalogue:reportSearchGap': async () => ({}),
    ...fakeCatalogueHandlers(),
    ...fakeTechnicianHandlers(),
    ...provisionedSetupHandlers,
  };
  log = memoryLogger();
  registerInvokeHandlers({ ipcMain, handlers, appOrigin: 'app://kiosk', logger: log.logger });
});

function senderEvent({ url = 'app://kiosk/index.html', subFrame = false, gone = false } = {}) {
  const mainFrame = new FakeWebFrame(url);
  const senderFrame = gone ? null : subFrame ? new FakeWebFrame(url) : mainFrame;
  return { sender: { mainFrame }, senderFrame };
}

async function invoke(channel: string, event: object, payload: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  return handler(event as IpcMainInvokeEvent, payload);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const rejection = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (rejection === null) throw new Error('the call was not refused');
  return ipcRefusalCodeOf(rejection);
}

describe('IPC', () => {
  it('registers exactly the contract channels', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('hands a valid lookup from the app main frame to the handler and returns its reply', async () => {
    await expect(invoke('dossier:lookup', senderEvent(), { code })).resolves.toEqual({ ok: true, value: dossier });
    expect(lookups).toEqual([{ code }]);
  });

  it('answers app:info', async () => {
    await expect(invoke('app:info', senderEvent(), {})).resolves.toEqual(info);
  });

  it.each([
    ['no payload', undefined],
    ['a code that is not a string', { code: 42 }],
    ['an over-long code', { code: 'x'.repeat(5000) }],
  ])('refuses %s as BAD_REQUEST without reaching the handler', async (_name, payload) => {
    expect(await refusal(invoke('dossier:lookup', senderEvent(), payload))).toBe('BAD_REQUEST');
    expect(lookups).toEqual([]);
  });

  it('hands a camera health report to the core, and refuses one outside the contract without reaching it', async () => {
    await expect(invoke('device:health', senderEvent(), { device: 'camera', health: 'fault' })).resolves.toEqual({});
    expect(await refusal(invoke('device:health', senderEvent(), { device: 'camera', health: 'broken' }))).toBe('BAD_REQUEST');
    // 'disabled' and 'unknown' are the core's to decide, never the page's.
    expect(await refusal(invoke('device:health', senderEvent(), { device: 'camera', health: 'disabled' }))).toBe('BAD_REQUEST');
    expect(await refusal(invoke('device:health', senderEvent(), { device: 'printer', health: 'ok' }))).toBe('BAD_REQUEST');
    expect(healthReports).toEqual([{ device: 'camera', health: 'fault' }]);
  });

  it('refuses extra fields on a strict request', async () => {
    expect(await refusal(invoke('app:info', senderEvent(), { debug: true }))).toBe('BAD_REQUEST');
  });

  it.each([
    ['another origin', senderEvent({ url: 'https://evil.example/index.html' })],
    ['a look-alike origin', senderEvent({ url: 'app://kiosk.evil.example/index.html' })],
    ['a data: page', senderEvent({ url: 'data:text/html,hi' })],
    ['a sub-frame of the app', senderEvent({ subFrame: true })],
    ['a frame that has gone', senderEvent({ gone: true })],
  ])('refuses a sender from %s without reaching the handler', async (_name, event) => {
    expect(await refusal(invoke('dossier:lookup', event, { code }))).toBe('SENDER_REFUSED');
    expect(lookups).toEqual([]);
  });

  it('refuses as INTERNAL when the handler fails or replies outside the contract', async () => {
    handlers['dossier:lookup'] = async () => {
      throw new Error(`lookup of ${code} failed`);
    };
    expect(await refusal(invoke('dossier:lookup', senderEvent(), { code }))).toBe('INTERNAL');
    handlers['app:info'] = async () => ({ version: 1 }) as unknown as AppInfo;
    expect(await refusal(invoke('app:info', senderEvent(), {}))).toBe('INTERNAL');
  });

  it('never logs the dossier code', async () => {
    await invoke('dossier:lookup', senderEvent(), { code });
    await refusal(invoke('dossier:lookup', senderEvent({ subFrame: true }), { code }));
    handlers['dossier:lookup'] = async () => {
      throw new Error(`lookup of ${code} failed`);
    };
    await refusal(invoke('dossier:lookup', senderEvent(), { code }));
    expect(log.entries().length).toBeGreaterThan(0);
    expect(log.text()).not.toContain('H56-231027');
  });
});
