/**
 * The reference server's fleet: the last heartbeat of each enrolled kiosk (table `kiosk_heartbeats`, created by
 * centralStore's migrations), read together with the kiosks table (revocation and token expiry included) and the
 * catalogue's locations.
 */
import type Database from 'better-sqlite3';
import { Heartbeat } from '../shared/api/fleet';
import { Location } from '../shared/api/catalogue';

export const fleetMigration = `
  CREATE TABLE kiosk_heartbeats (    -- the last heartbeat of each kiosk (server/fleetStore.ts)
    kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (id),
    received_at INTEGER NOT NULL,    -- epoch ms, server time: staleness never trusts the kiosk's clock
    json TEXT NOT NULL               -- the Heartbeat as received
  );
`;

export interface FleetRow {
  id: string;
  name: string | null;
  enrolledAt: Date;
  revokedAt: Date | null;
  tokenExpiresAt: Date | null;
  lastSeenAt: Date | null;
  heartbeat: Heartbeat | null;
  location: { id: string; name: string | null } | null;
}

export interface FleetStore {
  recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: Date): void;
  list(): FleetRow[];
}

export function createFleetStore(db: Database.Database): FleetStore {
  const upsert = db.prepare(
    `INSERT INTO kiosk_heartbeats (kiosk_id, received_at, json) VALUES (?, ?, ?)
     ON CONFLICT (kiosk_id) DO UPDATE SET received_at = excluded.received_at, json = excluded.json`,
  );
  const rows = db.prepare<
    [],
    { id: string; name: string | null; enrolled_at: number; revoked_at: number | null; token_expires_at: number | null; received_at: number | null; json: string | null }
  >(
    `SELECT k.id, k.name, k.enrolled_at, k.revoked_at, k.token_expires_at, h.received_at, h.json
     FROM kiosks k LEFT JOIN kiosk_heartbeats h ON h.kiosk_id = k.id ORDER BY k.name, k.id`,
  );
  const location = db.prepare<[string], { json: string | null }>(
    `SELECT json FROM catalogue_changes WHERE type = 'location' AND id = ? AND op = 'upsert'`,
  );
  // A location the catalogue no longer has keeps its id in the list, without a name.
  const locationName = (id: string): string | null => {
    const json = location.get(id)?.json;
    return json ? (Location.safeParse(JSON.parse(json)).data?.name ?? null) : null;
  };
  return {
    recordHeartbeat(kioskId, heartbeat, receivedAt) {
      upsert.run(kioskId, receivedAt.getTime(), JSON.stringify(heartbeat));
    },
    list: () =>
      rows.all().map((row) => {
        const heartbeat = row.json === null ? null : (Heartbeat.safeParse(JSON.parse(row.json)).data ?? null);
        const locationId = heartbeat?.locationId ?? null;
        return {
          id: row.id,
          name: row.name,
          enrolledAt: new Date(row.enrolled_at),
          revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
          tokenExpiresAt: row.token_expires_at === null ? null : new Date(row.token_expires_at),
          lastSeenAt: row.received_at === null ? null : new Date(row.received_at),
          heartbeat,
          location: locationId === null ? null : { id: locationId, name: locationName(locationId) },
        };
      }),
  };
}
