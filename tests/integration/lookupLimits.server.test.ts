// Dossier codes cannot be harvested: per-kiosk and per-address limits on lookups and on the public page, with 429
// and Retry-After past them.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorBody, apiPaths, EnrollmentCodeIssued, EnrollResponse } from '../../shared/api/gateway';
import { type CentralServerOptions, demoDossierCode, startCentralServer } from '../../server/centralServer';
import { defaultLookupRateLimits } from '../../server/lookupLimits';
import { apiCaller } from '../support/api';

const ADMIN_TOKEN = 'limits-admin-token-0123456789';
const START = Date.parse('2026-03-02T03:00:00Z');
let clockMs = START;
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  clockMs = START;
});

async function start(options: CentralServerOptions = {}) {
  const server = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN, now: () => new Date(clockMs), ...options });
  running.push(server);
  const call = apiCaller(server.url);
  const enroll = async (hardwareId: string) => {
    const issued = await call(apiPaths.adminEnrollmentCodes, { method: 'POST', token: ADMIN_TOKEN, json: {} });
    const { enrollmentCode } = EnrollmentCodeIssued.parse(await issued.json());
    return EnrollResponse.parse(await (await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode, hardwareId } })).json());
  };
  // Unknown codes, as a harvest tries them: each one counts.
  const lookup = (token: string, n: number) => call(apiPaths.dossier(`000.00.06.H56-260302-${String(n).padStart(4, '0')}`), { token });
  const page = (code: string) => fetch(`${server.url}/tra-cuu?mahs=${encodeURIComponent(code)}`);
  return { call, enroll, lookup, page };
}

describe('kiosk lookups', () => {
  it('answer 429 RATE_LIMITED with Retry-After once a kiosk passes its burst, for that kiosk only, and again after the wait', async () => {
    const { enroll, lookup } = await start();
    const harvester = await enroll('hw-harvester');
    const neighbour = await enroll('hw-neighbour');
    const { burst, perMinute } = defaultLookupRateLimits.kiosk;
    for (let n = 0; n < burst; n++) expect((await lookup(harvester.token, n)).status).toBe(404);

    const refused = await lookup(harvester.token, burst);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBe(Math.ceil(60 / perMinute));
    expect(ApiErrorBody.parse(await refused.json()).error.code).toBe('RATE_LIMITED');
    expect((await lookup(neighbour.token, 0)).status).toBe(404);

    clockMs += retryAfter * 1000;
    expect((await lookup(harvester.token, burst + 1)).status).toBe(404);
    expect((await lookup(harvester.token, burst + 2)).status).toBe(429);
  });

  it('limit all kiosks behind one address together', async () => {
    const { enroll, lookup } = await start({ rateLimits: { ...defaultLookupRateLimits, kiosk: { burst: 5, perMinute: 5 }, kioskAddress: { burst: 8, perMinute: 8 } } });
    const kiosks = await Promise.all(['a', 'b', 'c'].map((id) => enroll(`hw-${id}`)));
    const statuses: number[] = [];
    for (let n = 0; n < 9; n++) statuses.push((await lookup(kiosks[n % 3]!.token, n)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 429]);
  });

  it('can be switched off for a load benchmark', async () => {
    const { enroll, lookup } = await start({ rateLimits: 'off' });
    const kiosk = await enroll('hw-bench');
    for (let n = 0; n < defaultLookupRateLimits.kiosk.burst * 2; n++) expect((await lookup(kiosk.token, n)).status).toBe(404);
  });
});

describe('the public lookup page', () => {
  it('answers 429 with Retry-After and a Vietnamese and English page past its per-address limit', async () => {
    const { page } = await start();
    const code = demoDossierCode('processing');
    for (let n = 0; n < defaultLookupRateLimits.pageAddress.burst; n++) expect((await page(code)).status).toBe(200);
    const refused = await page(code);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(Math.ceil(60 / defaultLookupRateLimits.pageAddress.perMinute));
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const text = await refused.text();
    expect(text).toContain('Có quá nhiều lượt tra cứu');
    expect(text).toContain('Too many lookups');
    expect(text).not.toContain(code);
  });

  it('is limited in total too, whatever the address', async () => {
    const { page } = await start({ rateLimits: { ...defaultLookupRateLimits, pageAddress: { burst: 100, perMinute: 100 }, pageTotal: { burst: 4, perMinute: 4 } } });
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) statuses.push((await page(demoDossierCode('received'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
