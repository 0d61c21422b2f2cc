/** What a kiosk tells the central server about itself in each heartbeat (shared/api/fleet.ts). Pure. */
import type { DeviceHealth, Heartbeat } from '../../../shared/api/fleet';
import { usesCamera, type ScannerMode } from '../../../shared/contract/camera';

export interface HeartbeatInputs {
  version: string;
  uptimeSeconds: number;
  lastSyncAt: string | null;
  scannerMode: ScannerMode;
  /** What the hosts last reported of each device. */
  devices: { scanner: DeviceHealth; camera: DeviceHealth };
  recentErrors: number;
  outboxPending: number;
  locationId: string | null;
  intervalMs: number;
  now: Date;
}

export function buildHeartbeat(inputs: HeartbeatInputs): Heartbeat {
  return {
    version: inputs.version,
    uptimeSeconds: Math.max(0, Math.floor(inputs.uptimeSeconds)),
    lastSyncAt: inputs.lastSyncAt,
    // A device the kiosk is not set up to use is not a fault, whatever was last reported of it.
    scanner: inputs.scannerMode === 'camera' ? 'disabled' : inputs.devices.scanner,
    camera: usesCamera(inputs.scannerMode) ? inputs.devices.camera : 'disabled',
    recentErrors: inputs.recentErrors,
    outboxPending: inputs.outboxPending,
    locationId: inputs.locationId,
    intervalSeconds: Math.max(10, Math.round(inputs.intervalMs / 1000)),
    sentAt: inputs.now.toISOString(),
  };
}
