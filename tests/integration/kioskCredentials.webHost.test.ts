/**
 * Kiosk credentials from the kiosk's side, through the web host against the reference server: the kiosk renews its
 * own token before expiry and keeps the new one across a restart, a revoked kiosk tells the citizen at once, and a
 * kiosk past the lookup limit says how long to wait.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKioskConfig } from '../../electron/core/config/configFile';
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { createLogger } from '../../electron/core/logger';
import { RENEW_WHEN_LEFT_MS } from '../../electron/core/tokenRenewal';
import { startWebKiosk } from '../../electron/web/webKiosk';
import { apiPaths, EnrollmentCodeIssued } from '../../shared/api/gateway';
import { demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { KIOSK_TOKEN_LIFETIME_MS } from '../../server/kioskStore';
import { defaultLookupRateLimits } from '../../server/lookupLimits';
import { apiCaller } from '../support/api';
import { callBridge } from '../support/bridgeClient';

const ADMIN_TOKEN = 'webhost-credentials-admin-0123456789';
let workDir: string;
let rendererDir: string;
let central: RunningCentralServer;
/** The central server's clock runs this far behind the kiosk's: tokens it issues are that much closer to expiry. */
let centralLagMs = 0;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-credentials-'));
  rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  central = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN, dbFile: join(workDir, 'central.sqlite'), now: () => new Date(Date.now() - centralLagMs) });
});

afterAll(async () => {
  await central?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const admin = (path: string, init: RequestInit & { json?: unknown } = {}) => apiCaller(central.url)(path, { ...init, token: ADMIN_TOKEN });

async function issueCode(): Promise<string> {
  return EnrollmentCodeIssued.parse(await (await admin(apiPaths.adminEnrollmentCodes, { method: 'POST', json: {} })).json()).enrollmentCode;
}

const storedConfig = (dataDir: string) => {
  const loaded = loadKioskConfig({ dataDir, secretBox: plainSecretBox, logger: createLogger({ level: 'silent' }) });
  if (loaded.kind !== 'ok') throw new Error(`no configuration: ${loaded.kind}`);
  return loaded.config;
};

async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const lookup = (hostUrl: string) => callBridge(hostUrl, 'dossier:lookup', { code: demoDossierCode('processing') });

describe('the kiosk\'s token', () => {
  it('is renewed by the kiosk itself before it expires, saved, and used after a restart; the old token is then refused', async () => {
    const dataDir = join(workDir, 'kiosk-renewing');
    // Enrolled "ten days ago" as the server sees it: 20 days left, the renewal threshold.
    centralLagMs = KIOSK_TOKEN_LIFETIME_MS - RENEW_WHEN_LEFT_MS;
    const first = await startWebKiosk({ port: 0, centralUrl: central.url, enrollmentCode: await issueCode(), dataDir, demo: false, rendererDir });
    const enrolled = storedConfig(dataDir);
    centralLagMs = 0;
    const renewed = await waitFor(() => {
      const config = storedConfig(dataDir);
      return config.token !== enrolled.token ? config : undefined;
    }, 'the renewed token in the configuration');
    expect(Date.parse(renewed.tokenExpiresAt!)).toBeGreaterThan(Date.parse(enrolled.tokenExpiresAt!));
    expect(await lookup(first.url)).toMatchObject({ ok: true, response: { ok: true } });
    await first.close();

    const second = await startWebKiosk({ port: 0, dataDir, demo: false, rendererDir });
    try {
      expect(await lookup(second.url)).toMatchObject({ ok: true, response: { ok: true } });
      const old = await apiCaller(central.url)(apiPaths.dossier(demoDossierCode('processing')), { token: enrolled.token });
      expect(old.status).toBe(401);
      expect(storedConfig(dataDir).token).toBe(renewed.token);
    } finally {
      await second.close();
    }
  });

  it('once revoked, is refused at the next lookup, and the kiosk says it is out of service', async () => {
    const dataDir = join(workDir, 'kiosk-revoked');
    const host = await startWebKiosk({ port: 0, centralUrl: central.url, enrollmentCode: await issueCode(), dataDir, demo: false, rendererDir });
    try {
      expect(await lookup(host.url)).toMatchObject({ ok: true, response: { ok: true } });
      expect((await admin(apiPaths.adminKiosk(storedConfig(dataDir).kioskId), { method: 'DELETE' })).status).toBe(204);
      expect(await lookup(host.url)).toMatchObject({ ok: true, response: { ok: false, error: { code: 'KIOSK_REVOKED' } } });
    } finally {
      await host.close();
    }
  });
});

describe('the kiosk past the server\'s lookup limit', () => {
  it('tells the citizen to wait, with the seconds from Retry-After, and does not retry by itself', async () => {
    const dataDir = join(workDir, 'kiosk-limited');
    const host = await startWebKiosk({ port: 0, centralUrl: central.url, enrollmentCode: await issueCode(), dataDir, demo: false, rendererDir });
    try {
      const { burst, perMinute } = defaultLookupRateLimits.kiosk;
      for (let n = 0; n < burst; n++) expect(await lookup(host.url)).toMatchObject({ ok: true, response: { ok: true } });
      expect(await lookup(host.url)).toEqual({
        ok: true,
        response: { ok: false, error: { code: 'RATE_LIMITED', message: expect.any(String), retryAfterSeconds: Math.ceil(60 / perMinute) } },
      });
    } finally {
      await host.close();
    }
  });
});
