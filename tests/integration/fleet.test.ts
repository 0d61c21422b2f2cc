/**
 * Heartbeats from the kiosk core's own loop to the real reference server, and the server's fleet view: last seen,
 * health, version, location, and stale once heartbeats stop for more than three intervals.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCentralClient } from '../../electron/core/centralClient';
import { buildHeartbeat } from '../../electron/core/fleet/heartbeatPayload';
import { createHeartbeatLoop } from '../../electron/core/fleet/heartbeatLoop';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { FleetList, fleetPaths, type Heartbeat } from '../../shared/api/fleet';
import { apiPaths } from '../../shared/api/gateway';
import { memoryLogger } from '../main/memoryLogger';
import { apiCaller, type ApiCall } from '../support/api';

const ADMIN = 'fleet-admin-token-0123456789abcdef';
const intervalMs = 60_000;
let clock = Date.parse('2026-11-22T08:00:00+07:00');
let central: RunningCentralServer;
let call: ApiCall;

beforeAll(async () => {
  central = await startCentralServer({ demo: true, adminToken: ADMIN, now: () => new Date(clock) });
  call = apiCaller(central.url);
});
afterAll(() => central.close());

async function enroll(hardwareId: string, name: string): Promise<{ kioskId: string; token: string }> {
  const response = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId, name } });
  expect(response.status).toBe(200);
  return (await response.json()) as { kioskId: string; token: string };
}

function heartbeatLoop(kiosk: { kioskId: string; token: string }, payload: Partial<Heartbeat> = {}) {
  const log = memoryLogger();
  const loop = createHeartbeatLoop({
    client: createCentralClient({ baseUrl: central.url, token: kiosk.token }),
    kioskId: kiosk.kioskId,
    intervalMs,
    logger: log.logger,
    gather: (devices) => ({
      ...buildHeartbeat({
        version: '0.1.0',
        uptimeSeconds: 120,
        lastSyncAt: new Date(clock).toISOString(),
        scannerMode: 'wedge',
        devices,
        recentErrors: 0,
        outboxPending: 0,
        locationId: 'loc-hcc-tinh',
        intervalMs,
        now: new Date(clock),
      }),
      ...payload,
    }),
  });
  return { loop, log };
}

async function fleet(): Promise<FleetList> {
  const response = await call(fleetPaths.adminKiosks, { token: ADMIN });
  expect(response.status).toBe(200);
  return FleetList.parse(await response.json());
}

describe('fleet: heartbeats and the fleet view', () => {
  it('lists a kiosk that never sent a heartbeat as never seen', async () => {
    const silent = await enroll('fleet-silent', 'Kiosk chưa gửi');
    expect((await fleet()).kiosks.find((kiosk) => kiosk.id === silent.kioskId)).toMatchObject({ health: 'never', lastSeenAt: null, version: null });
  });

  it('shows the last heartbeat with version and location, a fault as a warning, and stale after three silent intervals', async () => {
    const kiosk = await enroll('fleet-1', 'Kiosk sảnh A');
    const { loop } = heartbeatLoop(kiosk);
    loop.reportDevice('scanner', 'ok');
    expect(await loop.beat()).toBe(true);
    const seenAt = new Date(clock).toISOString();
    expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)).toMatchObject({
      name: 'Kiosk sảnh A',
      health: 'ok',
      version: '0.1.0',
      lastSeenAt: seenAt,
      heartbeat: { scanner: 'ok', camera: 'disabled', uptimeSeconds: 120 },
    });

    loop.reportDevice('scanner', 'fault');
    await loop.beat();
    expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)?.health).toBe('warning');

    clock += 3 * intervalMs;
    expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)?.health).toBe('warning');
    clock += 1000;
    expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)?.health).toBe('stale');

    loop.reportDevice('scanner', 'ok');
    await loop.beat();
    expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)?.health).toBe('ok');
  });

  it('sends the first heartbeat as soon as the host starts the loop', async () => {
    const kiosk = await enroll('fleet-started', 'Kiosk khởi động');
    const { loop } = heartbeatLoop(kiosk);
    loop.start();
    await vi.waitFor(async () => expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)?.health).toBe('ok'));
    loop.stop();
  });

  it('names the location from the catalogue when the server knows it', async () => {
    const catalogue = await call('/api/v1/catalogue/changes?limit=500', { token: (await enroll('fleet-loc', 'Kiosk xã')).token });
    const location = ((await catalogue.json()) as { changes: Array<{ op: string; type: string; id: string; data: { name: string } }> }).changes.find(
      (change) => change.op === 'upsert' && change.type === 'location',
    );
    if (!location) throw new Error('the sample catalogue has no location');
    const kiosk = await enroll('fleet-loc-2', 'Kiosk có địa điểm');
    await heartbeatLoop(kiosk, { locationId: location.id }).loop.beat();
    expect((await fleet()).kiosks.find((entry) => entry.id === kiosk.kioskId)?.location).toEqual({ id: location.id, name: location.data.name });
  });

  it('refuses a heartbeat for another kiosk, and keeps the loop going (logged) when the server refuses it', async () => {
    const mine = await enroll('fleet-2', 'Kiosk 2');
    const other = await enroll('fleet-3', 'Kiosk 3');
    const response = await call(fleetPaths.heartbeat(other.kioskId), { method: 'POST', token: mine.token, json: {} });
    expect(response.status).toBe(403);

    const { loop, log } = heartbeatLoop({ kioskId: other.kioskId, token: mine.token });
    expect(await loop.beat()).toBe(false);
    expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'heartbeat.failed', errorKind: 'unauthorized' }));
    expect((await fleet()).kiosks.find((entry) => entry.id === other.kioskId)?.health).toBe('never');
  });

  it('refuses a heartbeat that does not match the API, and the fleet view without the admin token', async () => {
    const kiosk = await enroll('fleet-4', 'Kiosk 4');
    const bad = await call(fleetPaths.heartbeat(kiosk.kioskId), { method: 'POST', token: kiosk.token, json: { version: '0.1.0' } });
    expect(bad.status).toBe(400);
    expect((await call(fleetPaths.adminKiosks, { token: kiosk.token })).status).toBe(401);
  });
});
