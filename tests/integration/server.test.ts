// The reference central server's API over real HTTP: a server on a free port, called with fetch.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type AdminCreateDossier,
  ApiErrorBody,
  apiPaths,
  Dossier,
  dossierStatuses,
  EnrollmentCodeIssued,
  EnrollResponse,
  Health,
} from '../../shared/api/gateway';
import { timeliness } from '../../shared/dossier/statusRules';
import { parseReceipt } from '../../shared/receipt/parseReceipt';
import { type CentralServerOptions, DEMO_ENROLLMENT_CODE, demoDossierCode, demoDossiers, startCentralServer } from '../../server/centralServer';
import { openCentralStore } from '../../server/centralStore';
import { makeTempDir } from '../support/processes';
import { apiCaller } from '../support/api';

const ADMIN_TOKEN = 'integration-admin-token-0123456789';
// 10:00 on 2 March 2026 in Vietnam.
const START = Date.parse('2026-03-02T03:00:00Z');

let clockMs = START;
const running: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  clockMs = START;
});

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDbFile = () => {
  const dir = makeTempDir('central');
  tempDirs.push(dir);
  return join(dir, 'central.sqlite');
};

async function start(options: CentralServerOptions = {}) {
  const server = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN, now: () => new Date(clockMs), ...options });
  running.push(server);
  const call = apiCaller(server.url);
  const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => call(path, { ...init, token: ADMIN_TOKEN });
  const enroll = async (hardwareId: string, enrollmentCode = DEMO_ENROLLMENT_CODE) => {
    const response = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode, hardwareId } });
    expect(response.status).toBe(200);
    return EnrollResponse.parse(await response.json());
  };
  const issueEnrollmentCode = async (ttlMinutes?: number) => {
    const response = await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', json: ttlMinutes === undefined ? {} : { ttlMinutes } });
    expect(response.status).toBe(201);
    return EnrollmentCodeIssued.parse(await response.json());
  };
  return { server, call, admin, enroll, issueEnrollmentCode };
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = ApiErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toBe('');
}

