// The catalogue on the reference central server over real HTTP: the change feed kiosks sync from, and the admin writes.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type CatalogueChange,
  CatalogueChangesPage,
  cataloguePaths,
  catalogueRecordSchemas,
  type Procedure,
} from '../../shared/api/catalogue';
import { ApiErrorBody, apiPaths, EnrollResponse } from '../../shared/api/gateway';
import { type CentralServerOptions, DEMO_ENROLLMENT_CODE, startCentralServer } from '../../server/centralServer';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import { makeTempDir } from '../support/processes';
import { apiCaller } from '../support/api';

const ADMIN_TOKEN = 'catalogue-admin-token-0123456789';
const sample = loadSampleCatalogue();

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Each start enrolls a kiosk of its own: the same hardware id again on a kept database would be a takeover. */
let kiosks = 0;

async function start(options: CentralServerOptions = {}) {
  const server = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN, ...options });
  running.push(server);
  const call = apiCaller(server.url);
  const enrolled = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: `kiosk-catalogue-${++kiosks}` } });
  const kioskToken = EnrollResponse.parse(await enrolled.json()).token;
  const changes = (query: Record<string, string> = {}, token = kioskToken) =>
    call(`${cataloguePaths.changes}?${new URLSearchParams(query).toString()}`, { token });
  const page = async (query: Record<string, string> = {}) => {
    const response = await changes(query);
    expect(response.status).toBe(200);
    return CatalogueChangesPage.parse(await response.json());
  };
  /** Pages from `since` to the end, as a kiosk syncs. */
  const syncFrom = async (since: string | undefined, limit: string) => {
    const pages: CatalogueChangesPage[] = [];
    let cursor = since;
    for (;;) {
      const next = await page(cursor === undefined ? { limit } : { since: cursor, limit });
      pages.push(next);
      cursor = next.cursor;
      if (!next.hasMore) return { pages, changes: pages.flatMap((p) => p.changes), cursor };
    }
  };
  const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => call(path, { ...init, token: ADMIN_TOKEN });
  return { server, call, changes, page, syncFrom, admin, kioskToken };
}

const idsOf = (changes: CatalogueChange[], type: CatalogueChange['type']) => changes.filter((change) => change.type === type).map(({ id }) => id);
const errorCode = async (response: Response) => ApiErrorBody.parse(await response.json()).error.code;

const birthRegistration = sample.procedures.find(({ id }) => id === 'tthc-1.001193')!;

describe('catalogue change feed: first sync', () => {
  it('pages through every agency, field, location and procedure of the sample, each once, each valid', async () => {
    const { syncFrom } = await start();
    const { pages, changes } = await syncFrom(undefined, '25');
    const total = sample.agencies.length + sample.fields.length + sample.locations.length + sample.procedures.length;
    expect(changes).toHaveLength(total);
    expect(pages).toHaveLength(Math.ceil(total / 25));
    expect(pages.slice(0, -1).every((p) => p.hasMore && p.changes.length === 25)).toBe(true);
    expect(pages.at(-1)?.hasMore).toBe(false);
    expect(new Set(pages.map(({ cursor }) => cursor)).size).toBe(pages.length);

    expect(idsOf(changes, 'procedure').sort()).toEqual(sample.procedures.map(({ id }) => id).sort());
    expect(idsOf(changes, 'agency').sort()).toEqual(sample.agencies.map(({ id }) => id).sort());
    expect(idsOf(changes, 'field').sort()).toEqual(sample.fields.map(({ id }) => id).sort());
    expect(idsOf(changes, 'location').sort()).toEqual(sample.locations.map(({ id }) => id).sort());
    for (const change of changes) {
      expect(change.op).toBe('upsert');
      if (change.op === 'upsert') expect(catalogueRecordSchemas[change.type].safeParse(change.data).success, change.id).toBe(true);
    }
    const served = changes.find((change) => change.id === birthRegistration.id);
    expect(served).toEqual({ op: 'upsert', type: 'procedure', id: birthRegistration.id, data: birthRegistration });
  });

  it('serves a field before any procedure in it, so a kiosk applying pages in order never meets a dangling field', async () => {
    const { syncFrom } = await start();
    const { changes } = await syncFrom(undefined, '10');
    const position = new Map(changes.map((change, index) => [`${change.type}:${change.id}`, index]));
    for (const procedure of sample.procedures) {
      expect(position.get(`field:${procedure.field}`)).toBeLessThan(position.get(`procedure:${procedure.id}`)!);
      expect(position.get(`agency:${procedure.agencyId}`)).toBeLessThan(position.get(`procedure:${procedure.id}`)!);
    }
  });

  it('serves 200 changes a page unless asked, and at most the limit asked', async () => {
    const { page } = await start({ catalogue: { synthetic: 600, seed: 3 } });
    const first = await page();
    expect(first.changes).toHaveLength(200);
    expect(first.hasMore).toBe(true);
    expect((await page({ limit: '500' })).changes).toHaveLength(500);
    expect((await page({ limit: '1' })).changes).toHaveLength(1);
  });

  it('serves a synthetic catalogue instead of the sample when started with one', async () => {
    const { syncFrom } = await start({ catalogue: { synthetic: 120, seed: 9 } });
    const { changes } = await syncFrom(undefined, '500');
    const procedures = idsOf(changes, 'procedure');
    expect(procedures).toHaveLength(120);
    expect(procedures).not.toContain(birthRegistration.id);
  });

  it('gives an empty page with the same cursor once a kiosk is up to date', async () => {
    const { syncFrom, page } = await start();
    const { cursor } = await syncFrom(undefined, '500');
    expect(await page({ since: cursor })).toEqual({ changes: [], cursor, hasMore: false });
  });
});

