/**
 * The reference server's fleet: the last heartbeat of each enrolled kiosk (table `kiosk_heartbeats`, created by
 * centralStore's migrations), read together with the kiosks table (revocation and token expiry included) and the
 * catalogue's locations; and the search gaps the heartbeats carried (table `search_gaps`), added up per query for the admin.
 */
import type Database from 'better-sqlite3';
import { Heartbeat, type SearchGap, type SearchGapRow } from '../shared/api/fleet';
import { Location } from '../shared/api/catalogue';
import { searchGapQuery } from '../shared/catalogue/searchGaps';

export const fleetMigration = `
  CREATE TABLE kiosk_heartbeats (    -- the last heartbeat of each kiosk (server/fleetStore.ts)
    kiosk_id TEXT PRIMARY KEY REFERENCES kiosks (id),
    received_at INTEGER NOT NULL,    -- epoch ms, server time: staleness never trusts the kiosk's clock
    json TEXT NOT NULL               -- the Heartbeat as received
  );
`;

export const searchGapsMigration = `
  CREATE TABLE search_gaps (         -- searches that found nothing useful, as heartbeats reported them
    kiosk_id TEXT NOT NULL REFERENCES kiosks (id),
    received_at INTEGER NOT NULL,    -- epoch ms, server time: the period of a count
    query TEXT NOT NULL,             -- normalised text, never a person's data (shared/catalogue/searchGaps.ts)
    outcome TEXT NOT NULL,           -- noResult | openedNothing
    count INTEGER NOT NULL
  );
  CREATE INDEX search_gaps_by_time ON search_gaps (received_at);
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
  /** Keeps the heartbeat as the kiosk's last, and adds up its search gaps. */
  recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: Date): void;
  list(): FleetRow[];
  /** The search gaps received in [from, to), the most frequent first. */
  searchGaps(from: Date, to: Date, limit: number): SearchGapRow[];
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
  const insertGap = db.prepare(`INSERT INTO search_gaps (kiosk_id, received_at, query, outcome, count) VALUES (?, ?, ?, ?, ?)`);
  const gapRows = db.prepare<[number, number, number], SearchGapRow>(
    `SELECT query,
            SUM(CASE WHEN outcome = 'noResult' THEN count ELSE 0 END) AS noResult,
            SUM(CASE WHEN outcome = 'openedNothing' THEN count ELSE 0 END) AS openedNothing,
            COUNT(DISTINCT kiosk_id) AS kiosks
     FROM search_gaps WHERE received_at >= ? AND received_at < ?
     GROUP BY query ORDER BY noResult + openedNothing DESC, kiosks DESC, query LIMIT ?`,
  );
  const record = db.transaction((kioskId: string, heartbeat: Heartbeat, receivedAt: Date) => {
    // The fleet view shows the machine's state; the searches are kept apart, added up.
    const { searchGaps, ...machine } = heartbeat;
    upsert.run(kioskId, receivedAt.getTime(), JSON.stringify(machine));
    for (const gap of searchGaps ?? []) recordGap(kioskId, gap, receivedAt);
  });
  // The server judges again what a kiosk sent: a kiosk of another make, or an older one, may not filter as ours does.
  const recordGap = (kioskId: string, gap: SearchGap, receivedAt: Date) => {
    const query = searchGapQuery(gap.query);
    if (query !== null) insertGap.run(kioskId, receivedAt.getTime(), query, gap.outcome, gap.count);
  };
  return {
    recordHeartbeat: (kioskId, heartbeat, receivedAt) => record(kioskId, heartbeat, receivedAt),
    searchGaps: (from, to, limit) => gapRows.all(from.getTime(), to.getTime(), limit),
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