function newDossier(overrides: Partial<AdminCreateDossier> = {}): AdminCreateDossier {
  return {
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
    agency: { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh' },
    applicantName: 'Phan Thị Thử',
    receivedAt: '2026-03-02T08:00:00+07:00',
    dueAt: '2026-03-03T16:30:00+07:00',
    finishedAt: null,
    status: 'received',
    steps: [],
    result: { pickupLocation: 'Quầy số 3', returnMethod: 'in_person' },
    ...overrides,
  };
}

describe('health', () => {
  it('answers without authentication with the configured version', async () => {
    const { call } = await start({ version: '9.8.7-test' });
    const response = await call(apiPaths.health);
    expect(response.status).toBe(200);
    expect(Health.parse(await response.json())).toEqual({ status: 'ok', version: '9.8.7-test' });
  });
});

describe('dossier lookup', () => {
  it('refuses a request without a token, or with an unknown one', async () => {
    const { call } = await start();
    const path = apiPaths.dossier(demoDossierCode('processing'));
    await expectError(await call(path), 401, 'UNAUTHORIZED');
    await expectError(await call(path, { token: 'not-a-real-kiosk-token-at-all' }), 401, 'UNAUTHORIZED');
    await expectError(await call(path, { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHORIZED');
  });

  it('returns the dossier to an enrolled kiosk, whatever the case of the code', async () => {
    const { call, enroll } = await start();
    const { token } = await enroll('hw-lookup');
    const code = demoDossierCode('processing');
    const response = await call(apiPaths.dossier(code.toLowerCase()), { token });
    expect(response.status).toBe(200);
    const dossier = Dossier.parse(await response.json());
    expect(dossier.code).toBe(code);
    expect(dossier.status).toBe('processing');
  });

  it('says DOSSIER_NOT_FOUND for an unknown code', async () => {
    const { call, enroll } = await start();
    const { token } = await enroll('hw-404');
    await expectError(await call(apiPaths.dossier('000.00.06.H56-260302-9999'), { token }), 404, 'DOSSIER_NOT_FOUND');
  });

  it('finds a code containing slashes when they are percent-encoded', async () => {
    const { call, enroll } = await start();
    const { token } = await enroll('hw-slash');
    const code = demoDossierCode('other_agency');
    expect(code).toContain('/');
    const response = await call(apiPaths.dossier(code), { token });
    expect(response.status).toBe(200);
    expect(Dossier.parse(await response.json()).code).toBe(code);
  });

  it('answers NOT_FOUND for routes it does not serve', async () => {
    const { call } = await start();
    await expectError(await call('/api/v1/nothing-here'), 404, 'NOT_FOUND');
    await expectError(await call(apiPaths.health, { method: 'DELETE' }), 404, 'NOT_FOUND');
  });
});

describe('enrollment', () => {
  it('lets the demo code enroll many kiosks, each with its own id and token', async () => {
    const { enroll } = await start();
    const first = await enroll('hw-a');
    const second = await enroll('hw-b');
    expect(first.kioskId).not.toBe(second.kioskId);
    expect(first.token).not.toBe(second.token);
  });

  it('accepts a typed code in any case and with surrounding spaces', async () => {
    const { enroll } = await start();
    await enroll('hw-typed', ` ${DEMO_ENROLLMENT_CODE.toLowerCase()} `);
  });

  it('refuses another code taking over an enrolled hardware id; the kiosk keeps working', async () => {
    const { call, enroll, issueEnrollmentCode } = await start();
    const before = await enroll('hw-same');
    for (const enrollmentCode of [DEMO_ENROLLMENT_CODE, (await issueEnrollmentCode()).enrollmentCode]) {
      await expectError(await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode, hardwareId: 'hw-same' } }), 409, 'KIOSK_ALREADY_ENROLLED');
    }
    expect((await call(apiPaths.dossier(demoDossierCode('received')), { token: before.token })).status).toBe(200);
  });

  it('uses up an issued code on its first enrollment', async () => {
    const { call, enroll, issueEnrollmentCode } = await start();
    const { enrollmentCode } = await issueEnrollmentCode();
    expect(enrollmentCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await enroll('hw-first', enrollmentCode);
    const again = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode, hardwareId: 'hw-second' } });
    await expectError(again, 403, 'ENROLLMENT_CODE_INVALID');
  });

  it('refuses an expired code, and reports when codes expire', async () => {
    const { call, issueEnrollmentCode } = await start();
    const issued = await issueEnrollmentCode(5);
    expect(Date.parse(issued.expiresAt)).toBe(START + 5 * 60_000);
    const defaultIssued = await issueEnrollmentCode();
    expect(Date.parse(defaultIssued.expiresAt)).toBe(START + 24 * 60 * 60_000);

    clockMs = START + 5 * 60_000;
    const response = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: issued.enrollmentCode, hardwareId: 'hw-late' } });
    await expectError(response, 403, 'ENROLLMENT_CODE_INVALID');
  });

  it('refuses an unknown code and an invalid body', async () => {
    const { call } = await start();
    await expectError(await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: 'NOPE-NOPE-NOPE', hardwareId: 'hw' } }), 403, 'ENROLLMENT_CODE_INVALID');
    await expectError(await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: DEMO_ENROLLMENT_CODE } }), 400, 'VALIDATION_FAILED');
  });

  it('keeps the demo code out of a server started without demo data', async () => {
    const { call, admin } = await start({ demo: false });
    await expectError(await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'hw' } }), 403, 'ENROLLMENT_CODE_INVALID');
    await expectError(await admin(apiPaths.adminDossier(demoDossierCode('processing')), { method: 'PATCH', json: {} }), 404, 'DOSSIER_NOT_FOUND');
  });
});

