// Kiosk credentials a province can manage on the reference server: revocation, tokens that expire and are renewed
// by the kiosk, and re-enrolment of an enrolled hardware id only with an admin's say-so.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fleetPaths, FleetList, type Heartbeat } from '../../shared/api/fleet';
import { ApiErrorBody, apiPaths, EnrollmentCodeIssued, EnrollResponse, TokenRenewed } from '../../shared/api/gateway';
import { type CentralServerOptions, demoDossierCode, startCentralServer } from '../../server/centralServer';
import { KIOSK_TOKEN_LIFETIME_MS } from '../../server/kioskStore';
import { apiCaller } from '../support/api';
import { makeTempDir } from '../support/processes';

const ADMIN_TOKEN = 'credentials-admin-token-0123456789';
const START = Date.parse('2026-03-02T03:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
let clockMs = START;
const running: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  clockMs = START;
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function start(options: CentralServerOptions = {}) {
  const server = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN, now: () => new Date(clockMs), ...options });
  running.push(server);
  const call = apiCaller(server.url);
  const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => call(path, { ...init, token: ADMIN_TOKEN });
  const issueCode = async (json: { kioskId?: string } = {}) => {
    const response = await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', json });
    expect(response.status).toBe(201);
    return EnrollmentCodeIssued.parse(await response.json()).enrollmentCode;
  };
  const enroll = async (hardwareId: string, enrollmentCode?: string) => {
    const response = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: enrollmentCode ?? (await issueCode()), hardwareId } });
    expect(response.status).toBe(200);
    return EnrollResponse.parse(await response.json());
  };
  const lookup = (token: string) => call(apiPaths.dossier(demoDossierCode('received')), { token });
  const renew = (kioskId: string, token: string) => call(apiPaths.kioskToken(kioskId), { method: 'POST', token });
  const fleet = async () => FleetList.parse(await (await admin(fleetPaths.adminKiosks)).json()).kiosks;
  return { server, call, admin, issueCode, enroll, lookup, renew, fleet };
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(ApiErrorBody.parse(await response.json()).error.code).toBe(code);
}

const heartbeat: Heartbeat = {
  version: '0.1.0',
  uptimeSeconds: 5,
  lastSyncAt: null,
  scanner: 'ok',
  camera: 'disabled',
  recentErrors: 0,
  outboxPending: 0,
  locationId: null,
  intervalSeconds: 300,
  sentAt: new Date(START).toISOString(),
};

describe('revoking a kiosk', () => {
  it('refuses its token at once on every kiosk route, lists it as revoked, and leaves other kiosks alone', async () => {
    const { admin, call, enroll, lookup, renew, fleet } = await start();
    const revoked = await enroll('hw-revoked');
    const other = await enroll('hw-other');
    expect((await lookup(revoked.token)).status).toBe(200);

    const response = await admin(apiPaths.adminKiosk(revoked.kioskId), { method: 'DELETE' });
    expect(response.status).toBe(204);

    await expectError(await lookup(revoked.token), 401, 'KIOSK_REVOKED');
    await expectError(await call(fleetPaths.heartbeat(revoked.kioskId), { method: 'POST', token: revoked.token, json: heartbeat }), 401, 'KIOSK_REVOKED');
    await expectError(await renew(revoked.kioskId, revoked.token), 401, 'KIOSK_REVOKED');
    expect((await lookup(other.token)).status).toBe(200);

    const listed = await fleet();
    expect(listed.find((kiosk) => kiosk.id === revoked.kioskId)).toMatchObject({ health: 'revoked', revokedAt: new Date(START).toISOString() });
    expect(listed.find((kiosk) => kiosk.id === other.kioskId)).toMatchObject({ health: 'never', revokedAt: null });
  });

  it('answers 404 for an unknown kiosk and needs the admin token', async () => {
    const { admin, call, enroll } = await start();
    const kiosk = await enroll('hw-1');
    await expectError(await admin(apiPaths.adminKiosk('no-such-kiosk'), { method: 'DELETE' }), 404, 'NOT_FOUND');
    await expectError(await call(apiPaths.adminKiosk(kiosk.kioskId), { method: 'DELETE', token: kiosk.token }), 401, 'UNAUTHORIZED');
  });

  it('lets a technician enroll the revoked kiosk\'s hardware again with a new code: same id, new token', async () => {
    const { admin, enroll, lookup, fleet } = await start();
    const first = await enroll('hw-back');
    await admin(apiPaths.adminKiosk(first.kioskId), { method: 'DELETE' });
    const again = await enroll('hw-back');
    expect(again.kioskId).toBe(first.kioskId);
    expect((await lookup(again.token)).status).toBe(200);
    await expectError(await lookup(first.token), 401, 'UNAUTHORIZED');
    expect((await fleet()).find((kiosk) => kiosk.id === first.kioskId)).toMatchObject({ revokedAt: null });
  });
});

