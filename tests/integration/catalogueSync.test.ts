/**
 * The kiosk's catalogue cache syncing from the real reference central server: full and incremental syncs, and the
 * promise that a sync is applied whole or not at all, whether the server drops the connection, sends a malformed
 * page or the kiosk process is killed mid-sync.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE_DB_FILE } from '../../electron/core/catalogue/catalogueDb';
import { openCatalogueService, type CatalogueService } from '../../electron/core/catalogue/catalogueService';
import { createCentralClient } from '../../electron/core/centralClient';
import { ensureEnrolled } from '../../electron/core/enrollment';
import { cataloguePaths, type CatalogueRecordType, type Procedure } from '../../shared/api/catalogue';
import { DEMO_ENROLLMENT_CODE, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import { memoryLogger } from '../main/memoryLogger';

const projectRoot = resolve(import.meta.dirname, '../..');
const sample = loadSampleCatalogue();
const recordCount = sample.procedures.length + sample.agencies.length + sample.fields.length + sample.locations.length;
const sampleCounts = {
  procedures: sample.procedures.length,
  agencies: sample.agencies.length,
  fields: sample.fields.length,
  locations: sample.locations.length,
};
/** Small pages, so the sample catalogue takes several and a sync can fail between them. */
const PAGE_SIZE = 20;

