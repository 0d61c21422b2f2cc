// The ratings outbox against the real reference server: delivery, outages, restarts, lost replies, bad servers
// and a process killed right after the tap. Nothing lost, nothing counted twice.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiPaths, EnrollResponse } from '../../shared/api/gateway';
import { FeedbackList, feedbackPaths } from '../../shared/api/feedback';
import type { FeedbackSubmitRequest } from '../../shared/contract/feedback';
import { createCentralClient } from '../../electron/core/centralClient';
import { openFeedbackModule, type FeedbackModule } from '../../electron/core/feedback/feedbackModule';
import { createRedactor } from '../../electron/core/logger';
import { startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { memoryLogger } from '../main/memoryLogger';
import { adminDossier } from '../support/dossiers';
import { makeTempDir, projectRoot, runTypeScript } from '../support/processes';

const ADMIN_TOKEN = 'outbox-admin-token-0123456789';
const CODE = '000.00.06.H56-260302-0001';
const OTHER_CODE = '000.00.06.H56-260302-0002';
const START = Date.parse('2026-03-16T03:00:00Z');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = makeTempDir('outbox');
  tempDirs.push(dir);
  return dir;
}

/** The reference server on `port` (0: a free one) over `dbFile`, seeded with two dossiers and one enrolled kiosk. */
async function startCentral(dbFile: string, port = 0): Promise<RunningCentralServer> {
  const server = await startCentralServer({ adminToken: ADMIN_TOKEN, dbFile, port, now: () => new Date(START) });
  cleanups.push(() => server.close().catch(() => undefined));
  return server;
}

async function prepareCentral(dbFile: string) {
  const server = await startCentral(dbFile);
  const admin = (path: string, init: RequestInit = {}) => fetch(server.url + path, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' } });
  for (const code of [CODE, OTHER_CODE]) await admin(apiPaths.adminDossiers, { method: 'POST', body: JSON.stringify(adminDossier(code)) });
  const issued = (await (await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', body: '{}' })).json()) as { enrollmentCode: string };
  const enrolled = EnrollResponse.parse(
    await (await fetch(server.url + apiPaths.enroll, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrollmentCode: issued.enrollmentCode, hardwareId: 'hw-outbox' }) })).json(),
  );
  return { server, ...enrolled };
}

