import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/contentSecurityPolicy';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from '../../electron/main/protocol';
import { protocol, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

// <tmp>/secret.txt beside <tmp>/renderer/{index.html, assets/app.js}
let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-protocol-'));
  mkdirSync(join(workDir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(workDir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(workDir, 'renderer', 'assets', 'app.js'), 'console.log("kiosk")');
  writeFileSync(join(workDir, 'secret.txt'), 'TOP SECRET');
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

beforeEach(() => {
  resetFakeElectron();
  serveRenderer({ rendererDir: join(workDir, 'renderer'), logger: memoryLogger().logger });
});

function fetchApp(url: string, init?: RequestInit): Promise<Response> {
  const handler = protocol.handlers.get('app');
  if (!handler) throw new Error('no handler for app:');
  return handler(new Request(url, init));
}

describe('the app: protocol', () => {
  it('registers app: as a standard, secure scheme with fetch support', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(APP_ORIGIN).toBe('app://kiosk');
  });

  it('serves index.html with the CSP and nosniff headers', async () => {
    const response = await fetchApp('app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const response = await fetchApp('app://kiosk/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe('console.log("kiosk")');
  });

  it.each([
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/assets/..%2f..%2fsecret.txt',
    'app://kiosk/%2e%2e%2fsecret.txt',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/index.html%00.js',
  ])('refuses a path outside the renderer directory: %s', async (url) => {
    const response = await fetchApp(url, { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for an unknown asset, still with the CSP header', async () => {
    const response = await fetchApp('app://kiosk/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the entry page for a navigation to a client-side route', async () => {
    for (const url of ['app://kiosk/', 'app://kiosk/lookup']) {
      const response = await fetchApp(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>kiosk</title>');
    }
  });

  it('answers nothing for another host of the scheme or a non-GET method', async () => {
    expect((await fetchApp('app://other/index.html')).status).toBe(404);
    expect((await fetchApp('app://kiosk/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
