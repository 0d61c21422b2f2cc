// The ratings API and the on-time board of the reference central server, over real HTTP.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AdminCreateDossier, ApiErrorBody, apiPaths, Dossier, EnrollmentCodeIssued, EnrollResponse } from '../../shared/api/gateway';
import {
  FeedbackAccepted,
  FeedbackList,
  type FeedbackRequest,
  FeedbackSummary,
  feedbackPaths,
  IDEMPOTENCY_KEY_HEADER,
  OnTimeBoard,
  satisfactionIndicators,
} from '../../shared/api/feedback';
import { type CentralServerOptions, startCentralServer } from '../../server/centralServer';
import { makeTempDir } from '../support/processes';
import { apiCaller } from '../support/api';
import { adminDossier, centreAgency, wardAgency } from '../support/dossiers';

const ADMIN_TOKEN = 'feedback-admin-token-0123456789';
// 10:00 on 16 March 2026 in Vietnam.
const NOW = Date.parse('2026-03-16T03:00:00Z');
const running: { close(): Promise<void> }[] = [];
const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function start(options: CentralServerOptions = {}) {
  let clockMs = NOW;
  const server = await startCentralServer({ adminToken: ADMIN_TOKEN, now: () => new Date(clockMs), ...options });
  running.push(server);
  const call = apiCaller(server.url);
  const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => call(path, { ...init, token: ADMIN_TOKEN });
  const addDossier = async (d: AdminCreateDossier) => {
    const response = await admin(apiPaths.adminDossiers, { method: 'POST', json: d });
    expect(response.status).toBe(201);
    return Dossier.parse(await response.json());
  };
  const enroll = async (hardwareId: string) => {
    const issued = EnrollmentCodeIssued.parse(await (await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', json: {} })).json());
    const response = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: issued.enrollmentCode, hardwareId } });
    return EnrollResponse.parse(await response.json());
  };
  const rate = (token: string, body: FeedbackRequest | unknown, key: string | null = randomUUID()) =>
    call(feedbackPaths.feedback, { method: 'POST', token, json: body, headers: key === null ? {} : { [IDEMPOTENCY_KEY_HEADER]: key } });
  const list = async (query = '') => FeedbackList.parse(await (await admin(feedbackPaths.adminFeedback + query)).json());
  return { server, call, admin, addDossier, enroll, rate, list, setClock: (ms: number) => (clockMs = ms) };
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(ApiErrorBody.parse(await response.json()).error.code).toBe(code);
}