async function ratingsOn(url: string): Promise<FeedbackList> {
  return FeedbackList.parse(await (await fetch(url + feedbackPaths.adminFeedback, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json());
}

interface KioskSide {
  feedback: FeedbackModule;
  clock: { ms: number };
  log: ReturnType<typeof memoryLogger>;
}

/** The kiosk's feedback module over `dbPath`, talking to `baseUrl` with a clock the test moves. */
function openKiosk(opts: { dbPath: string; baseUrl: string; token: string; kioskId: string; fetch?: typeof fetch; clock?: { ms: number } }): KioskSide {
  const clock = opts.clock ?? { ms: START };
  const log = memoryLogger();
  const client = createCentralClient({ baseUrl: opts.baseUrl, token: opts.token, fetch: opts.fetch, attemptTimeoutMs: 1000, deadlineMs: 1500 });
  const feedback = openFeedbackModule({
    dbPath: opts.dbPath,
    client,
    kioskId: opts.kioskId,
    logger: log.logger,
    redactor: createRedactor('outbox-test'),
    now: () => new Date(clock.ms),
    retryBaseMs: 1000,
    retryMaxMs: 8000,
  });
  let closed = false;
  const close = feedback.close;
  feedback.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  cleanups.push(() => feedback.close());
  return { feedback, clock, log };
}

const rating = (overrides: Partial<FeedbackSubmitRequest> = {}): FeedbackSubmitRequest => ({
  sessionId: 'session-0001',
  dossierCode: CODE,
  rating: 'khong_hai_long',
  reason: 'Phải đi lại nhiều lần',
  ...overrides,
});

describe('ratings outbox', () => {
  it('delivers a rating at once when the server is up, and keeps the dossier code out of the log', async () => {
    const dir = tempDir();
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    const { feedback, log } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId });
    await expect(feedback.handlers['feedback:submit'](rating())).resolves.toEqual({ ok: true, value: { recorded: true } });
    expect(feedback.outbox.counts()).toEqual({ pending: 1, delivered: 0, rejected: 0 });
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 1, rejected: 0, retrying: 0 });
    expect(feedback.outbox.counts()).toEqual({ pending: 0, delivered: 1, rejected: 0 });
    const stored = await ratingsOn(server.url);
    expect(stored.items).toMatchObject([{ dossierCode: CODE, rating: 'khong_hai_long', reason: 'Phải đi lại nhiều lần', kioskId }]);
    expect(log.text()).not.toContain(CODE);
  });

  it('delivers through the background loop once started', async () => {
    const dir = tempDir();
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    const { feedback } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId });
    feedback.delivery.start();
    await feedback.handlers['feedback:submit'](rating({ rating: 'hai_long', reason: undefined }));
    await expect.poll(() => feedback.outbox.counts().delivered).toBe(1);
    expect((await ratingsOn(server.url)).total).toBe(1);
  });

  it('keeps one rating per dossier from this kiosk: a repeat tap, or another session\'s, is not recorded again', async () => {
    const dir = tempDir();
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    const { feedback } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId });
    const submit = feedback.handlers['feedback:submit'];
    await expect(submit(rating())).resolves.toEqual({ ok: true, value: { recorded: true } });
    await expect(submit(rating({ rating: 'hai_long', reason: undefined }))).resolves.toEqual({ ok: true, value: { recorded: false } });
    await expect(submit(rating({ dossierCode: CODE.toLowerCase() }))).resolves.toEqual({ ok: true, value: { recorded: false } });
    // The server keeps one per dossier per kiosk: another session's rating of it would be refused (ALREADY_RATED).
    await expect(submit(rating({ sessionId: 'session-0002' }))).resolves.toEqual({ ok: true, value: { recorded: false } });
    await expect(submit(rating({ dossierCode: OTHER_CODE }))).resolves.toEqual({ ok: true, value: { recorded: true } });
    await feedback.delivery.deliverDue();
    expect((await ratingsOn(server.url)).total).toBe(2);
    await expect(submit(rating({ sessionId: 'session-0003' }))).resolves.toEqual({ ok: true, value: { recorded: false } });
  });

  it('refuses at the kiosk a "không hài lòng" without a reason and text that is not a dossier code', async () => {
    const dir = tempDir();
    const { feedback } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: 'http://127.0.0.1:9', token: 't'.repeat(32), kioskId: 'k' });
    await expect(feedback.handlers['feedback:submit'](rating({ reason: undefined }))).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', reason: 'REASON_REQUIRED' } });
    await expect(feedback.handlers['feedback:submit'](rating({ dossierCode: '<script>' }))).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(feedback.outbox.counts()).toEqual({ pending: 0, delivered: 0, rejected: 0 });
  });

  it('keeps a rating while the server is down and delivers it once when it is back', async () => {
    const dir = tempDir();
    const centralDb = join(dir, 'central.sqlite');
    const { server, token, kioskId } = await prepareCentral(centralDb);
    const port = server.port;
    const { feedback, clock } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId });
    await server.close();

    await feedback.handlers['feedback:submit'](rating());
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 0, retrying: 1 });
    // Not due again before its backoff has passed.
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 0, retrying: 0 });
    expect(feedback.outbox.counts()).toEqual({ pending: 1, delivered: 0, rejected: 0 });

    const back = await startCentral(centralDb, port);
    clock.ms += 1000;
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 1, rejected: 0, retrying: 0 });
    clock.ms += 60_000;
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 0, retrying: 0 });
    expect((await ratingsOn(back.url)).total).toBe(1);
  });

  it('delivers once after the kiosk restarts with ratings pending', async () => {
    const dir = tempDir();
    const centralDb = join(dir, 'central.sqlite');
    const { server, token, kioskId } = await prepareCentral(centralDb);
    const port = server.port;
    await server.close();
    const outboxDb = join(dir, 'outbox.db');
    const first = openKiosk({ dbPath: outboxDb, baseUrl: server.url, token, kioskId });
    await first.feedback.handlers['feedback:submit'](rating());
    await first.feedback.handlers['feedback:submit'](rating({ dossierCode: OTHER_CODE, rating: 'rat_hai_long', reason: undefined }));
    await first.feedback.delivery.deliverDue();
    await first.feedback.close();

    const back = await startCentral(centralDb, port);
    const second = openKiosk({ dbPath: outboxDb, baseUrl: back.url, token, kioskId, clock: { ms: START + 1000 } });
    expect(second.feedback.outbox.counts()).toEqual({ pending: 2, delivered: 0, rejected: 0 });
    await expect(second.feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 2, rejected: 0, retrying: 0 });
    await second.feedback.close();
    const third = openKiosk({ dbPath: outboxDb, baseUrl: back.url, token, kioskId, clock: { ms: START + 600_000 } });
    await expect(third.feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 0, retrying: 0 });
    expect((await ratingsOn(back.url)).items.map((item) => item.dossierCode).sort()).toEqual([CODE, OTHER_CODE]);
  });

  it('sends the same idempotency key again when a reply is lost, and the server stores the rating once', async () => {
    const dir = tempDir();
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    const keys: string[] = [];
    let loseReplies = 1;
    // The request reaches the server; the answer never reaches the kiosk (a dropped connection).
    const lossyFetch: typeof fetch = async (input, init) => {
      keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
      const response = await fetch(input, init);
      if (loseReplies-- > 0) throw new TypeError('connection reset');
      return response;
    };
    const { feedback, clock } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId, fetch: lossyFetch });
    await feedback.handlers['feedback:submit'](rating());
    await expect(feedback.delivery.deliverDue()).resolves.toMatchObject({ retrying: 1 });
    expect((await ratingsOn(server.url)).total).toBe(1);
    clock.ms += 1000;
    await expect(feedback.delivery.deliverDue()).resolves.toMatchObject({ delivered: 1 });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await ratingsOn(server.url)).total).toBe(1);
  });

  it('keeps a rating the server refuses for good as rejected, with the reason, and never sends it again', async () => {
    const dir = tempDir();
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    const { feedback, clock } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId });
    await feedback.handlers['feedback:submit'](rating({ dossierCode: '000.00.06.H56-260302-9999' }));
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 1, retrying: 0 });
    expect(feedback.outbox.counts()).toEqual({ pending: 0, delivered: 0, rejected: 1 });
    clock.ms += 3_600_000;
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 0, retrying: 0 });
    expect((await ratingsOn(server.url)).total).toBe(0);
  });
});

