import { describe, expect, it } from 'vitest';
import { Heartbeat } from '../../shared/api/fleet';
import { buildHeartbeat, type HeartbeatInputs } from '../../electron/core/fleet/heartbeatPayload';

const inputs: HeartbeatInputs = {
  version: '0.1.0',
  uptimeSeconds: 3725.8,
  lastSyncAt: '2026-11-22T01:00:00.000Z',
  scannerMode: 'both',
  devices: { scanner: 'ok', camera: 'fault' },
  recentErrors: 2,
  outboxPending: 1,
  locationId: 'loc-centre',
  intervalMs: 300_000,
  now: new Date('2026-11-22T02:00:00.000Z'),
  searchGaps: [{ query: 'làm giấy khai sinh cho con', outcome: 'noResult', count: 2 }],
};

describe('heartbeat payload', () => {
  it('carries version, whole seconds of uptime, last sync, device health, errors, location, interval and search gaps, valid for the API', () => {
    const heartbeat = buildHeartbeat(inputs);
    expect(heartbeat).toEqual({
      version: '0.1.0',
      uptimeSeconds: 3725,
      lastSyncAt: '2026-11-22T01:00:00.000Z',
      scanner: 'ok',
      camera: 'fault',
      recentErrors: 2,
      outboxPending: 1,
      locationId: 'loc-centre',
      intervalSeconds: 300,
      sentAt: '2026-11-22T02:00:00.000Z',
      searchGaps: [{ query: 'làm giấy khai sinh cho con', outcome: 'noResult', count: 2 }],
    });
    expect(Heartbeat.safeParse(heartbeat).success).toBe(true);
  });

  it('reports a device the kiosk is not set up to use as disabled, not as its last state', () => {
    expect(buildHeartbeat({ ...inputs, scannerMode: 'wedge' })).toMatchObject({ scanner: 'ok', camera: 'disabled' });
    expect(buildHeartbeat({ ...inputs, scannerMode: 'camera' })).toMatchObject({ scanner: 'disabled', camera: 'fault' });
  });

  it('is valid before the first sync and without a location', () => {
    const heartbeat = buildHeartbeat({ ...inputs, lastSyncAt: null, locationId: null });
    expect(Heartbeat.safeParse(heartbeat).success).toBe(true);
  });
});