describe('POST /api/v1/feedback', () => {
  it('stores a rating for a known dossier and lists it for the admin with the dossier\'s agency', async () => {
    const { addDossier, enroll, rate, list } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001'));
    const { token, kioskId } = await enroll('hw-1');
    const response = await rate(token, { dossierCode: '000.00.06.h56-260302-0001', rating: 'hai_long', kioskId, indicators: { staff_attitude: 2 } });
    expect(response.status).toBe(201);
    const accepted = FeedbackAccepted.parse(await response.json());
    const { items, total } = await list();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ id: accepted.id, dossierCode: '000.00.06.H56-260302-0001', agency: centreAgency, rating: 'hai_long', kioskId, reason: null, indicators: { staff_attitude: 2 } });
  });

  it('stores a key once and answers a repeat with the first result', async () => {
    const { addDossier, enroll, rate, list } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001'));
    const { token, kioskId } = await enroll('hw-1');
    const body = { dossierCode: '000.00.06.H56-260302-0001', rating: 'rat_hai_long', kioskId };
    const first = await rate(token, body, 'key-0123456789abcdef');
    const again = await rate(token, body, 'key-0123456789abcdef');
    expect(again.status).toBe(first.status);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await list()).total).toBe(1);
    // The same key with another rating is a client bug, not a repeat.
    await expectError(await rate(token, { ...body, rating: 'hai_long' }, 'key-0123456789abcdef'), 409, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses "khong_hai_long" without a reason (422), an unknown dossier (404), a missing key, another kiosk\'s id and no token', async () => {
    const { addDossier, enroll, rate, call, list } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001'));
    const { token, kioskId } = await enroll('hw-1');
    const base = { dossierCode: '000.00.06.H56-260302-0001', kioskId };
    await expectError(await rate(token, { ...base, rating: 'khong_hai_long' }), 422, 'REASON_REQUIRED');
    await expectError(await rate(token, { ...base, rating: 'khong_hai_long', reason: '   ' }), 400, 'VALIDATION_FAILED');
    await expectError(await rate(token, { ...base, dossierCode: '000.00.06.H56-260302-9999', rating: 'hai_long' }), 404, 'DOSSIER_NOT_FOUND');
    await expectError(await rate(token, { ...base, rating: 'hai_long' }, null), 400, 'BAD_REQUEST');
    await expectError(await rate(token, { ...base, rating: 'hai_long' }, 'short'), 400, 'BAD_REQUEST');
    await expectError(await rate(token, { ...base, rating: 'so_so' }), 400, 'VALIDATION_FAILED');
    await expectError(await rate(token, { ...base, kioskId: 'someone-else', rating: 'hai_long' }), 403, 'FORBIDDEN');
    await expectError(await call(feedbackPaths.feedback, { method: 'POST', json: { ...base, rating: 'hai_long' } }), 401, 'UNAUTHORIZED');
    const accepted = await rate(token, { ...base, rating: 'khong_hai_long', reason: 'Phải đi lại nhiều lần' });
    expect(accepted.status).toBe(201);
    expect((await list()).items.map((item) => item.reason)).toEqual(['Phải đi lại nhiều lần']);
  });

  it('keeps one rating per dossier per kiosk: a repeat under a new key is 409 ALREADY_RATED, the first stands; a resend of the first key is still its 201', async () => {
    const { addDossier, enroll, rate, list } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001'));
    const first = await enroll('hw-once');
    const other = await enroll('hw-other');
    const body = { dossierCode: '000.00.06.H56-260302-0001', rating: 'hai_long' as const, kioskId: first.kioskId };
    expect((await rate(first.token, body, 'first-key-0123456789')).status).toBe(201);
    const repeat = await rate(first.token, { ...body, rating: 'khong_hai_long', reason: 'wait_long', dossierCode: body.dossierCode.toLowerCase() });
    await expectError(repeat, 409, 'ALREADY_RATED');
    const resent = await rate(first.token, body, 'first-key-0123456789');
    expect(resent.status).toBe(201);
    expect(resent.headers.get('idempotent-replayed')).toBe('true');
    expect((await rate(other.token, { ...body, kioskId: other.kioskId })).status).toBe(201);
    expect((await list()).items.map((item) => [item.kioskId, item.rating]).sort()).toEqual([[first.kioskId, 'hai_long'], [other.kioskId, 'hai_long']].sort());
  });

  it('keeps ratings across a restart on the same database file', async () => {
    const dir = makeTempDir('feedback');
    tempDirs.push(dir);
    const dbFile = join(dir, 'central.sqlite');
    const first = await start({ dbFile });
    await first.addDossier(adminDossier('000.00.06.H56-260302-0001'));
    const { token, kioskId } = await first.enroll('hw-1');
    const body = { dossierCode: '000.00.06.H56-260302-0001', rating: 'hai_long', kioskId };
    expect((await first.rate(token, body, 'restart-key-0123456789')).status).toBe(201);
    await running.pop()!.close();
    const second = await start({ dbFile });
    expect((await second.rate(token, body, 'restart-key-0123456789')).status).toBe(201);
    expect((await second.list()).total).toBe(1);
  });
});