describe('ratings outbox against a failing server', () => {
  let answers: ((response: ServerResponse) => void)[];
  let requests: number;

  async function failingServer(): Promise<string> {
    requests = 0;
    const server: Server = createServer((request, response) => {
      request.resume();
      requests++;
      const answer = answers.shift() ?? ((r) => r.writeHead(500).end());
      answer(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('retries on 500 and on garbage with a growing, capped backoff, and keeps the rating', async () => {
    answers = [
      (r) => r.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"code":"INTERNAL","message":"x"}}'),
      (r) => r.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json</html>'),
      (r) => r.writeHead(201, { 'content-type': 'application/json' }).end('{"unexpected":true}'),
      (r) => r.writeHead(503).end(),
      (r) => r.writeHead(429).end(),
    ];
    const url = await failingServer();
    const dir = tempDir();
    const { feedback, clock } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: url, token: 't'.repeat(32), kioskId: 'kiosk-1' });
    await feedback.handlers['feedback:submit'](rating());
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 0, rejected: 0, retrying: 1 });
      const next = feedback.outbox.nextDueAt()!;
      waits.push(next - clock.ms);
      // Just before it is due, nothing is sent.
      clock.ms = next - 1;
      await feedback.delivery.deliverDue();
      expect(requests).toBe(attempt);
      clock.ms = next;
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(feedback.outbox.counts()).toEqual({ pending: 1, delivered: 0, rejected: 0 });
  });

  it('keeps the rating and its backoff across a restart', async () => {
    answers = [(r) => r.writeHead(500).end(), (r) => r.writeHead(500).end()];
    const url = await failingServer();
    const outboxDb = join(tempDir(), 'outbox.db');
    const first = openKiosk({ dbPath: outboxDb, baseUrl: url, token: 't'.repeat(32), kioskId: 'kiosk-1' });
    await first.feedback.handlers['feedback:submit'](rating());
    await first.feedback.delivery.deliverDue();
    first.clock.ms += 1000;
    await first.feedback.delivery.deliverDue();
    await first.feedback.close();
    const second = openKiosk({ dbPath: outboxDb, baseUrl: url, token: 't'.repeat(32), kioskId: 'kiosk-1', clock: { ms: first.clock.ms } });
    // Two failures so far: the third attempt waits 2 s, restart or not.
    expect(second.feedback.outbox.nextDueAt()).toBe(first.clock.ms + 2000);
    expect(second.feedback.outbox.counts().pending).toBe(1);
  });
});

