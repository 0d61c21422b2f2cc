/**
 * The web host against the real reference central server: static renderer with its security headers, the bridge
 * socket to the core, and the DNS-rebinding and cross-origin guards.
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maskPersonName } from '../../shared/privacy/maskName';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/contentSecurityPolicy';
import { LOG_DIR, startWebKiosk } from '../../electron/web/webKiosk';
import { logFilesIn } from '../../electron/core/logger';
import type { WebHost } from '../../electron/web/webHost';
import { buildDemoDossiers } from '../../server/demoData';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { bridgeUpgradeStatus, callBridge, openBridge } from '../support/bridgeClient';

const INDEX_HTML = '<!doctype html><html><head><title>HCC Kiosk test</title></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("app");';
const UNKNOWN_CODE = '000.00.06.H56-991231-9999';

let workDir: string;
let central: RunningCentralServer;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-webhost-'));
  const rendererDir = join(workDir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS);
  central = await startCentralServer({ demo: true, dbFile: join(workDir, 'central.sqlite') });
  host = await startWebKiosk({
    port: 0,
    centralUrl: central.url,
    dataDir: join(workDir, 'kiosk'),
    enrollmentCode: DEMO_ENROLLMENT_CODE,
    idleTimeoutSeconds: 45,
    demo: true,
    rendererDir,
  });
  origin = host.url.replace(/\/$/, '');
});

afterAll(async () => {
  await host?.close();
  await central?.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, so that Host and Origin can be anything a hostile page would send. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (channel: string, request?: unknown) => callBridge(host.url, channel, request);

describe('web host: renderer', () => {
  it('serves index.html at / with the CSP and hardening headers', async () => {
    const response = await raw('/');
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('serves assets with their content type', async () => {
    const response = await raw('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe(APP_JS);
    expect(response.headers['content-type']).toMatch(/javascript/);
  });

  it('answers a browser navigation to an unknown path with the app', async () => {
    const response = await raw('/lookup/result', { headers: { Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate' } });
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing asset, even to a browser', async () => {
    expect((await raw('/assets/missing.js', { headers: { Accept: 'text/html' } })).status).toBe(404);
    expect((await raw('/lookup/result', { headers: { Accept: '*/*' } })).status).toBe(404);
  });

  it('does not serve files outside the renderer directory', async () => {
    const response = await raw('/../central.sqlite', { headers: { Accept: '*/*' } });
    expect(response.status).toBe(404);
    expect((await raw('/%2e%2e/central.sqlite')).status).toBe(404);
  });
});