describe('admin feedback list and summary', () => {
  it('filters by agency and the current period, and summarises counts and satisfaction share per agency per period', async () => {
    const { addDossier, enroll, rate, list, admin, setClock } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001'));
    await addDossier(adminDossier('000.21.30.H56-260302-0001', { agency: wardAgency }));
    // One rating per dossier per kiosk: each rating of the same dossier comes from another kiosk.
    const [k1, k2, k3] = [await enroll('hw-1'), await enroll('hw-2'), await enroll('hw-3')];
    setClock(Date.parse('2026-02-10T03:00:00Z'));
    await rate(k1.token, { dossierCode: '000.00.06.H56-260302-0001', rating: 'khong_hai_long', reason: 'Chờ lâu', kioskId: k1.kioskId });
    setClock(NOW);
    await rate(k2.token, { dossierCode: '000.00.06.H56-260302-0001', rating: 'rat_hai_long', kioskId: k2.kioskId });
    await rate(k3.token, { dossierCode: '000.00.06.H56-260302-0001', rating: 'khong_hai_long', reason: 'Chờ lâu', kioskId: k3.kioskId });
    await rate(k1.token, { dossierCode: '000.21.30.H56-260302-0001', rating: 'hai_long', kioskId: k1.kioskId });

    expect((await list()).total).toBe(4);
    expect((await list('?period=month')).total).toBe(3);
    expect((await list('?period=quarter')).total).toBe(4);
    expect((await list(`?agency=${wardAgency.id}`)).items.map((item) => item.agency.id)).toEqual([wardAgency.id]);
    await expectError(await admin(`${feedbackPaths.adminFeedback}?period=week`), 400, 'VALIDATION_FAILED');

    const summary = FeedbackSummary.parse(await (await admin(`${feedbackPaths.adminFeedbackSummary}?period=month`)).json());
    const noIndicators = { rated: 0, means: {}, meanTotal: null, rank: null };
    expect(summary.rows).toEqual([
      { agency: centreAgency, period: '2026-03', counts: { rat_hai_long: 1, hai_long: 0, khong_hai_long: 1 }, total: 2, satisfactionShare: 0.5, indicators: noIndicators },
      { agency: wardAgency, period: '2026-03', counts: { rat_hai_long: 0, hai_long: 1, khong_hai_long: 0 }, total: 1, satisfactionShare: 1, indicators: noIndicators },
      { agency: centreAgency, period: '2026-02', counts: { rat_hai_long: 0, hai_long: 0, khong_hai_long: 1 }, total: 1, satisfactionShare: 0, indicators: noIndicators },
    ]);
    const yearly = FeedbackSummary.parse(await (await admin(`${feedbackPaths.adminFeedbackSummary}?period=year`)).json());
    expect(yearly.rows.map((row) => [row.agency.id, row.period, row.total])).toEqual([[centreAgency.id, '2026', 3], [wardAgency.id, '2026', 1]]);
  });

  it('summarises the nine indicators of the ratings that carry them: their means, the mean total and its rank', async () => {
    const { addDossier, enroll, rate, admin, setClock } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001'));
    await addDossier(adminDossier('000.21.30.H56-260302-0001', { agency: wardAgency }));
    // One rating per dossier per kiosk: each rating of the same dossier comes from another kiosk.
    const kiosks = [await enroll('hw-1'), await enroll('hw-2'), await enroll('hw-3'), await enroll('hw-4')];
    const allNine = (score: 0 | 1 | 2) => Object.fromEntries(satisfactionIndicators.map((indicator) => [indicator, score]));
    const centreCode = '000.00.06.H56-260302-0001';
    setClock(Date.parse('2026-02-10T03:00:00Z'));
    await rate(kiosks[0]!.token, { dossierCode: centreCode, rating: 'khong_hai_long', reason: 'wait_long', indicators: allNine(0), kioskId: kiosks[0]!.kioskId });
    setClock(NOW);
    for (const [index, body] of [
      { dossierCode: centreCode, rating: 'rat_hai_long', indicators: allNine(2) },
      { dossierCode: centreCode, rating: 'hai_long', indicators: { ...allNine(1), online_service: 2 } },
      { dossierCode: centreCode, rating: 'hai_long' },
      { dossierCode: '000.21.30.H56-260302-0001', rating: 'hai_long', indicators: { staff_attitude: 1, publicity: 2 } },
    ].entries()) {
      const kiosk = kiosks[(index + 1) % kiosks.length]!;
      expect((await rate(kiosk.token, { ...body, kioskId: kiosk.kioskId })).status).toBe(201);
    }

    const summary = FeedbackSummary.parse(await (await admin(`${feedbackPaths.adminFeedbackSummary}?period=month`)).json());
    expect(summary.rows.map((row) => [row.agency.id, row.period, row.indicators])).toEqual([
      [
        centreAgency.id,
        '2026-03',
        {
          rated: 2,
          means: { ...Object.fromEntries(satisfactionIndicators.map((indicator) => [indicator, 1.5])), online_service: 2 },
          // 8 × 1.5 + 2
          meanTotal: 14,
          rank: 'tot',
        },
      ],
      // Two indicators scored, averaging 1.5: 13.5 on the 18-point scale.
      [wardAgency.id, '2026-03', { rated: 1, means: { staff_attitude: 1, publicity: 2 }, meanTotal: 13.5, rank: 'tot' }],
      [centreAgency.id, '2026-02', { rated: 1, means: allNine(0), meanTotal: 0, rank: 'yeu' }],
    ]);
    const quarter = FeedbackSummary.parse(await (await admin(`${feedbackPaths.adminFeedbackSummary}?period=quarter`)).json());
    // Over the quarter's three ratings each indicator means (2 + 1 + 0) / 3, online service (2 + 2 + 0) / 3: "khá".
    expect(quarter.rows.find((row) => row.agency.id === centreAgency.id)?.indicators).toMatchObject({ rated: 3, meanTotal: 9.33, rank: 'kha' });
  });

  it('is for the admin only', async () => {
    const { call, enroll } = await start();
    const { token } = await enroll('hw-1');
    await expectError(await call(feedbackPaths.adminFeedback, { token }), 401, 'UNAUTHORIZED');
    await expectError(await call(feedbackPaths.adminFeedbackSummary, { token }), 401, 'UNAUTHORIZED');
  });
});