let workDir: string;
let dataDir: string;
let central: RunningCentralServer;
let token: string;
const opened: CatalogueService[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'hcc-catalogue-'));
  central = await startCentralServer({ demo: true, dbFile: join(workDir, 'central.sqlite') });
  ({ token } = await ensureEnrolled({ dataDir: workDir, centralUrl: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'catalogue-test' }));
});
afterAll(async () => {
  await central?.close().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
});
beforeEach(() => {
  dataDir = mkdtempSync(join(workDir, 'kiosk-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((service) => service.close()));
});

function openService(baseUrl = central.url, logger = memoryLogger().logger, pageSize = PAGE_SIZE, clientToken = token): CatalogueService {
  const service = openCatalogueService({
    dbPath: join(dataDir, CATALOGUE_DB_FILE),
    client: createCentralClient({ baseUrl, token: clientToken, retries: 0 }),
    logger,
    pageSize,
  });
  opened.push(service);
  return service;
}

async function admin(method: 'PUT' | 'DELETE', type: CatalogueRecordType, id: string, body?: unknown, server = central): Promise<void> {
  const response = await fetch(server.url + cataloguePaths.adminRecord(type, id), {
    method,
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

const namesFound = (service: CatalogueService, query: string) =>
  service.search({ query, filters: {}, limit: 5, offset: 0 }).items.map((item) => item.name);

/** Serves the central server's replies through a hook that may drop, hang or rewrite a request's reply. */
type ProxyAction = 'pass' | 'drop' | 'hang' | ((body: string) => string);
async function startProxy(
  decide: (changesRequest: number) => ProxyAction,
  target = central,
): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    const action = req.url?.startsWith(cataloguePaths.changes) ? decide(++state.requests) : 'pass';
    if (action === 'drop') return req.socket.destroy();
    if (action === 'hang') return;
    void fetch(target.url + req.url, { headers: { Authorization: req.headers.authorization ?? '' } }).then(async (upstream) => {
      const body = await upstream.text();
      res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
      res.end(typeof action === 'function' ? action(body) : body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A procedure of the sample renamed, as an admin edit on the server. */
function renamed(index: number, name: string): Procedure {
  const procedure = sample.procedures[index];
  if (!procedure) throw new Error(`no sample procedure ${index}`);
  return { ...procedure, name };
}

describe('a full sync from an empty cache', () => {
  it('fetches the whole catalogue page by page, reporting progress, and searches it offline afterwards', async () => {
    const service = openService();
    const progress: number[] = [];
    service.onStatus((status) => status.progress && progress.push(status.progress.pages));
    const outcome = await service.syncNow();
    expect(outcome).toMatchObject({ ok: true, kind: 'full', applied: recordCount });
    expect(progress).toContain(Math.ceil(recordCount / PAGE_SIZE));
    expect(service.status()).toMatchObject({ online: true, syncing: false, progress: null, counts: sampleCounts });
    expect(service.status().lastSyncAt).not.toBeNull();
    expect(namesFound(service, 'khai sinh')).toContain('Thủ tục đăng ký khai sinh');
    // Nothing of the build is left beside the cache.
    expect(readdirSync(dataDir).filter((name) => name.includes('.next'))).toEqual([]);
  });
});

describe('an incremental sync', () => {
  it('applies the admin edits and deletes made since the last sync, and nothing else', async () => {
    const service = openService();
    await service.syncNow();
    const cursorBefore = service.info().cursor;
    const removed = sample.procedures[1] as Procedure;
    await admin('PUT', 'procedure', sample.procedures[0]!.id, renamed(0, 'Thủ tục đăng ký khai sinh lưu động'));
    await admin('DELETE', 'procedure', removed.id);

    const outcome = await service.syncNow();

    expect(outcome).toEqual({ ok: true, kind: 'incremental', applied: 2, pages: 1 });
    expect(service.info().cursor).not.toBe(cursorBefore);
    expect(namesFound(service, 'luu dong')).toEqual(['Thủ tục đăng ký khai sinh lưu động']);
    await expect(service.handlers['catalogue:procedure']({ id: removed.id })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(service.status().counts.procedures).toBe(sample.procedures.length - 1);
    await admin('PUT', 'procedure', removed.id, removed);
    await admin('PUT', 'procedure', sample.procedures[0]!.id, sample.procedures[0]);
  });

  it('returns with the changes searchable, then merges the search indexes, which changes no result', async () => {
    const service = openService();
    await service.syncNow();
    await admin('PUT', 'procedure', sample.procedures[0]!.id, renamed(0, 'Thủ tục đăng ký khai sinh lưu động'));

    await expect(service.syncNow()).resolves.toMatchObject({ ok: true, kind: 'incremental', applied: 1 });
    const queries = ['luu dong', 'khai sinh', 'dang ky', 'ket hon'];
    const beforeMerge = queries.map((query) => namesFound(service, query));
    expect(beforeMerge[0]).toEqual(['Thủ tục đăng ký khai sinh lưu động']);
    await service.searchIndexesMerged();
    expect(queries.map((query) => namesFound(service, query))).toEqual(beforeMerge);
    await expect(service.syncNow()).resolves.toMatchObject({ ok: true, kind: 'incremental', applied: 0 });
    await admin('PUT', 'procedure', sample.procedures[0]!.id, sample.procedures[0]);
  });
});

describe('a sync that does not finish', () => {
  it('keeps the previous complete catalogue when the server drops the connection on page 2, and goes offline', async () => {
    const service = openService();
    await service.syncNow();
    const before = service.info();
    // More changes than one page, so the sync needs a second page.
    for (let index = 0; index < PAGE_SIZE + 5; index++) await admin('PUT', 'procedure', sample.procedures[index]!.id, renamed(index, `Đổi tên ${index}`));
    const proxy = await startProxy((request) => (request >= 2 ? 'drop' : 'pass'));
    try {
      const viaProxy = openServiceOn(proxy.url, service);
      const outcome = await viaProxy.syncNow();
      expect(outcome).toMatchObject({ ok: false, reason: 'unavailable' });
      expect(viaProxy.status()).toMatchObject({ online: false, syncing: false, counts: sampleCounts });
      expect(viaProxy.info().cursor).toBe(before.cursor);
      expect(namesFound(viaProxy, 'doi ten').filter((name) => name.startsWith('Đổi tên'))).toEqual([]);
      expect(namesFound(viaProxy, 'khai sinh')).toContain('Thủ tục đăng ký khai sinh');
    } finally {
      await proxy.close();
    }
    // Back online, the next sync resumes and completes.
    const resumed = openServiceOn(central.url);
    await expect(resumed.syncNow()).resolves.toMatchObject({ ok: true, kind: 'incremental', applied: PAGE_SIZE + 5 });
    expect(resumed.status().online).toBe(true);
    expect(namesFound(resumed, 'doi ten 3')[0]).toBe('Đổi tên 3');
    for (let index = 0; index < PAGE_SIZE + 5; index++) await admin('PUT', 'procedure', sample.procedures[index]!.id, sample.procedures[index]);
  });

  it('leaves an empty cache empty, with no partial catalogue, when a full sync is cut off', async () => {
    const proxy = await startProxy((request) => (request >= 2 ? 'drop' : 'pass'));
    try {
      const service = openService(proxy.url);
      await expect(service.syncNow()).resolves.toMatchObject({ ok: false, reason: 'unavailable' });
      expect(service.status()).toMatchObject({ lastSyncAt: null, counts: { procedures: 0, agencies: 0, fields: 0, locations: 0 } });
      expect(service.search({ query: '', filters: {}, limit: 5, offset: 0 }).total).toBe(0);
      expect(existsSync(join(dataDir, `${CATALOGUE_DB_FILE}.next`))).toBe(false);
    } finally {
      await proxy.close();
    }
  });

  it('answers from the cache, never the half-built catalogue, while a full sync is under way', async () => {
    const proxy = await startProxy((request) => (request >= 2 ? 'hang' : 'pass'));
    try {
      const service = openService(proxy.url);
      const firstPageWritten = new Promise<void>((done) => service.onStatus((status) => status.progress?.pages === 1 && done()));
      const sync = service.syncNow();
      await firstPageWritten;
      expect(service.status()).toMatchObject({ syncing: true, progress: { pages: 1, applied: PAGE_SIZE }, counts: { procedures: 0, agencies: 0 } });
      expect(service.search({ query: '', filters: {}, limit: 5, offset: 0 }).total).toBe(0);
      await proxy.close();
      await expect(sync).resolves.toMatchObject({ ok: false, reason: 'unavailable' });
      expect(existsSync(join(dataDir, `${CATALOGUE_DB_FILE}.next`))).toBe(false);
    } finally {
      await proxy.close();
    }
  });

  it('rejects a malformed page whole, writing nothing, and logs the reason', async () => {
    const proxy = await startProxy((request) =>
      request === 2
        ? (body) => {
            const page = JSON.parse(body) as { changes: { data?: { name?: unknown } }[] };
            if (page.changes[3]?.data) page.changes[3].data.name = 42;
            return JSON.stringify(page);
          }
        : 'pass',
    );
    const log = memoryLogger();
    try {
      const service = openService(proxy.url, log.logger);
      const outcome = await service.syncNow();
      expect(outcome).toMatchObject({ ok: false, reason: 'rejected_page' });
      expect(outcome.ok === false && outcome.message).toMatch(/^change 3 \(\w+\) is not a valid record at name$/);
      expect(service.status()).toMatchObject({ online: true, lastSyncAt: null, counts: { procedures: 0, agencies: 0, fields: 0, locations: 0 } });
      expect(log.entries()).toContainEqual(expect.objectContaining({ event: 'catalogue.sync_failed', reason: 'rejected_page' }));
    } finally {
      await proxy.close();
    }
  });
});

/** A second service on the same cache file, talking to another server (the first is closed: one writer at a time). */
function openServiceOn(baseUrl: string, previous?: CatalogueService): CatalogueService {
  const last = previous ?? opened.at(-1);
  if (last) {
    opened.splice(opened.indexOf(last), 1);
    void last.close();
  }
  return openService(baseUrl);
}

describe('a kiosk killed mid-sync', () => {
  // A catalogue of several default-size pages, on its own server: the CLI syncs with the default page size.
  let synthetic: RunningCentralServer;
  let syntheticToken: string;
  beforeAll(async () => {
    synthetic = await startCentralServer({ demo: true, catalogue: { synthetic: 1000, seed: 7 } });
    ({ token: syntheticToken } = await ensureEnrolled({
      dataDir: mkdtempSync(join(workDir, 'synthetic-')),
      centralUrl: synthetic.url,
      enrollmentCode: DEMO_ENROLLMENT_CODE,
      hardwareId: 'catalogue-kill-test',
    }));
  });
  afterAll(() => synthetic?.close());

  /** `cli sync` in its own process, killed with SIGKILL once the proxy has served `pagesBeforeKill` pages. */
  async function killedSync(pagesBeforeKill: number): Promise<void> {
    let onHang: () => void = () => {};
    const hung = new Promise<void>((done) => (onHang = done));
    const proxy = await startProxy((request) => {
      if (request <= pagesBeforeKill) return 'pass';
      onHang();
      return 'hang';
    }, synthetic);
    // tsx's own CLI runs the program in a grandchild that would outlive the kill: load tsx into node instead.
    const args = ['--import', 'tsx', 'electron/cli/main.ts', 'sync', '--central', proxy.url, '--token', syntheticToken, '--data-dir', dataDir];
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitedEarly = new Promise<never>((_, fail) => child.once('exit', () => fail(new Error(`sync exited before the kill: ${stderr}`))));
    try {
      await Promise.race([hung, exitedEarly]);
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    } finally {
      await proxy.close();
    }
  }

  function inspect(): { integrity: unknown; procedures: unknown; cursor: unknown } {
    const db = new Database(join(dataDir, CATALOGUE_DB_FILE), { readonly: true });
    try {
      return {
        integrity: db.pragma('integrity_check', { simple: true }),
        procedures: db.prepare("SELECT count(*) FROM records WHERE type = 'procedure'").pluck().get(),
        cursor: db.prepare("SELECT value FROM meta WHERE key = 'cursor'").pluck().get() ?? null,
      };
    } finally {
      db.close();
    }
  }

  const syntheticService = () => openService(synthetic.url, memoryLogger().logger, 200, syntheticToken);

  it('during a full sync: the cache opens, passes integrity_check and holds no partial catalogue; the next sync completes', async () => {
    await killedSync(2);
    if (existsSync(join(dataDir, CATALOGUE_DB_FILE))) expect(inspect()).toEqual({ integrity: 'ok', procedures: 0, cursor: null });
    const service = syntheticService();
    await expect(service.syncNow()).resolves.toMatchObject({ ok: true, kind: 'full' });
    expect(service.status().counts.procedures).toBe(1000);
  });

  it('during an incremental sync: the cache holds the previous complete catalogue, and the next sync applies the changes', async () => {
    const first = syntheticService();
    await first.syncNow();
    const cursor = first.info().cursor;
    // More changes than a default page holds (200), so the kill lands between staged pages.
    const edited = [0, 100, 200].flatMap((offset) => first.search({ query: '', filters: {}, limit: 100, offset }).items).slice(0, 220);
    const originals = edited.map((item) => first.handlers['catalogue:procedure']({ id: item.id }));
    await first.close();
    opened.splice(0);
    const records = (await Promise.all(originals)).map((result) => {
      if (!result.ok) throw new Error('procedure missing');
      const { agency: _agency, fieldInfo: _fieldInfo, portalUrl: _portalUrl, locations: _locations, ...procedure } = result.value;
      return procedure;
    });
    for (const [index, procedure] of records.entries()) {
      await admin('PUT', 'procedure', procedure.id, { ...procedure, name: `Tạm đổi ${index}` }, synthetic);
    }
    await killedSync(1);
    expect(inspect()).toEqual({ integrity: 'ok', procedures: 1000, cursor });
    const service = syntheticService();
    await expect(service.syncNow()).resolves.toMatchObject({ ok: true, kind: 'incremental', applied: 220 });
    expect(service.search({ query: 'tam doi 217', filters: {}, limit: 1, offset: 0 }).items[0]?.name).toBe('Tạm đổi 217');
  }, 60_000);
});
