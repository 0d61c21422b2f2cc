/**
 * The fleet in the Kiosk Gateway API v1: each kiosk posts a heartbeat every few minutes, and the central server
 * lists its kiosks with when each was last heard from and whether it looked healthy. No personal data: a
 * heartbeat describes the machine, never a citizen.
 */
import { z } from 'zod';
import { API_PREFIX } from './gateway';

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** `disabled`: the kiosk is set up without this device; `unknown`: nothing has shown yet whether it works. */
export const DeviceHealth = z.enum(['ok', 'fault', 'unknown', 'disabled']);
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const Heartbeat = z.object({
  version: z.string().min(1).max(64),
  uptimeSeconds: count,
  /** The kiosk's last complete catalogue sync. */
  lastSyncAt: isoDateTime.nullable(),
  scanner: DeviceHealth,
  camera: DeviceHealth,
  /** Errors the kiosk logged since its previous heartbeat. */
  recentErrors: count,
  /** Ratings waiting in the kiosk's outbox. */
  outboxPending: count,
  /** The catalogue location the kiosk stands at, as configured by the technician. */
  locationId: z.string().min(1).max(80).nullable(),
  /** Seconds until the next heartbeat: the server calls the kiosk stale after STALE_AFTER_INTERVALS of them. */
  intervalSeconds: z.number().int().min(10).max(24 * 60 * 60),
  sentAt: isoDateTime,
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const HeartbeatAccepted = z.object({ receivedAt: isoDateTime });
export type HeartbeatAccepted = z.infer<typeof HeartbeatAccepted>;

export const STALE_AFTER_INTERVALS = 3;

/**
 * `revoked`: an admin revoked it (its token is refused). `never`: enrolled, no heartbeat yet. `stale`: heartbeats stopped (more than STALE_AFTER_INTERVALS intervals).
 * `warning`: heard from, but a device is faulty or it logged errors. `ok` otherwise.
 */
export const FleetHealth = z.enum(['ok', 'warning', 'stale', 'never', 'revoked']);
export type FleetHealth = z.infer<typeof FleetHealth>;

export const FleetKiosk = z.object({
  id: z.string(),
  name: z.string().nullable(),
  enrolledAt: isoDateTime,
  /** When an admin revoked the kiosk (DELETE /api/v1/admin/kiosks/{id}); null while it may call the API. */
  revokedAt: isoDateTime.nullable(),
  /** When its current token expires unless renewed; null: never. */
  tokenExpiresAt: isoDateTime.nullable(),
  lastSeenAt: isoDateTime.nullable(),
  health: FleetHealth,
  version: z.string().nullable(),
  location: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  /** The last heartbeat as received. */
  heartbeat: Heartbeat.nullable(),
});
export type FleetKiosk = z.infer<typeof FleetKiosk>;

export const FleetList = z.object({ kiosks: z.array(FleetKiosk), generatedAt: isoDateTime });
export type FleetList = z.infer<typeof FleetList>;

export const fleetPaths = {
  heartbeat: (kioskId: string) => `${API_PREFIX}/kiosks/${encodeURIComponent(kioskId)}/heartbeat`,
  adminKiosks: `${API_PREFIX}/admin/kiosks`,
} as const;

/** The server's verdict on one kiosk at `now`. Pure, shared so that a province's server can reuse it. */
export function fleetHealth(heartbeat: Heartbeat | null, lastSeenAt: Date | null, now: Date): FleetHealth {
  if (heartbeat === null || lastSeenAt === null) return 'never';
  if (now.getTime() - lastSeenAt.getTime() > STALE_AFTER_INTERVALS * heartbeat.intervalSeconds * 1000) return 'stale';
  if (heartbeat.scanner === 'fault' || heartbeat.camera === 'fault' || heartbeat.recentErrors > 0) return 'warning';
  return 'ok';
}