describe('GET /api/v1/stats/on-time', () => {
  it('counts the period\'s dossiers per agency by where they stand, with the satisfaction share', async () => {
    const { addDossier, enroll, rate, call } = await start();
    await addDossier(adminDossier('000.00.06.H56-260302-0001', { status: 'returned', finishedAt: '2026-03-05T09:00:00+07:00', dueAt: '2026-03-06T16:30:00+07:00' }));
    await addDossier(adminDossier('000.00.06.H56-260302-0002', { status: 'result_ready', finishedAt: '2026-03-09T09:00:00+07:00', dueAt: '2026-03-06T16:30:00+07:00' }));
    await addDossier(adminDossier('000.00.06.H56-260302-0003', { dueAt: '2026-03-10T16:30:00+07:00' }));
    await addDossier(adminDossier('000.00.06.H56-260302-0004'));
    await addDossier(adminDossier('000.00.06.H56-260302-0005', { status: 'rejected' }));
    await addDossier(adminDossier('000.00.06.H56-260215-0001', { receivedAt: '2026-02-15T08:00:00+07:00' }));
    await addDossier(adminDossier('000.21.30.H56-260302-0001', { agency: wardAgency }));
    const { token, kioskId } = await enroll('hw-1');
    await rate(token, { dossierCode: '000.00.06.H56-260302-0001', rating: 'rat_hai_long', kioskId });
    await rate(token, { dossierCode: '000.00.06.H56-260302-0002', rating: 'hai_long', kioskId });
    await rate(token, { dossierCode: '000.00.06.H56-260302-0003', rating: 'khong_hai_long', reason: 'Trễ hẹn', kioskId });

    const response = await call(`${feedbackPaths.onTime}?period=month`, { token });
    expect(response.status).toBe(200);
    const board = OnTimeBoard.parse(await response.json());
    expect(board.period).toEqual({ kind: 'month', label: '2026-03', from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' });
    expect(board.agencies).toEqual([
      { agency: centreAgency, received: 5, resolvedOnTime: 1, resolvedLate: 1, pendingOnTime: 1, pendingOverdue: 1, ratings: 3, satisfactionShare: 2 / 3 },
      { agency: wardAgency, received: 1, resolvedOnTime: 0, resolvedLate: 0, pendingOnTime: 1, pendingOverdue: 0, ratings: 0, satisfactionShare: null },
    ]);
    const quarter = OnTimeBoard.parse(await (await call(`${feedbackPaths.onTime}?period=quarter`, { token })).json());
    expect(quarter.agencies.find((row) => row.agency.id === centreAgency.id)?.received).toBe(6);
  });

  it('answers an empty board when nothing was received, and needs a kiosk token and a known period', async () => {
    const { call, enroll } = await start();
    const { token } = await enroll('hw-1');
    const board = OnTimeBoard.parse(await (await call(`${feedbackPaths.onTime}?period=year`, { token })).json());
    expect(board.agencies).toEqual([]);
    expect(board.period.label).toBe('2026');
    await expectError(await call(feedbackPaths.onTime), 401, 'UNAUTHORIZED');
    await expectError(await call(`${feedbackPaths.onTime}?period=week`, { token }), 400, 'VALIDATION_FAILED');
  });
});
