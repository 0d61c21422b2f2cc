/**
 * When the scanner and the camera count as working, for the fleet heartbeat: one definition for every host, and
 * the de-duplication that keeps the page from reporting on every scan or frame. Pure: the sending is the caller's.
 */
import type { DeviceHealthReport, ReportedDeviceHealth } from '../contract/device';

/**
 * A burst typed at scanner speed (anything the WedgeDecoder returns, readable receipt or not) proves the USB scanner
 * works. Nothing proves it broken: a keyboard wedge has no presence to lose, so a silent scanner stays 'unknown'.
 */
export const SCANNER_HEALTH_AFTER_BURST: ReportedDeviceHealth = 'ok';

/** The camera session's state (renderer/camera): decoding frames is 'ok', any problem is a 'fault', starting tells nothing yet. */
export function cameraHealthOf(state: 'starting' | 'scanning' | 'problem'): ReportedDeviceHealth | null {
  if (state === 'starting') return null;
  return state === 'scanning' ? 'ok' : 'fault';
}

export interface HealthReports {
  report(report: DeviceHealthReport): void;
}

/**
 * Sends a device's health only when it differs from what was last sent. A send that fails (the core not up yet, in
 * setup mode) is forgotten, so the same health is sent again at the next report.
 */
export function createHealthReports(send: (report: DeviceHealthReport) => Promise<unknown>): HealthReports {
  const sent = new Map<DeviceHealthReport['device'], ReportedDeviceHealth>();
  return {
    report(report) {
      if (sent.get(report.device) === report.health) return;
      sent.set(report.device, report.health);
      send(report).catch(() => {
        if (sent.get(report.device) === report.health) sent.delete(report.device);
      });
    },
  };
}