describe('admin endpoints', () => {
  it('require the admin token; a kiosk token is not enough', async () => {
    const { call, enroll } = await start();
    const { token: kioskToken } = await enroll('hw-admin');
    for (const token of [undefined, kioskToken, `${ADMIN_TOKEN}x`]) {
      await expectError(await call(apiPaths.adminDossiers, { method: 'POST', token, json: newDossier({ code: 'X-1234' }) }), 401, 'UNAUTHORIZED');
      await expectError(await call(apiPaths.adminDossier(demoDossierCode('received')), { method: 'PATCH', token, json: {} }), 401, 'UNAUTHORIZED');
      await expectError(await call(apiPaths.adminEnrollmentCodes, { method: 'POST', token, json: {} }), 401, 'UNAUTHORIZED');
    }
  });

  it('create a dossier under the given code, upper-cased, and refuse the same code again', async () => {
    const { admin, call, enroll } = await start();
    const response = await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier({ code: '000.00.06.h56-260302-0777' }) });
    expect(response.status).toBe(201);
    const created = Dossier.parse(await response.json());
    expect(created.code).toBe('000.00.06.H56-260302-0777');

    const { token } = await enroll('hw-create');
    const fetched = await call(apiPaths.dossier(created.code), { token });
    expect(Dossier.parse(await fetched.json())).toEqual(created);

    const duplicate = await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier({ code: '000.00.06.H56-260302-0777' }) });
    await expectError(duplicate, 409, 'DOSSIER_EXISTS');
  });

  it('issue codes in the national format, numbered per agency and per day of receipt in Vietnam time', async () => {
    const { admin } = await start({ demo: false });
    const create = async (overrides: Partial<AdminCreateDossier>) => {
      const response = await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier(overrides) });
      expect(response.status).toBe(201);
      return Dossier.parse(await response.json()).code;
    };
    const first = await create({});
    expect(first).toBe('000.00.06.H56-260302-0001');
    expect(parseReceipt(first)).toMatchObject({ ok: true, kind: 'structured' });
    // 20:00 UTC on 1 March is 03:00 on 2 March in Vietnam: the same day.
    expect(await create({ receivedAt: '2026-03-01T20:00:00Z' })).toBe('000.00.06.H56-260302-0002');
    expect(await create({ agency: { id: '000.21.30.H56', name: 'UBND phường Hòa Bình' } })).toBe('000.21.30.H56-260302-0001');
    expect(await create({ receivedAt: '2026-03-03T08:00:00+07:00' })).toBe('000.00.06.H56-260303-0001');
    // A number already taken by a hand-made code is skipped.
    await create({ code: '000.00.06.H56-260302-0003' });
    expect(await create({})).toBe('000.00.06.H56-260302-0004');
  });

  it('refuse to issue a code for an agency id outside the national format, and refuse unreadable codes', async () => {
    const { admin } = await start();
    const issue = await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier({ agency: { id: 'so-tu-phap', name: 'Sở Tư pháp' } }) });
    await expectError(issue, 400, 'VALIDATION_FAILED');
    for (const code of ['AB', 'MÃ-HỒ-SƠ-1', '000.00.06.H56 - 260302 - 0001']) {
      await expectError(await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier({ code }) }), 400, 'VALIDATION_FAILED');
    }
  });

  it('patch status and steps, keeping the other fields', async () => {
    const { admin, call, enroll } = await start();
    const code = demoDossierCode('processing');
    const steps = [
      { name: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', startedAt: '2026-03-01T08:00:00+07:00', finishedAt: '2026-03-01T08:10:00+07:00' },
      { name: 'Trả kết quả', unit: 'Quầy số 1', startedAt: '2026-03-02T09:00:00+07:00', finishedAt: null },
    ];
    const response = await admin(apiPaths.adminDossier(code), {
      method: 'PATCH',
      json: { status: 'result_ready', statusLabel: 'Đã có kết quả', steps, finishedAt: '2026-03-02T09:00:00+07:00' },
    });
    expect(response.status).toBe(200);
    const patched = Dossier.parse(await response.json());
    expect(patched).toMatchObject({ code, status: 'result_ready', statusLabel: 'Đã có kết quả', steps });

    const { token } = await enroll('hw-patch');
    const fetched = Dossier.parse(await (await call(apiPaths.dossier(code), { token })).json());
    expect(fetched).toEqual(patched);
    expect(fetched.applicantName).not.toBe('');
  });

  it('say DOSSIER_NOT_FOUND when patching an unknown code', async () => {
    const { admin } = await start();
    await expectError(await admin(apiPaths.adminDossier('000.00.06.H56-260302-9999'), { method: 'PATCH', json: { status: 'returned' } }), 404, 'DOSSIER_NOT_FOUND');
  });

  it('refuse dates that contradict each other with 422 DATES_INCONSISTENT naming the field, on create and on patch, storing nothing', async () => {
    const { admin } = await start();
    const early = await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier({ code: 'X-DATES-1', dueAt: '2026-03-01T16:30:00+07:00' }) });
    await expect(early.clone().json()).resolves.toMatchObject({ error: { code: 'DATES_INCONSISTENT', message: expect.stringMatching(/^dueAt: /) } });
    expect(early.status).toBe(422);
    await expectError(await admin(apiPaths.adminDossier('X-DATES-1'), { method: 'PATCH', json: {} }), 404, 'DOSSIER_NOT_FOUND');

    const code = demoDossierCode('processing');
    const finishedWhileProcessing = await admin(apiPaths.adminDossier(code), { method: 'PATCH', json: { finishedAt: '2026-03-02T09:00:00+07:00' } });
    expect(finishedWhileProcessing.status).toBe(422);
    expect(ApiErrorBody.parse(await finishedWhileProcessing.json()).error).toMatchObject({ code: 'DATES_INCONSISTENT', message: expect.stringMatching(/^finishedAt: .*processing/) });
    const stored = Dossier.parse(await (await admin(apiPaths.adminDossier(code), { method: 'PATCH', json: {} })).json());
    expect(stored.finishedAt).toBeNull();
  });

  it('answer 400 with the error shape for malformed JSON, invalid bodies and oversized bodies', async () => {
    const { admin } = await start();
    const code = demoDossierCode('received');
    await expectError(await admin(apiPaths.adminDossiers, { method: 'POST', body: '{"code": ' }), 400, 'BAD_REQUEST');
    await expectError(await admin(apiPaths.adminDossiers, { method: 'POST' }), 400, 'VALIDATION_FAILED');
    await expectError(await admin(apiPaths.adminDossiers, { method: 'POST', json: { ...newDossier(), status: 'done' } }), 400, 'VALIDATION_FAILED');
    await expectError(await admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier({ dueAt: 'tomorrow' }) }), 400, 'VALIDATION_FAILED');
    await expectError(await admin(apiPaths.adminDossier(code), { method: 'PATCH', json: { status: 'done' } }), 400, 'VALIDATION_FAILED');
    await expectError(await admin(apiPaths.adminDossier(code), { method: 'PATCH', json: { steps: 'none' } }), 400, 'VALIDATION_FAILED');
    await expectError(await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', json: { ttlMinutes: 0 } }), 400, 'VALIDATION_FAILED');
    await expectError(await admin(apiPaths.adminDossiers, { method: 'POST', body: 'x'.repeat(300 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('demo data', () => {
  it('has a dossier in every status, plus overdue, finished-late and another agency\'s code', async () => {
    const { call, enroll } = await start();
    const { token } = await enroll('hw-demo');
    const now = new Date(clockMs);
    const fetched = new Map<string, Dossier>();
    for (const { code } of demoDossiers) {
      const response = await call(apiPaths.dossier(code), { token });
      expect(response.status, code).toBe(200);
      fetched.set(code, Dossier.parse(await response.json()));
    }
    const byScenario = (scenario: Parameters<typeof demoDossierCode>[0]) => fetched.get(demoDossierCode(scenario))!;

    for (const status of dossierStatuses) {
      const dossier = byScenario(status);
      expect(dossier.status).toBe(status);
      expect(timeliness(dossier, now)).toBe('on_time');
    }
    expect(timeliness(byScenario('overdue'), now)).toBe('overdue');
    expect(timeliness(byScenario('finished_late'), now)).toBe('finished_late');
    expect(parseReceipt(byScenario('other_agency').code)).toMatchObject({ ok: true, kind: 'unstructured' });
    expect(byScenario('awaiting_supplement').supplement).toMatchObject({ documents: expect.arrayContaining([expect.any(String)]), counter: expect.any(String) });
    for (const dossier of fetched.values()) {
      expect(Date.parse(dossier.receivedAt)).toBeLessThanOrEqual(now.getTime());
      expect(dossier.statusLabel).toBeTruthy();
    }
  });
});

describe('storage', () => {
  it('syncs every commit to disk before it is acknowledged: WAL with synchronous=FULL', () => {
    const store = openCentralStore(tempDbFile());
    try {
      expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    } finally {
      store.close();
    }
  });

  it('keeps dossiers and enrolled kiosks across a restart on the same database file', async () => {
    const dbFile = tempDbFile();
    const first = await start({ dbFile });
    const created = await first.admin(apiPaths.adminDossiers, { method: 'POST', json: newDossier() });
    const { code } = Dossier.parse(await created.json());
    const { token } = await first.enroll('hw-restart');
    await first.server.close();
    running.splice(running.indexOf(first.server), 1);

    const second = await start({ dbFile });
    const response = await second.call(apiPaths.dossier(code), { token });
    expect(response.status).toBe(200);
    expect(Dossier.parse(await response.json()).applicantName).toBe('Phan Thị Thử');
    // Seeding happens once: the demo dossiers are still there, not doubled or reset.
    expect((await second.call(apiPaths.dossier(demoDossierCode('returned')), { token })).status).toBe(200);
  });

  it('stores tokens only as hashes', async () => {
    const dbFile = tempDbFile();
    const { enroll, issueEnrollmentCode } = await start({ dbFile });
    const { token } = await enroll('hw-hash');
    const { enrollmentCode } = await issueEnrollmentCode();
    const stored = [dbFile, `${dbFile}-wal`].filter(existsSync).map((file) => readFileSync(file).toString('latin1')).join('');
    expect(stored).toContain('hw-hash');
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(enrollmentCode);
    expect(stored).not.toContain(ADMIN_TOKEN);
  });

  it('refuses a database written by a newer server', async () => {
    const dbFile = tempDbFile();
    const db = new Database(dbFile);
    db.pragma('user_version = 99');
    db.close();
    await expect(startCentralServer({ dbFile })).rejects.toThrow(/schema version 99/);
  });
});

describe('request log', () => {
  it('names routes, never dossier codes or applicants', async () => {
    const lines: string[] = [];
    const { call, enroll } = await start({ log: (line) => lines.push(line) });
    const { token } = await enroll('hw-log');
    const code = demoDossierCode('awaiting_payment');
    const dossier = Dossier.parse(await (await call(apiPaths.dossier(code), { token })).json());
    await call(apiPaths.dossier('000.00.06.H56-260302-4242'), { token });
    await call(`/not-a-route/${code}`);

    expect(lines).toContain('GET /api/v1/dossiers/:code 200');
    expect(lines).toContain('GET /api/v1/dossiers/:code 404');
    const text = lines.join('\n');
    for (const secret of [code, '000.00.06.H56-260302-4242', dossier.applicantName, token]) expect(text).not.toContain(secret);
  });
});
