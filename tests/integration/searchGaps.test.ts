/**
 * Search gaps from a kiosk to the administrator's list: the web host's bridge takes the page's reports, the core
 * drops what looks like a person's data and counts the rest, the heartbeat carries the counts, and the reference
 * server adds them up per query at `GET /api/v1/admin/search-gaps`. Every byte the kiosk sends to the server goes
 * through a recording proxy here, so "never sent" is checked on the wire, and the kiosk's log files are read too.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WebHost } from '../../electron/web/webHost';
import { LOG_DIR, startWebKiosk } from '../../electron/web/webKiosk';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { apiPaths } from '../../shared/api/gateway';
import { fleetPaths, SearchGapList, type Heartbeat } from '../../shared/api/fleet';
import { apiCaller } from '../support/api';
import { callBridge } from '../support/bridgeClient';
import { makeTempDir } from '../support/processes';

const ID_NUMBER = '001203004567';
const PHONE = '0912345678';
let workDir: string;
let central: RunningCentralServer;
let proxy: Server;
let proxyUrl: string;
/** Every request body the kiosk sent to the central server, as text. */
const sent: string[] = [];
let host: WebHost | undefined;

/** Forwards every request to the central server, keeping its body. */
function startRecordingProxy(target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      sent.push(`${req.method} ${req.url}\n${body.toString('utf8')}`);
      const forward = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  workDir = makeTempDir('searchgaps');
  const rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title><div id="root"></div>');
  central = await startCentralServer({ demo: true });
  proxy = await startRecordingProxy(central.url);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  host = await startWebKiosk({
    port: 0,
    dataDir: join(workDir, 'kiosk'),
    centralUrl: proxyUrl,
    enrollmentCode: DEMO_ENROLLMENT_CODE,
    demo: false,
    rendererDir,
    heartbeatSeconds: 1,
  });
});

afterAll(async () => {
  await host?.close();
  await new Promise((resolve) => proxy.close(resolve));
  await central.close();
  rmSync(workDir, { recursive: true, force: true });
});

const admin = () => apiCaller(central.url);

async function searchGaps(period = 'month'): Promise<SearchGapList> {
  const response = await admin()(`${fleetPaths.adminSearchGaps}?period=${period}`, { token: central.adminToken });
  expect(response.status).toBe(200);
  return SearchGapList.parse(await response.json());
}

describe('search gaps: from the kiosk to the administrator\'s list', () => {
  it('counts what found nothing and what was not opened, and never sends an ID number, a phone number or a name', async () => {
    const report = async (query: string, outcome: 'noResult' | 'openedNothing') =>
      expect(await callBridge(host?.url ?? '', 'catalogue:reportSearchGap', { query, outcome })).toEqual({ ok: true, response: {} });
    await report('Làm giấy khai sinh cho con', 'noResult');
    await report('làm giấy  khai sinh cho con', 'noResult');
    await report('xin sổ hồng', 'openedNothing');
    await report(`cấp lại căn cước ${ID_NUMBER}`, 'noResult');
    await report(PHONE, 'noResult');
    await report('Nguyễn Văn An', 'openedNothing');
    // A report off the contract is refused at the bridge.
    expect(await callBridge(host?.url ?? '', 'catalogue:reportSearchGap', { query: 'x', outcome: 'maybe' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    await vi.waitFor(
      async () =>
        expect((await searchGaps()).gaps).toEqual([
          { query: 'làm giấy khai sinh cho con', noResult: 2, openedNothing: 0, kiosks: 1 },
          { query: 'xin sổ hồng', noResult: 0, openedNothing: 1, kiosks: 1 },
        ]),
      { timeout: 15_000, interval: 200 },
    );
    // Delivered counts are not sent again: a few more heartbeats leave the list as it was.
    const heartbeatsSoFar = sent.filter((line) => line.includes('/heartbeat')).length;
    await vi.waitFor(() => expect(sent.filter((line) => line.includes('/heartbeat')).length).toBeGreaterThan(heartbeatsSoFar + 1), { timeout: 10_000 });
    expect((await searchGaps()).gaps.map((gap) => gap.noResult + gap.openedNothing)).toEqual([2, 1]);

    const wire = sent.join('\n');
    expect(wire).toContain('làm giấy khai sinh cho con');
    for (const secret of [ID_NUMBER, PHONE, 'Nguyễn', 'nguyễn văn an']) expect(wire).not.toContain(secret);
    const logs = readdirSync(join(workDir, 'kiosk', LOG_DIR)).map((file) => readFileSync(join(workDir, 'kiosk', LOG_DIR, file), 'utf8')).join('\n');
    for (const secret of [ID_NUMBER, PHONE, 'Nguyễn', 'khai sinh cho con']) expect(logs).not.toContain(secret);

    // The fleet view shows the machine, not the searches.
    const fleet = (await (await admin()(fleetPaths.adminKiosks, { token: central.adminToken })).json()) as { kiosks: Array<{ heartbeat: Heartbeat | null }> };
    expect(fleet.kiosks.every((kiosk) => kiosk.heartbeat === null || kiosk.heartbeat.searchGaps === undefined)).toBe(true);
  });

  it('judges again what a kiosk sent: a heartbeat carrying a person\'s data keeps only the rest', async () => {
    const enrolled = await admin()(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'other-make-1', name: 'Ki-ốt khác' } });
    const { kioskId, token } = (await enrolled.json()) as { kioskId: string; token: string };
    const heartbeat: Heartbeat = {
      version: '9.9.9',
      uptimeSeconds: 1,
      lastSyncAt: null,
      scanner: 'ok',
      camera: 'disabled',
      recentErrors: 0,
      outboxPending: 0,
      locationId: null,
      intervalSeconds: 300,
      sentAt: new Date().toISOString(),
      searchGaps: [
        { query: `tra cứu ${ID_NUMBER}`, outcome: 'noResult', count: 5 },
        { query: 'trần thị bích ngọc', outcome: 'noResult', count: 5 },
        { query: 'xin sổ hồng', outcome: 'openedNothing', count: 2 },
      ],
    };
    const posted = await apiCaller(central.url)(fleetPaths.heartbeat(kioskId), { method: 'POST', token, json: heartbeat });
    expect(posted.status).toBe(200);
    const { gaps } = await searchGaps('year');
    expect(gaps.find((gap) => gap.query === 'xin sổ hồng')).toEqual({ query: 'xin sổ hồng', noResult: 0, openedNothing: 3, kiosks: 2 });
    expect(JSON.stringify(gaps)).not.toMatch(/001203004567|bích ngọc/u);
  });

  it('is for the administrator only, and refuses an unknown period', async () => {
    expect((await admin()(fleetPaths.adminSearchGaps)).status).toBe(401);
    const bad = await admin()(`${fleetPaths.adminSearchGaps}?period=week`, { token: central.adminToken });
    expect(bad.status).toBe(400);
    const list = await searchGaps('quarter');
    expect(list.period.kind).toBe('quarter');
  });
});
