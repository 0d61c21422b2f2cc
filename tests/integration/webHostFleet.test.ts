/**
 * The web host against the real reference central server, as a technician and the fleet admin would see it: device
 * health reported by the page (the camera, and the wedge scanner whose decoding runs in the page here) reaches the
 * server's fleet view with the next heartbeat, and settings a technician saves apply to the running kiosk at once.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { updateKioskConfig } from '../../electron/core/config/configFile';
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { hashPin } from '../../electron/core/technician/pin';
import type { WebHost } from '../../electron/web/webHost';
import { startWebKiosk } from '../../electron/web/webKiosk';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { FleetList, fleetPaths } from '../../shared/api/fleet';
import { apiCaller } from '../support/api';
import { memoryLogger } from '../main/memoryLogger';
import { makeTempDir } from '../support/processes';
import { callBridge } from '../support/bridgeClient';

const PIN = '482916';
let workDir: string;
let rendererDir: string;
let central: RunningCentralServer;
/** The server's request log: one line per request, method, route and status. */
const requests: string[] = [];
const hosts: WebHost[] = [];
/** Every started kiosk's bridge, so a test can wait until none of them is syncing. */
const bridges: Array<(channel: string) => Promise<{ body: { response?: unknown } }>> = [];

beforeAll(async () => {
  workDir = makeTempDir('webfleet');
  rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title><div id="root"></div>');
  central = await startCentralServer({ demo: true, log: (line) => requests.push(line) });
});

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  await central.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** An enrolled web kiosk (camera and USB scanner) that beats every second, with a technician PIN set. */
async function startKiosk(name: string) {
  const dataDir = join(workDir, name);
  const host = await startWebKiosk({
    port: 0,
    dataDir,
    centralUrl: central.url,
    enrollmentCode: DEMO_ENROLLMENT_CODE,
    demo: false,
    rendererDir,
    scannerMode: 'both',
    heartbeatSeconds: 1,
  });
  hosts.push(host);
  updateKioskConfig({ dataDir, secretBox: plainSecretBox, logger: memoryLogger().logger }, { technicianPinHash: await hashPin(PIN) });
  const invoke = async (channel: string, request: unknown = {}) => ({ body: (await callBridge(host.url, channel, request)) as { ok: boolean; response?: unknown } });
  bridges.push(invoke);
  expect((await invoke('technician:unlock', { pin: PIN })).body.response).toMatchObject({ result: 'ok' });
  const diagnostics = (await invoke('technician:diagnostics')).body.response as { ok: true; value: { kioskId: string } };
  return { invoke, kioskId: diagnostics.value.kioskId };
}

async function fleetEntry(kioskId: string) {
  const response = await apiCaller(central.url)(fleetPaths.adminKiosks, { token: central.adminToken });
  return FleetList.parse(await response.json()).kiosks.find((kiosk) => kiosk.id === kioskId);
}

describe('web host: device health in the fleet view', () => {
  it('shows a camera failure and a working scanner reported by the page in the next heartbeat', async () => {
    const { invoke, kioskId } = await startKiosk('health');
    await vi.waitFor(async () => expect((await fleetEntry(kioskId))?.heartbeat).toMatchObject({ scanner: 'unknown', camera: 'unknown' }), { timeout: 10_000 });

    expect((await invoke('device:health', { device: 'camera', health: 'fault' })).body).toEqual({ ok: true, response: {} });
    expect((await invoke('device:health', { device: 'scanner', health: 'ok' })).body).toEqual({ ok: true, response: {} });
    await vi.waitFor(async () => expect(await fleetEntry(kioskId)).toMatchObject({ health: 'warning', heartbeat: { scanner: 'ok', camera: 'fault' } }), {
      timeout: 10_000,
    });
    // The technician's diagnostics say the same as the heartbeat.
    expect((await invoke('technician:diagnostics')).body.response).toMatchObject({ ok: true, value: { devices: { scanner: 'ok', camera: 'fault' } } });

    // A report off the contract is refused at the bridge and changes nothing.
    expect((await invoke('device:health', { device: 'camera', health: 'unknown' })).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await invoke('device:health', { device: 'camera', health: 'ok' });
    await vi.waitFor(async () => expect(await fleetEntry(kioskId)).toMatchObject({ health: 'ok', heartbeat: { scanner: 'ok', camera: 'ok' } }), { timeout: 10_000 });
  });
});

describe('web host: technician settings apply without a restart', () => {
  it('answers the new idle timeout, language, scanner mode and camera at once, and the heartbeat follows the scanner mode', async () => {
    const { invoke, kioskId } = await startKiosk('settings');
    await invoke('device:health', { device: 'scanner', health: 'ok' });
    expect((await invoke('app:info')).body.response).toMatchObject({ idleTimeoutSeconds: 60, language: 'vi' });

    const change = { idleTimeoutSeconds: 120, language: 'en', scannerMode: 'camera', catalogueSyncMinutes: 30, cameraDeviceId: 'usb-cam-2' };
    const saved = await invoke('technician:updateSettings', change);
    expect(saved.body.response).toEqual({ ok: true, value: change });

    expect((await invoke('app:info')).body.response).toMatchObject({ idleTimeoutSeconds: 120, language: 'en' });
    expect((await invoke('scanner:settings')).body.response).toMatchObject({ mode: 'camera', camera: { deviceId: 'usb-cam-2', width: 1280 } });
    // The USB scanner is no longer in use: not a fault, whatever was last reported of it.
    await vi.waitFor(async () => expect((await fleetEntry(kioskId))?.heartbeat).toMatchObject({ scanner: 'disabled' }), { timeout: 10_000 });
    // And the configuration file holds them for the next start.
    expect((await invoke('technician:settings')).body.response).toEqual(saved.body.response);
  });

  it('restarts the catalogue schedule at a new sync interval, which syncs at once', async () => {
    const { invoke } = await startKiosk('sync-interval');
    const changeFeedCalls = () => requests.filter((line) => line.startsWith('GET /api/v1/catalogue/changes')).length;
    // Each kiosk's sync at start (this file's other kiosks too), then nothing for the configured 15 minutes.
    for (const bridge of bridges) {
      await vi.waitFor(async () => expect((await bridge('catalogue:status')).body.response).toMatchObject({ syncing: false, lastSyncAt: expect.any(String) }), {
        timeout: 20_000,
      });
    }
    const before = changeFeedCalls();
    await invoke('technician:updateSettings', { catalogueSyncMinutes: 5 });
    await vi.waitFor(() => expect(changeFeedCalls()).toBeGreaterThan(before), { timeout: 10_000 });
  });
});
