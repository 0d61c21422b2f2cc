/** The web host's catalogue: synced on start into the data directory, searched over the bridge, status over SSE. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogueStatus } from '../../shared/contract/kiosk';
import type { WebHost } from '../../electron/web/webHost';
import { startWebKiosk } from '../../electron/web/webKiosk';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { loadSampleCatalogue } from '../../server/catalogueSample';

let workDir: string;
let central: RunningCentralServer;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-catalogue-web-'));
  const rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  central = await startCentralServer({ dbFile: join(workDir, 'central.sqlite') });
  host = await startWebKiosk({ port: 0, centralUrl: central.url, dataDir: join(workDir, 'kiosk'), enrollmentCode: DEMO_ENROLLMENT_CODE, idleTimeoutSeconds: 45, demo: true, rendererDir });
  origin = host.url.replace(/\/$/, '');
});
afterAll(async () => {
  await host?.close();
  await central?.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

/** The first `catalogue:status` event the stream sends, read with node:http so the Host header can be anything. */
function firstStatusEvent(hostHeader: string): Promise<{ status: number; event?: CatalogueStatus }> {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const req = httpRequest({ host: url.hostname, port: url.port, path: '/bridge/events', headers: { Host: hostHeader } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /event: catalogue:status\ndata: (.*)\n/.exec(text);
        if (match?.[1]) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, event: CatalogueStatus.parse(JSON.parse(match[1])) });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host catalogue', () => {
  it('syncs on start and answers searches over the bridge', async () => {
    const status = await fetch(`${origin}/bridge/invoke/catalogue:syncNow`, { method: 'POST', body: '{}' }).then((r) => r.json());
    expect(status).toMatchObject({ ok: true, response: { online: true, counts: { procedures: loadSampleCatalogue().procedures.length } } });
    const found = (await fetch(`${origin}/bridge/invoke/catalogue:search`, { method: 'POST', body: JSON.stringify({ query: 'ho chieu' }) }).then((r) =>
      r.json(),
    )) as { ok: boolean; response: { items: { id: string }[] } };
    expect(found.ok).toBe(true);
    expect(found.response.items.map((item) => item.id)).toContain('tthc-1.001456');
  });

  it('streams the catalogue status as Server-Sent Events, the current status first', async () => {
    const { status, event } = await firstStatusEvent(new URL(origin).host);
    expect(status).toBe(200);
    expect(event).toMatchObject({ online: true, syncing: false });
  });

  it('refuses the event stream to a foreign Host', async () => {
    await expect(firstStatusEvent('evil.example')).resolves.toEqual({ status: 403 });
  });
});
