/** What a kiosk tells the central server about itself in each heartbeat (shared/api/fleet.ts). Pure. */
import type { DeviceHealth, Heartbeat, SearchGap } from '../../../shared/api/fleet';
import { usesCamera, type ScannerMode } from '../../../shared/contract/camera';

export interface HeartbeatInputs {
  version: string;
  uptimeSeconds: number;
  lastSyncAt: string | null;
  scannerMode: ScannerMode;
  /** What the hosts last reported of each device. */
  devices: DeviceHealths;
  recentErrors: number;
  outboxPending: number;
  locationId: string | null;
  intervalMs: number;
  now: Date;
  /** Searches that found nothing useful, not yet delivered (searchGapCounter.ts). */
  searchGaps: SearchGap[];
}

export type DeviceHealths = { scanner: DeviceHealth; camera: DeviceHealth };

/** What the heartbeat says of each device: a device the kiosk is not set up to use is not a fault, whatever was last reported of it. */
export function devicesAsReported(scannerMode: ScannerMode, devices: DeviceHealths): DeviceHealths {
  return {
    scanner: scannerMode === 'camera' ? 'disabled' : devices.scanner,
    camera: usesCamera(scannerMode) ? devices.camera : 'disabled',
  };
}

export function buildHeartbeat(inputs: HeartbeatInputs): Heartbeat {
  return {
    version: inputs.version,
    uptimeSeconds: Math.max(0, Math.floor(inputs.uptimeSeconds)),
    lastSyncAt: inputs.lastSyncAt,
    ...devicesAsReported(inputs.scannerMode, inputs.devices),
    recentErrors: inputs.recentErrors,
    outboxPending: inputs.outboxPending,
    locationId: inputs.locationId,
    intervalSeconds: Math.max(10, Math.round(inputs.intervalMs / 1000)),
    sentAt: inputs.now.toISOString(),
    searchGaps: inputs.searchGaps,
  };
}
