/**
 * Kiosk credentials on the reference server: enrolment with a code, the admin's enrolment and re-enrolment codes,
 * a kiosk renewing its own token before it expires, and the admin revoking a kiosk (server/kioskStore.ts).
 */
import type { Hono } from 'hono';
import {
  AdminIssueEnrollmentCode,
  apiPaths,
  EnrollRequest,
  type EnrollResponse,
  type EnrollmentCodeIssued,
  type TokenRenewed,
} from '../shared/api/gateway';
import { pathWithParam } from '../shared/api/openapi';
import { bearerToken, fail, readBody, type RouteDeps } from './httpHelpers';
import { enrollmentCodeHash, newEnrollmentCode, newKioskId, newToken, sha256Hex } from './secrets';

const DEFAULT_ENROLLMENT_CODE_TTL_MINUTES = 24 * 60;

export function registerKioskRoutes(app: Hono, { store, now, requireKiosk, requireAdmin }: RouteDeps): void {
  app.post(apiPaths.enroll, async (c) => {
    const body = await readBody(c, EnrollRequest);
    if (!body.ok) return fail(c, body.failure);
    const token = newToken();
    const enrolled = store.kiosks.enroll({
      enrollmentCodeHash: enrollmentCodeHash(body.value.enrollmentCode),
      hardwareId: body.value.hardwareId,
      name: body.value.name ?? null,
      tokenHash: sha256Hex(token),
      newKioskId: newKioskId(),
      now: now(),
    });
    if (!enrolled.ok && enrolled.refused === 'taken') {
      const message = 'This hardware id is an enrolled kiosk\'s: an administrator must revoke that kiosk or issue a re-enrolment code for it.';
      return fail(c, { status: 409, code: 'KIOSK_ALREADY_ENROLLED', message });
    }
    if (!enrolled.ok) {
      return fail(c, { status: 403, code: 'ENROLLMENT_CODE_INVALID', message: 'The enrollment code is unknown, expired or already used.' });
    }
    return c.json({ kioskId: enrolled.kioskId, token, expiresAt: enrolled.expiresAt.toISOString() } satisfies EnrollResponse);
  });

  app.post(pathWithParam(apiPaths.kioskToken, ':id'), requireKiosk, (c) => {
    if (c.get('kioskId') !== c.req.param('id')) {
      return fail(c, { status: 403, code: 'FORBIDDEN', message: 'The path names another kiosk than the token\'s.' });
    }
    const token = newToken();
    const { expiresAt } = store.kiosks.renewToken(c.get('kioskId'), sha256Hex(bearerToken(c) ?? ''), sha256Hex(token), now());
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expiresAt: expiresAt.toISOString() } satisfies TokenRenewed);
  });

  app.delete(pathWithParam(apiPaths.adminKiosk, ':id'), requireAdmin, (c) =>
    store.kiosks.revoke(c.req.param('id') ?? '', now())
      ? c.body(null, 204)
      : fail(c, { status: 404, code: 'NOT_FOUND', message: 'No kiosk has this id.' }),
  );

  app.post(apiPaths.adminEnrollmentCodes, requireAdmin, async (c) => {
    const body = await readBody(c, AdminIssueEnrollmentCode.optional());
    if (!body.ok) return fail(c, body.failure);
    const kioskId = body.value?.kioskId;
    if (kioskId !== undefined && !store.kiosks.exists(kioskId)) {
      return fail(c, { status: 404, code: 'NOT_FOUND', message: 'kioskId: no kiosk has this id.' });
    }
    const ttlMinutes = body.value?.ttlMinutes ?? DEFAULT_ENROLLMENT_CODE_TTL_MINUTES;
    const enrollmentCode = newEnrollmentCode();
    const expiresAt = new Date(now().getTime() + ttlMinutes * 60_000);
    store.kiosks.addEnrollmentCode({ hash: enrollmentCodeHash(enrollmentCode), expiresAt, reusable: false, kioskId });
    return c.json({ enrollmentCode, expiresAt: expiresAt.toISOString() } satisfies EnrollmentCodeIssued, 201);
  });
}