describe('catalogue change feed: incremental sync after admin writes', () => {
  it('serves only what changed since the cursor, each record\'s latest change once, in order', async () => {
    const { syncFrom, admin } = await start();
    const { cursor } = await syncFrom(undefined, '500');

    const renamed: Procedure = { ...birthRegistration, name: 'Đăng ký khai sinh (đã cập nhật)' };
    const first = await admin(cataloguePaths.adminRecord('procedure', renamed.id), { method: 'PUT', json: { ...renamed, name: 'bản nháp' } });
    expect(first.status).toBe(200);
    const put = await admin(cataloguePaths.adminRecord('procedure', renamed.id), { method: 'PUT', json: renamed });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(renamed);
    const location = { id: 'tiep-nhan-phu-loi', name: 'Bộ phận Một cửa phường Phú Lợi', kind: 'reception_point', address: 'Phường Phú Lợi, tỉnh Bình Dương', parent: 'hcc-tinh' };
    expect((await admin(cataloguePaths.adminRecord('location', location.id), { method: 'PUT', json: location })).status).toBe(200);
    const removed = await admin(cataloguePaths.adminRecord('field', 'giao-duc'), { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');

    const { changes, cursor: after } = await syncFrom(cursor, '2');
    expect(changes).toEqual([
      { op: 'upsert', type: 'procedure', id: renamed.id, data: renamed },
      { op: 'upsert', type: 'location', id: location.id, data: location },
      { op: 'delete', type: 'field', id: 'giao-duc' },
    ]);
    expect(after).not.toBe(cursor);
  });

  it('gives a kiosk that syncs from scratch the current catalogue: the latest version, deletions as deletions', async () => {
    const { syncFrom, admin } = await start();
    await admin(cataloguePaths.adminRecord('procedure', birthRegistration.id), { method: 'PUT', json: { ...birthRegistration, steps: ['Một bước.'] } });
    await admin(cataloguePaths.adminRecord('agency', 'ban-dan-toc'), { method: 'DELETE' });
    const { changes } = await syncFrom(undefined, '500');
    expect(changes.filter(({ id }) => id === birthRegistration.id)).toEqual([
      { op: 'upsert', type: 'procedure', id: birthRegistration.id, data: { ...birthRegistration, steps: ['Một bước.'] } },
    ]);
    expect(changes.filter(({ id }) => id === 'ban-dan-toc')).toEqual([{ op: 'delete', type: 'agency', id: 'ban-dan-toc' }]);
  });

  it('keeps the catalogue and the cursors across a restart, without seeding it again', async () => {
    const dir = makeTempDir('catalogue');
    tempDirs.push(dir);
    const dbFile = join(dir, 'central.sqlite');
    const before = await start({ dbFile });
    const { cursor } = await before.syncFrom(undefined, '500');
    await before.admin(cataloguePaths.adminRecord('field', 'giao-duc'), { method: 'DELETE' });
    await before.server.close();
    running.splice(running.indexOf(before.server), 1);

    const after = await start({ dbFile });
    const { changes } = await after.syncFrom(cursor, '500');
    expect(changes).toEqual([{ op: 'delete', type: 'field', id: 'giao-duc' }]);
  });
});

describe('catalogue change feed: refusals', () => {
  it.each([
    ['limit 0', { limit: '0' }],
    ['limit over the maximum', { limit: '501' }],
    ['limit not a number', { limit: 'ten' }],
    ['limit negative', { limit: '-5' }],
    ['cursor not issued by the server', { since: 'garbage' }],
    ['cursor empty', { since: '' }],
    ['cursor ahead of the server\'s data (reset server)', { since: 's999999' }],
  ])('refuses %s with 400 BAD_REQUEST and a reason', async (_case, query) => {
    const { changes } = await start();
    const response = await changes(query);
    expect(response.status).toBe(400);
    const body = ApiErrorBody.parse(await response.json());
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/limit|since/);
  });

  it('serves the feed to enrolled kiosks only', async () => {
    const { changes } = await start();
    for (const token of ['not-a-kiosk-token', ADMIN_TOKEN]) {
      const response = await changes({}, token);
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('UNAUTHORIZED');
    }
  });
});

describe('catalogue admin writes: refusals', () => {
  it('takes writes with the admin token only', async () => {
    const { call, kioskToken } = await start();
    const path = cataloguePaths.adminRecord('procedure', birthRegistration.id);
    expect((await call(path, { method: 'PUT', json: birthRegistration, token: kioskToken })).status).toBe(401);
    expect((await call(path, { method: 'DELETE' })).status).toBe(401);
  });

  it('refuses a body whose id is not the path\'s', async () => {
    const { admin } = await start();
    const response = await admin(cataloguePaths.adminRecord('procedure', 'tthc-9.999999'), { method: 'PUT', json: birthRegistration });
    expect(response.status).toBe(400);
    expect(ApiErrorBody.parse(await response.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('id') });
  });

  it('refuses a record its type\'s schema refuses, saying which property', async () => {
    const { admin, page } = await start();
    const invalid = await admin(cataloguePaths.adminRecord('procedure', birthRegistration.id), { method: 'PUT', json: { ...birthRegistration, code: '1.23' } });
    expect(invalid.status).toBe(400);
    expect(ApiErrorBody.parse(await invalid.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('code') });
    // A field is not a procedure.
    const field = sample.fields[0]!;
    const wrongType = await admin(cataloguePaths.adminRecord('procedure', field.id), { method: 'PUT', json: field });
    expect(wrongType.status).toBe(400);
    const notJson = await admin(cataloguePaths.adminRecord('agency', 'so-y-te'), { method: 'PUT', body: '{', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(await errorCode(notJson)).toBe('BAD_REQUEST');
    // Nothing refused reached the feed.
    const { changes } = await page({ limit: '500' });
    expect(changes.filter(({ id }) => id === birthRegistration.id)).toEqual([
      { op: 'upsert', type: 'procedure', id: birthRegistration.id, data: birthRegistration },
    ]);
    expect(changes.filter(({ type, id }) => type === 'procedure' && id === field.id)).toEqual([]);
  });

  it('answers 422 to a procedure naming an agency or field the catalogue does not hold, and keeps it out of the feed', async () => {
    const { admin, page } = await start();
    const path = cataloguePaths.adminRecord('procedure', birthRegistration.id);
    const unknownAgency = await admin(path, { method: 'PUT', json: { ...birthRegistration, agencyId: 'so-khong-co' } });
    expect(unknownAgency.status).toBe(422);
    expect(ApiErrorBody.parse(await unknownAgency.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('agency') });
    const unknownField = await admin(path, { method: 'PUT', json: { ...birthRegistration, field: 'linh-vuc-khong-co' } });
    expect(unknownField.status).toBe(422);
    expect(ApiErrorBody.parse(await unknownField.json()).error.message).toContain('field');
    // A deleted agency is as unknown as one never written.
    expect((await admin(cataloguePaths.adminRecord('agency', birthRegistration.agencyId), { method: 'DELETE' })).status).toBe(204);
    expect((await admin(path, { method: 'PUT', json: birthRegistration })).status).toBe(422);
    const { changes } = await page({ limit: '500' });
    expect(changes.filter(({ id }) => id === birthRegistration.id)).toEqual([
      { op: 'upsert', type: 'procedure', id: birthRegistration.id, data: birthRegistration },
    ]);
  });

  it('answers 404 to deleting a record that does not exist or is already deleted', async () => {
    const { admin } = await start();
    const unknown = await admin(cataloguePaths.adminRecord('location', 'no-such-place'), { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('NOT_FOUND');
    expect((await admin(cataloguePaths.adminRecord('location', 'hcc-tinh'), { method: 'DELETE' })).status).toBe(204);
    expect((await admin(cataloguePaths.adminRecord('location', 'hcc-tinh'), { method: 'DELETE' })).status).toBe(404);
    // An id of one type is not an id of another.
    expect((await admin(cataloguePaths.adminRecord('agency', 'ho-tich'), { method: 'DELETE' })).status).toBe(404);
  });
});
