/**
 * Routes of the fleet on the reference central server (shared/api/fleet.ts): kiosks post heartbeats with their own
 * token, and the admin lists every enrolled kiosk with its health, stale once its heartbeats stopped.
 */
import type { Hono } from 'hono';
import { fleetHealth, fleetPaths, type FleetList, Heartbeat, type HeartbeatAccepted } from '../shared/api/fleet';
import { pathWithParam } from '../shared/api/openapi';
import { fail, readBody, type RouteDeps } from './httpHelpers';


export function registerFleetRoutes(app: Hono, { store, now, requireKiosk, requireAdmin }: RouteDeps): void {
  app.post(pathWithParam(fleetPaths.heartbeat, ':id'), requireKiosk, async (c) => {
    // requireKiosk has checked the token: a kiosk reports for itself only.
    if (c.get('kioskId') !== c.req.param('id')) {
      return fail(c, { status: 403, code: 'FORBIDDEN', message: 'The path names another kiosk than the token\'s.' });
    }
    const body = await readBody(c, Heartbeat);
    if (!body.ok) return fail(c, body.failure);
    const receivedAt = now();
    store.fleet.recordHeartbeat(c.req.param('id') ?? '', body.value, receivedAt);
    return c.json({ receivedAt: receivedAt.toISOString() } satisfies HeartbeatAccepted);
  });

  app.get(fleetPaths.adminKiosks, requireAdmin, (c) => {
    const at = now();
    const kiosks = store.fleet.list().map((kiosk) => ({
      id: kiosk.id,
      name: kiosk.name,
      enrolledAt: kiosk.enrolledAt.toISOString(),
      revokedAt: kiosk.revokedAt?.toISOString() ?? null,
      tokenExpiresAt: kiosk.tokenExpiresAt?.toISOString() ?? null,
      lastSeenAt: kiosk.lastSeenAt?.toISOString() ?? null,
      health: kiosk.revokedAt === null ? fleetHealth(kiosk.heartbeat, kiosk.lastSeenAt, at) : 'revoked',
      version: kiosk.heartbeat?.version ?? null,
      location: kiosk.location,
      heartbeat: kiosk.heartbeat,
    }));
    return c.json({ kiosks, generatedAt: at.toISOString() } satisfies FleetList);
  });
}
