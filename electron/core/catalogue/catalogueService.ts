/**
 * The kiosk's procedure catalogue: a local cache synced from the central server's change feed, searched offline.
 *
 * A sync never leaves a half-applied catalogue. A full sync (empty cache) builds a new database file beside the
 * cache, on a worker thread (catalogueBuild.ts), and renames it over the cache once complete; an incremental sync
 * stages its pages in the cache and applies them with the last page and the new cursor in one transaction. A
 * failure, a cut-off or a kill -9 before that point leaves the previous complete catalogue; the next sync resumes
 * the staged pages or starts over. An incremental sync's pages are written one short transaction at a time,
 * yielding to the event loop between them, so the kiosk stays responsive.
 */
import { renameSync, rmSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import { MAX_CHANGES_PAGE } from '../../../shared/api/catalogue';
import { checkChangesPage, planSync, type RefusedRecord, type ValidChange, type ValidPage } from '../../../shared/catalogue/syncPlan';
import type { CatalogueStatus, InvokeChannel } from '../../../shared/contract/kiosk';
import { CentralError, type CentralClient } from '../centralClient';
import type { InvokeHandlers } from '../dispatch';
import type { Logger } from '../logger';
import { CatalogueBuildFailure, RejectedPageError, startCatalogueBuild } from './catalogueBuild';
import { openCatalogueDb, removeSidecars, schemaVersion } from './catalogueDb';
import { createCatalogueSearch, type CatalogueSearch } from './catalogueSearch';
import { createCatalogueStore, mergeSearchIndexesStep, type CatalogueCounts, type CatalogueStore } from './catalogueStore';

export const DEFAULT_SYNC_INTERVAL_MINUTES = 15;
export const DEFAULT_SYNC_PAGE_SIZE = 200;
/** Changes checked, and at least written, between two yields to the event loop: a few milliseconds of work. */
const SLICE = 20;
/**
 * How long one transaction of a sync may go on writing past its first SLICE changes before it commits and yields:
 * a quick machine commits less often (each commit costs), a slow one stays as responsive.
 */
const WRITE_SLICE_MS = 10;
/** Pages of the search indexes merged between two yields to the event loop: under 10 ms of work. */
const MERGE_SLICE_PAGES = 16;

export interface CatalogueServiceOptions {
  /** The cache's own SQLite file (catalogue.db in the data directory). */
  dbPath: string;
  client: Pick<CentralClient, 'getCatalogueChanges' | 'getCatalogueChangesText'>;
  logger: Logger;
  pageSize?: number;
  now?: () => Date;
}

export type SyncOutcome =
  /** `refused`: records the kiosk skipped (each logged with its reason), the rest of their pages written. */
  | { ok: true; kind: 'full' | 'incremental'; applied: number; pages: number; refused: RefusedRecord[] }
  | { ok: false; reason: 'unavailable' | 'refused' | 'rejected_page' | 'internal'; message: string };

type SyncSuccess = Extract<SyncOutcome, { ok: true }>;

/** The catalogue's channels but the search gaps, which the heartbeat's counter takes (kioskCore.ts). */
export type CatalogueHandlers = Pick<InvokeHandlers, Exclude<Extract<InvokeChannel, `catalogue:${string}`>, 'catalogue:reportSearchGap'>>;

export interface CatalogueInfo {
  schemaVersion: number;
  cursor: string | null;
  lastSyncAt: string | null;
  counts: CatalogueCounts;
}

export function openCatalogueService(opts: CatalogueServiceOptions) {
  const { dbPath, client, logger } = opts;
  const pageSize = Math.min(opts.pageSize ?? DEFAULT_SYNC_PAGE_SIZE, MAX_CHANGES_PAGE);
  const now = opts.now ?? (() => new Date());
  const nextPath = `${dbPath}.next`;

  let db: Database;
  let store: CatalogueStore;
  let search: CatalogueSearch;
  let counts: CatalogueCounts;
  function attach(opened: Database): void {
    db = opened;
    store = createCatalogueStore(db);
    search = createCatalogueSearch(db);
    counts = store.counts();
  }
  attach(openCatalogueDb(dbPath, logger));

  let online = true;
  let progress: CatalogueStatus['progress'] = null;
  let running: Promise<SyncOutcome> | null = null;
  /** Records the running sync skipped. */
  let refused: RefusedRecord[] = [];
  function noteRefused(records: readonly RefusedRecord[]): void {
    for (const record of records) {
      logger.warn({ event: 'catalogue.record_refused', type: record.type, id: record.id, reason: record.reason }, 'catalogue record refused, rest of the page kept');
      refused.push(record);
    }
  }
  let merging: Promise<void> | null = null;
  const listeners = new Set<(status: CatalogueStatus) => void>();

  function status(): CatalogueStatus {
    return { lastSyncAt: store.getMeta('lastSyncAt'), online, syncing: running !== null, progress, counts };
  }
  function emit(): void {
    const current = status();
    for (const listener of listeners) listener(current);
  }

  /** A full sync's page as the server's JSON text, for the builder thread to parse and check. */
  async function fetchPageText(since: string | null): Promise<string> {
    const text = await client.getCatalogueChangesText(since, pageSize);
    online = true;
    return text;
  }

  /** A page checked whole before anything of it is written, a slice at a time so the kiosk stays responsive. */
  async function fetchPage(since: string | null): Promise<ValidPage> {
    const body = await client.getCatalogueChanges(since, pageSize);
    online = true;
    const changes: ValidChange[] = [];
    const refusedHere: RefusedRecord[] = [];
    for (let start = 0; start === 0 || start < body.changes.length; start += SLICE) {
      const check = checkChangesPage({ ...body, changes: body.changes.slice(start, start + SLICE) }, start);
      if (!check.ok) throw new RejectedPageError(check.reason);
      changes.push(...check.page.changes);
      refusedHere.push(...check.page.refused);
      await yieldToEventLoop();
    }
    noteRefused(refusedHere);
    return { changes, refused: refusedHere, cursor: body.cursor, hasMore: body.hasMore };
  }

  /** Writes the changes a slice per transaction, yielding between; `last` runs in the final slice's transaction. */
  async function writeInSlices(target: Database, changes: readonly ValidChange[], write: (change: ValidChange) => void, last: () => void) {
    let next = 0;
    do {
      target.transaction(() => {
        const deadline = performance.now() + WRITE_SLICE_MS;
        for (let written = 0; next < changes.length; written++) {
          if (written >= SLICE && performance.now() >= deadline) break;
          write(changes[next++] as ValidChange);
        }
        if (next >= changes.length) last();
      })();
      if (next < changes.length) await yieldToEventLoop();
    } while (next < changes.length);
  }

  /**
   * Merges the search indexes a slice at a time, yielding between slices, after a sync has applied its changes:
   * searches find the changes already and stay correct meanwhile, a little slower (~150 ms for 10,000 procedures).
   */
  function mergeSearchIndexes(): Promise<void> {
    merging ??= (async () => {
      try {
        // Each slice after a turn of the event loop, the first one too: the sync has returned before it.
        for (let more = true; more; more = mergeSearchIndexesStep(db, MERGE_SLICE_PAGES)) await yieldToEventLoop();
      } catch (error) {
        // The indexes stay correct, only slower to search; the next sync's merge goes on from here.
        logger.warn({ event: 'catalogue.merge_failed', error: error instanceof Error ? error.name : typeof error }, 'search index merge failed');
      } finally {
        merging = null;
      }
    })();
    return merging;
  }

  function pageDone(applied: number): void {
    progress = { applied: (progress?.applied ?? 0) + applied, pages: (progress?.pages ?? 0) + 1 };
    emit();
  }

  async function fullSync(): Promise<SyncSuccess> {
    // A build cut off by a crash is started over: its pages came from a feed that may have moved on.
    rmSync(nextPath, { force: true });
    removeSidecars(nextPath);
    const build = startCatalogueBuild(nextPath, pageDone);
    try {
      // Each page is fetched while the builder writes the one before it.
      let page = await build.addPage(await fetchPageText(null));
      noteRefused(page.refused);
      while (page.hasMore) {
        page = await build.addPage(await fetchPageText(page.cursor));
        noteRefused(page.refused);
      }
      await build.finish({ cursor: page.cursor, lastSyncAt: now().toISOString() });
    } catch (error) {
      await build.abort();
      rmSync(nextPath, { force: true });
      removeSidecars(nextPath);
      throw error;
    }
    // The swap: the cache closes cleanly (its log checkpointed), then one rename puts the new file in its place.
    db.close();
    try {
      removeSidecars(dbPath);
      renameSync(nextPath, dbPath);
    } finally {
      // Whichever file is in place now is a complete catalogue: the new one, or the old one if the rename failed.
      attach(openCatalogueDb(dbPath, logger, { verify: false }));
    }
    return { ok: true, kind: 'full', applied: progress?.applied ?? 0, pages: progress?.pages ?? 0, refused };
  }

  async function incrementalSync(since: string, keepStaged: boolean): Promise<SyncSuccess> {
    const from = store.getMeta('cursor') ?? '';
    if (!keepStaged) db.transaction(() => store.clearStaged())();
    let page = await fetchPage(since);
    while (page.hasMore) {
      // The next page is asked for now, and prepared by the server while this one is staged; a failure is
      // reported when it is awaited, and must not count as unhandled until then.
      const next = fetchPage(page.cursor);
      next.catch(() => {});
      // The staged cursor moves with the page's last slice; slices staged before a crash are staged again on
      // resume, which applies them twice in order: the same result.
      const staged = page;
      await writeInSlices(db, staged.changes, (change) => store.stage([change]), () => {
        store.setMeta('staged_from', from);
        store.setMeta('staged_cursor', staged.cursor);
      });
      pageDone(staged.changes.length);
      await yieldToEventLoop();
      page = await next;
    }
    // The last page is applied straight from memory, in the transaction that moves the cursor: cut off before
    // that, it was never written, and the resumed sync fetches it again.
    return applyStaged(page);
  }

  /** The staged pages and the last one, applied with the new cursor in one transaction. */
  function applyStaged(last: ValidPage): SyncSuccess {
    const changes = [...store.stagedChanges(), ...last.changes];
    db.transaction(() => {
      store.applyChanges(changes);
      store.setMeta('cursor', last.cursor);
      store.setMeta('lastSyncAt', now().toISOString());
      store.clearStaged();
    })();
    pageDone(last.changes.length);
    search.invalidate();
    counts = store.counts();
    // After the sync returns; also when it brought nothing, to finish a merge that a kill cut off.
    void mergeSearchIndexes();
    return { ok: true, kind: 'incremental', applied: changes.length, pages: progress?.pages ?? 0, refused };
  }

  /** The server no longer knows the cursor (its catalogue was reset): the cache is rebuilt from the start. */
  async function fullSyncIfCursorRefused(error: unknown): Promise<SyncSuccess> {
    if (!(error instanceof CentralError && error.kind === 'rejected' && error.status === 400)) throw error;
    logger.warn({ event: 'catalogue.cursor_refused' }, 'central server refused the cursor, syncing the whole catalogue');
    progress = { applied: 0, pages: 0 };
    refused = [];
    return fullSync();
  }

  async function runSync(): Promise<SyncOutcome> {
    // The merge writes to the cache, and a full sync replaces the file under it.
    await merging;
    const plan = planSync(store.syncState());
    const started = performance.now();
    try {
      const outcome = plan.kind === 'full' ? await fullSync() : await incrementalSync(plan.since, plan.keepStaged).catch(fullSyncIfCursorRefused);
      logger.info(
        {
          event: 'catalogue.synced',
          kind: outcome.kind,
          applied: outcome.applied,
          pages: outcome.pages,
          refused: outcome.refused.length,
          ms: Math.round(performance.now() - started),
        },
        'catalogue synced',
      );
      return outcome;
    } catch (error) {
      const outcome = failure(error);
      if (outcome.reason === 'unavailable') online = false;
      logger.warn({ event: 'catalogue.sync_failed', kind: plan.kind, reason: outcome.reason, detail: outcome.message }, 'catalogue sync failed');
      return outcome;
    }
  }

  /** One sync at a time: a request during a sync waits for that sync. */
  function syncNow(): Promise<SyncOutcome> {
    if (running) return running;
    progress = { applied: 0, pages: 0 };
    refused = [];
    running = runSync().finally(() => {
      running = null;
      progress = null;
      emit();
    });
    emit();
    return running;
  }

  const handlers: CatalogueHandlers = {
    'catalogue:search': async (request) => {
      const { items, total } = search.search(request);
      return { items: items.map(({ score: _score, ...summary }) => summary), total };
    },
    'catalogue:facets': async (request) => search.facets(request.filters),
    'catalogue:procedure': async (request) => {
      const detail = search.procedure(request.id);
      return detail
        ? { ok: true, value: detail }
        : { ok: false, error: { code: 'NOT_FOUND', message: 'No procedure with this id in the catalogue' } };
    },
    'catalogue:status': async () => status(),
    'catalogue:syncNow': async () => {
      await syncNow();
      return status();
    },
  };

  return {
    handlers,
    status,
    syncNow,
    search: (input: Parameters<CatalogueSearch['search']>[0]) => search.search(input),
    info(): CatalogueInfo {
      return { schemaVersion: schemaVersion(db), cursor: store.getMeta('cursor'), lastSyncAt: store.getMeta('lastSyncAt'), counts };
    },
    onStatus(listener: (status: CatalogueStatus) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Sync now and then every `minutes`; returns the function that stops the schedule. */
    startSchedule(minutes = DEFAULT_SYNC_INTERVAL_MINUTES): () => void {
      void syncNow();
      const timer = setInterval(() => void syncNow(), minutes * 60_000);
      timer.unref();
      return () => clearInterval(timer);
    },
    /** Resolves once the search indexes are merged after the last sync (at once when no merge is under way). */
    searchIndexesMerged: (): Promise<void> => merging ?? Promise.resolve(),
    /** Waits for a running sync and the merge after it, then closes the database. */
    async close(): Promise<void> {
      await running;
      await merging;
      if (db.open) db.close();
    },
  };
}

export type CatalogueService = ReturnType<typeof openCatalogueService>;

function failure(error: unknown): Extract<SyncOutcome, { ok: false }> {
  if (error instanceof RejectedPageError) return { ok: false, reason: 'rejected_page', message: error.message };
  if (error instanceof CatalogueBuildFailure) return { ok: false, reason: 'internal', message: error.errorName };
  if (error instanceof CentralError) {
    if (error.kind === 'unavailable') return { ok: false, reason: 'unavailable', message: error.message };
    if (error.kind === 'bad_response') return { ok: false, reason: 'rejected_page', message: error.message };
    return { ok: false, reason: 'refused', message: error.message };
  }
  // A bug or a disk problem: the error's name only, a message could quote a record.
  return { ok: false, reason: 'internal', message: error instanceof Error ? error.name : typeof error };
}