describe('a kiosk process killed right after the tap', () => {
  it('finds the rating in the outbox on restart and delivers it', async () => {
    const dir = tempDir();
    const outboxDb = join(dir, 'outbox.db');
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    // One process (tsx as a loader, not its wrapper script): the SIGKILL must reach the process that wrote the rating.
    const child = spawn(process.execPath, [...runTypeScript, join(projectRoot, 'tests/integration/outboxKilledChild.ts'), outboxDb, CODE, kioskId], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('\n')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', () => reject(new Error(`child exited before recording: ${output}`)));
    });
    expect(output.trim()).toBe('recorded');
    expect(await exited).toBe('SIGKILL');

    const { feedback } = openKiosk({ dbPath: outboxDb, baseUrl: server.url, token, kioskId, clock: { ms: Date.now() } });
    expect(feedback.outbox.counts()).toEqual({ pending: 1, delivered: 0, rejected: 0 });
    await expect(feedback.delivery.deliverDue()).resolves.toEqual({ delivered: 1, rejected: 0, retrying: 0 });
    expect((await ratingsOn(server.url)).items).toMatchObject([{ dossierCode: CODE, rating: 'khong_hai_long', reason: 'Chờ lâu', kioskId }]);
  }, 30_000);
});

describe('the on-time board through the kiosk', () => {
  it('shows the server\'s board, then the cached one marked stale with its date when the server is down', async () => {
    const dir = tempDir();
    const { server, token, kioskId } = await prepareCentral(join(dir, 'central.sqlite'));
    const { feedback, clock } = openKiosk({ dbPath: join(dir, 'outbox.db'), baseUrl: server.url, token, kioskId });
    await feedback.handlers['feedback:submit'](rating({ rating: 'hai_long', reason: undefined }));
    await feedback.delivery.deliverDue();

    const fresh = await feedback.handlers['stats:onTime']({ period: 'year' });
    expect(fresh.stale).toBe(false);
    expect(fresh.fetchedAt).toBe(new Date(START).toISOString());
    expect(fresh.board?.agencies).toEqual([
      {
        agency: { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh' },
        received: 2,
        resolvedOnTime: 0,
        resolvedLate: 0,
        pendingOnTime: 2,
        pendingOverdue: 0,
        ratings: 1,
        satisfactionShare: 1,
      },
    ]);

    await server.close();
    clock.ms += 3_600_000;
    const cached = await feedback.handlers['stats:onTime']({ period: 'year' });
    expect(cached).toEqual({ board: fresh.board, fetchedAt: fresh.fetchedAt, stale: true });
    // Another period was never fetched: nothing to show.
    await expect(feedback.handlers['stats:onTime']({ period: 'month' })).resolves.toEqual({ board: null, fetchedAt: null, stale: true });
  });
});
