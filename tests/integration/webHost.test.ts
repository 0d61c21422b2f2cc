/**
 * The web host against the real reference central server: static renderer with its security headers, the HTTP
 * bridge to the core, and the DNS-rebinding and cross-origin guards.
 */
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonName } from '../../shared/privacy/maskName';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/contentSecurityPolicy';
import { LOG_DIR, startWebKiosk } from '../../electron/web/webKiosk';
import { logFilesIn } from '../../electron/core/logger';
import type { WebHost } from '../../electron/web/webHost';
import { buildDemoDossiers } from '../../server/demoData';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';

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
  central = await startCentralServer({ dbFile: join(workDir, 'central.sqlite') });
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

function invoke(channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(`/bridge/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

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

    const response = await invoke('dossier:lookup', { code });

    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ ok: true, response: { ok: true, value: { code, status: 'processing', applicantNameMasked: maskPersonName(applicantName) } } });
    expect(body.response.value).not.toHaveProperty('applicantName');
    expect(response.body).not.toContain(applicantName);
  });

  it('returns NOT_FOUND inside a successful reply for a code the server does not know', async () => {
    const response = await invoke('dossier:lookup', { code: UNKNOWN_CODE });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, response: { ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } } });
  });

  it('returns INVALID_CODE with the parser reason for text that is not a code', async () => {
    const response = await invoke('dossier:lookup', { code: '<script>' });
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, response: { ok: false, error: { code: 'INVALID_CODE', reason: 'MARKUP' } } });
  });

  it('answers app:info with the web host settings, also without a body', async () => {
    for (const payload of [{}, undefined]) {
      const response = await invoke('app:info', payload);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({
        ok: true,
        response: { version: expect.any(String), host: 'web', demo: true, idleTimeoutSeconds: 45, language: 'vi' },
      });
    }
  });

  it('answers 404 for an unknown channel', async () => {
    const response = await invoke('fs:read', { path: '/etc/passwd' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) } });
  });

  it('answers 400 for a payload that does not match the contract or is not JSON', async () => {
    for (const response of [
      await invoke('dossier:lookup', { code: 42 }),
      await invoke('app:info', { extra: true }),
      await raw('/bridge/invoke/dossier:lookup', { method: 'POST', headers: { Origin: origin }, body: '{"code":' }),
    ]) {
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('answers 413 for an oversized body', async () => {
    const response = await invoke('dossier:lookup', { code: 'x'.repeat(100_000) });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('only accepts POST on the bridge', async () => {
    const response = await raw('/bridge/invoke/app:info', { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(405);
  });

  it('accepts a bridge call without Origin (same-origin requests may omit it)', async () => {
    const response = await raw('/bridge/invoke/app:info', { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
  });
});

describe('web host: request guards', () => {
  it.each(['evil.example:80', 'localhost.evil.example', '127.0.0.1', '127.0.0.1:1'])('refuses the foreign Host %s with 403', async (hostHeader) => {
    const page = await raw('/', { headers: { Host: hostHeader } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('root');
    const bridge = await invoke('app:info', {}, { Host: hostHeader });
    expect(bridge.status).toBe(403);
  });

  it.each(['http://evil.example', 'http://localhost:1', 'null'])('refuses a bridge POST from Origin %s with 403', async (foreignOrigin) => {
    const response = await invoke('dossier:lookup', { code: demoDossierCode('processing') }, { Origin: foreignOrigin });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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
    const response = await invoke('dossier:lookup', { code: demoDossierCode('processing') });
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, response: { ok: false, error: { code: 'UNAVAILABLE' } } });
  });
});