describe('web host: bridge', () => {
  it('looks up a demo dossier and returns the masked view, never the full name', async () => {
    const code = demoDossierCode('processing');
    const applicantName = buildDemoDossiers(new Date()).find((dossier) => dossier.code === code)?.applicantName ?? '';
    expect(applicantName).not.toBe('');

    const reply = await invoke('dossier:lookup', { code });

    expect(reply).toMatchObject({ ok: true, response: { ok: true, value: { code, status: 'processing', applicantNameMasked: maskPersonName(applicantName) } } });
    expect(JSON.stringify(reply)).not.toContain(applicantName);
    expect(reply.ok && (reply.response as { value: object }).value).not.toHaveProperty('applicantName');
  });

  it('returns NOT_FOUND inside a successful reply for a code the server does not know', async () => {
    expect(await invoke('dossier:lookup', { code: UNKNOWN_CODE })).toEqual({ ok: true, response: { ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } } });
  });

  it('returns INVALID_CODE with the parser reason for text that is not a code', async () => {
    expect(await invoke('dossier:lookup', { code: '<script>' })).toMatchObject({ ok: true, response: { ok: false, error: { code: 'INVALID_CODE', reason: 'MARKUP' } } });
  });

  it('answers app:info with the web host settings, also without a request', async () => {
    for (const request of [{}, undefined]) {
      expect(await invoke('app:info', request)).toEqual({
        ok: true,
        response: { version: expect.any(String), host: 'web', demo: true, idleTimeoutSeconds: 45, language: 'vi' },
      });
    }
  });

  it('answers each call on one socket by its id, whatever order they finish in', async () => {
    const bridge = await openBridge(host.url);
    try {
      const [lookup, info] = await Promise.all([bridge.call('dossier:lookup', { code: demoDossierCode('result_ready') }), bridge.call('app:info', {})]);
      expect(lookup).toMatchObject({ ok: true, response: { ok: true, value: { status: 'result_ready' } } });
      expect(info).toMatchObject({ ok: true, response: { host: 'web' } });
    } finally {
      bridge.close();
    }
  });

  it('answers UNKNOWN_CHANNEL for a channel outside the contract', async () => {
    expect(await invoke('fs:read', { path: '/etc/passwd' })).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) } });
  });

  it('answers BAD_REQUEST for a request that does not match the contract', async () => {
    for (const reply of [await invoke('dossier:lookup', { code: 42 }), await invoke('app:info', { extra: true })]) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it.each([
    ['text that is not JSON', '{"id":1,"channel":'],
    ['JSON that is not a bridge frame', JSON.stringify({ id: 'one', channel: 'app:info' })],
    ['a frame past the size limit', JSON.stringify({ id: 1, channel: 'dossier:lookup', request: { code: 'x'.repeat(100_000) } })],
  ])('closes the socket on %s, and the next socket works', async (_, frame) => {
    const bridge = await openBridge(host.url);
    bridge.socket.send(frame);
    expect([1008, 1009]).toContain(await bridge.closed);
    expect(await invoke('app:info', {})).toMatchObject({ ok: true });
  });

  it('answers a plain request to the bridge with 426: it is a socket', async () => {
    expect((await raw('/bridge', { headers: { Accept: 'text/html' } })).status).toBe(426);
    expect((await raw('/bridge/invoke/app:info', { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('refuses to open the bridge without Origin with 403: the page always sends it, nothing else may use the bridge', async () => {
    expect(await bridgeUpgradeStatus(host.url, {})).toBe(403);
  });

  it('sends the catalogue status to a page that subscribes, the current status first', async () => {
    const bridge = await openBridge(host.url);
    try {
      bridge.socket.send(JSON.stringify({ subscribe: 'catalogue:status' }));
      await vi.waitFor(() => expect(bridge.events[0]).toMatchObject({ event: 'catalogue:status', payload: { syncing: expect.any(Boolean) } }));
    } finally {
      bridge.close();
    }
  });
});

describe('web host: request guards', () => {
  it.each(['evil.example:80', 'localhost.evil.example', '127.0.0.1', '127.0.0.1:1'])('refuses the foreign Host %s with 403', async (hostHeader) => {
    const page = await raw('/', { headers: { Host: hostHeader } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('root');
    expect(await bridgeUpgradeStatus(host.url, { Host: hostHeader, Origin: origin })).toBe(403);
  });

  it.each(['http://evil.example', 'http://localhost:1', 'null'])('refuses to open the bridge for Origin %s with 403', async (foreignOrigin) => {
    expect(await bridgeUpgradeStatus(host.url, { Origin: foreignOrigin })).toBe(403);
  });

  it('opens no socket at another path', async () => {
    expect(await bridgeUpgradeStatus(host.url, { Origin: origin }, '/bridge/events')).toBe(404);
  });
});

describe('web host: logs', () => {
  it('writes the log to the data directory without dossier codes or names in clear', async () => {
    const code = demoDossierCode('result_ready');
    const applicantName = buildDemoDossiers(new Date()).find((dossier) => dossier.code === code)?.applicantName ?? '';
    await invoke('dossier:lookup', { code });

    const log = logFilesIn(join(workDir, 'kiosk', LOG_DIR)).map((file) => readFileSync(file, 'utf8')).join('');
    expect(log).toContain('"event":"lookup"');
    for (const secret of [code, demoDossierCode('processing'), UNKNOWN_CODE, applicantName, maskPersonName(applicantName)]) {
      expect(log).not.toContain(secret);
    }
  });
});

// Last: stops the central server the other tests use.
describe('web host: central server down', () => {
  it('answers UNAVAILABLE within the 5 s the citizen waits', async () => {
    await central.close();
    const startedAt = Date.now();
    const reply = await invoke('dossier:lookup', { code: demoDossierCode('processing') });
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(reply).toMatchObject({ ok: true, response: { ok: false, error: { code: 'UNAVAILABLE' } } });
  });
});
