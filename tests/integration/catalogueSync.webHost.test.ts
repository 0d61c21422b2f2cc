/** The web host's catalogue: synced on start into the data directory, searched and its status followed over the bridge. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CatalogueStatus } from '../../shared/contract/kiosk';
import type { WebHost } from '../../electron/web/webHost';
import { startWebKiosk } from '../../electron/web/webKiosk';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import { callBridge, openBridge } from '../support/bridgeClient';

let workDir: string;
let central: RunningCentralServer;
let host: WebHost;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-catalogue-web-'));
  const rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  central = await startCentralServer({ demo: true, dbFile: join(workDir, 'central.sqlite') });
  host = await startWebKiosk({ port: 0, centralUrl: central.url, dataDir: join(workDir, 'kiosk'), enrollmentCode: DEMO_ENROLLMENT_CODE, idleTimeoutSeconds: 45, demo: true, rendererDir });
});
afterAll(async () => {
  await host?.close();
  await central?.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});

describe('web host catalogue', () => {
  it('syncs on start and answers searches over the bridge', async () => {
    const status = await callBridge(host.url, 'catalogue:syncNow', {});
    expect(status).toMatchObject({ ok: true, response: { online: true, counts: { procedures: loadSampleCatalogue().procedures.length } } });
    const found = (await callBridge(host.url, 'catalogue:search', { query: 'ho chieu' })) as { ok: boolean; response: { items: { id: string }[] } };
    expect(found.ok).toBe(true);
    expect(found.response.items.map((item) => item.id)).toContain('tthc-1.001456');
  });

  it('sends a subscribed page the status as it changes: the current one, then a sync starting and ending', async () => {
    const bridge = await openBridge(host.url);
    try {
      bridge.socket.send(JSON.stringify({ subscribe: 'catalogue:status' }));
      await vi.waitFor(() => expect(bridge.events).toHaveLength(1));
      await bridge.call('catalogue:syncNow', {});
      await vi.waitFor(() => expect(bridge.events.length).toBeGreaterThan(2));
      const statuses = bridge.events.map((event) => CatalogueStatus.parse(event.payload));
      expect(statuses[0]).toMatchObject({ online: true, syncing: false });
      expect(statuses.some((status) => status.syncing)).toBe(true);
      expect(statuses.at(-1)).toMatchObject({ online: true, syncing: false });
    } finally {
      bridge.close();
    }
  });
});