describe('re-enrolling an enrolled hardware id', () => {
  it('is refused without an admin\'s say-so, and the code is not used up by the refusal', async () => {
    const { call, issueCode, enroll, lookup } = await start();
    const kiosk = await enroll('hw-taken');
    const code = await issueCode();
    await expectError(await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: code, hardwareId: 'hw-taken' } }), 409, 'KIOSK_ALREADY_ENROLLED');
    expect((await lookup(kiosk.token)).status).toBe(200);
    expect((await enroll('hw-new', code)).kioskId).not.toBe(kiosk.kioskId);
  });

  it('is allowed with a re-enrolment code issued for that kiosk, which retires its token; also onto new hardware', async () => {
    const { admin, issueCode, enroll, lookup } = await start();
    const kiosk = await enroll('hw-old');
    const reenrolled = await enroll('hw-old', await issueCode({ kioskId: kiosk.kioskId }));
    expect(reenrolled.kioskId).toBe(kiosk.kioskId);
    await expectError(await lookup(kiosk.token), 401, 'UNAUTHORIZED');
    expect((await lookup(reenrolled.token)).status).toBe(200);

    const replaced = await enroll('hw-replacement', await issueCode({ kioskId: kiosk.kioskId }));
    expect(replaced.kioskId).toBe(kiosk.kioskId);
    await expectError(await lookup(reenrolled.token), 401, 'UNAUTHORIZED');
    await expectError(await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', json: { kioskId: 'no-such-kiosk' } }), 404, 'NOT_FOUND');
  });

  it('is refused when a re-enrolment code for one kiosk is presented with another kiosk\'s hardware id', async () => {
    const { call, issueCode, enroll, lookup } = await start();
    const a = await enroll('hw-a');
    const b = await enroll('hw-b');
    const forA = await issueCode({ kioskId: a.kioskId });
    await expectError(await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: forA, hardwareId: 'hw-b' } }), 409, 'KIOSK_ALREADY_ENROLLED');
    expect((await lookup(b.token)).status).toBe(200);
  });
});

describe('token expiry and renewal', () => {
  it(`gives tokens ${KIOSK_TOKEN_LIFETIME_MS / DAY} days and refuses them after, with TOKEN_EXPIRED`, async () => {
    const { enroll, lookup } = await start();
    const kiosk = await enroll('hw-expiring');
    expect(Date.parse(kiosk.expiresAt!)).toBe(START + KIOSK_TOKEN_LIFETIME_MS);
    clockMs = START + KIOSK_TOKEN_LIFETIME_MS - 1;
    expect((await lookup(kiosk.token)).status).toBe(200);
    clockMs = START + KIOSK_TOKEN_LIFETIME_MS;
    await expectError(await lookup(kiosk.token), 401, 'TOKEN_EXPIRED');
  });

  it('renews a token: the old one works until the new one is used, then is refused; the new one lives a full lifetime', async () => {
    const { enroll, lookup, renew, fleet } = await start();
    const kiosk = await enroll('hw-renewing');
    clockMs = START + 12 * DAY;
    const response = await renew(kiosk.kioskId, kiosk.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const renewed = TokenRenewed.parse(await response.json());
    expect(Date.parse(renewed.expiresAt)).toBe(clockMs + KIOSK_TOKEN_LIFETIME_MS);
    expect(renewed.token).not.toBe(kiosk.token);

    expect((await lookup(kiosk.token)).status).toBe(200);
    expect((await lookup(renewed.token)).status).toBe(200);
    await expectError(await lookup(kiosk.token), 401, 'UNAUTHORIZED');
    expect((await fleet())[0]).toMatchObject({ tokenExpiresAt: renewed.expiresAt });

    clockMs = START + KIOSK_TOKEN_LIFETIME_MS + 5 * DAY;
    expect((await lookup(renewed.token)).status).toBe(200);
  });

  it('costs nothing when the renewal\'s reply is lost: the kiosk asks again with its old token', async () => {
    const { enroll, lookup, renew } = await start();
    const kiosk = await enroll('hw-lost-reply');
    const lost = TokenRenewed.parse(await (await renew(kiosk.kioskId, kiosk.token)).json());
    const second = TokenRenewed.parse(await (await renew(kiosk.kioskId, kiosk.token)).json());
    expect((await lookup(second.token)).status).toBe(200);
    await expectError(await lookup(lost.token), 401, 'UNAUTHORIZED');
    await expectError(await lookup(kiosk.token), 401, 'UNAUTHORIZED');
  });

  it('refuses renewing another kiosk\'s token, and renewing an expired token', async () => {
    const { enroll, renew } = await start();
    const a = await enroll('hw-a');
    const b = await enroll('hw-b');
    await expectError(await renew(b.kioskId, a.token), 403, 'FORBIDDEN');
    clockMs = START + KIOSK_TOKEN_LIFETIME_MS + 1;
    await expectError(await renew(a.kioskId, a.token), 401, 'TOKEN_EXPIRED');
  });

  it('keeps a renewed token and the revocation across a restart on the same database', async () => {
    const dir = makeTempDir('credentials');
    dirs.push(dir);
    const dbFile = join(dir, 'central.sqlite');
    const first = await start({ dbFile });
    const kept = await first.enroll('hw-kept');
    const gone = await first.enroll('hw-gone');
    const renewed = TokenRenewed.parse(await (await first.renew(kept.kioskId, kept.token)).json());
    await first.admin(apiPaths.adminKiosk(gone.kioskId), { method: 'DELETE' });
    await running.pop()!.close();

    const second = await start({ dbFile });
    expect((await second.lookup(renewed.token)).status).toBe(200);
    await expectError(await second.lookup(gone.token), 401, 'KIOSK_REVOKED');
  });
});
