import { describe, expect, it } from 'vitest';
import type { DeviceHealthReport } from '../../shared/contract/device';
import { cameraHealthOf, createHealthReports } from '../../shared/scanner/deviceHealth';

describe('camera health', () => {
  it('is ok once the camera scans, a fault on any problem, and not yet known while it starts', () => {
    expect(cameraHealthOf('scanning')).toBe('ok');
    expect(cameraHealthOf('problem')).toBe('fault');
    expect(cameraHealthOf('starting')).toBeNull();
  });
});

describe('health reports', () => {
  it('sends each device only when its health changes, not on every scan or camera start', async () => {
    const sent: DeviceHealthReport[] = [];
    const reports = createHealthReports(async (report) => sent.push(report));
    reports.report({ device: 'camera', health: 'ok' });
    reports.report({ device: 'camera', health: 'ok' });
    reports.report({ device: 'scanner', health: 'ok' });
    reports.report({ device: 'camera', health: 'fault' });
    reports.report({ device: 'camera', health: 'fault' });
    reports.report({ device: 'camera', health: 'ok' });
    await Promise.resolve();
    expect(sent).toEqual([
      { device: 'camera', health: 'ok' },
      { device: 'scanner', health: 'ok' },
      { device: 'camera', health: 'fault' },
      { device: 'camera', health: 'ok' },
    ]);
  });

  it('sends the same health again after a send failed (the core was not up yet)', async () => {
    const sent: DeviceHealthReport[] = [];
    let up = false;
    const reports = createHealthReports(async (report) => {
      if (!up) throw new Error('setup mode');
      sent.push(report);
    });
    reports.report({ device: 'scanner', health: 'ok' });
    await new Promise((resolve) => setImmediate(resolve));
    up = true;
    reports.report({ device: 'scanner', health: 'ok' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([{ device: 'scanner', health: 'ok' }]);
  });
});
