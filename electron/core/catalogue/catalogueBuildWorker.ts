/**
 * The catalogue builder's thread: a full sync's pages arrive here as JSON text, and are parsed, checked and written
 * into the new database file, so that none of that work stalls the core's event loop. Messages are handled one at a
 * time in order; each page is one transaction. Started by catalogueBuild.ts, which owns the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkChangesPage } from '../../../shared/catalogue/syncPlan';
import type { BuilderReply, BuilderRequest, BuilderStart } from './catalogueBuild';
import { openBuildingDb } from './catalogueDb';
import { createCatalogueStore, optimizeSearchIndexes, reindexProcedures } from './catalogueStore';
import { parseJson } from '../../../shared/text/parseJson';

const port = parentPort;
if (!port) throw new Error('catalogueBuildWorker runs only as a worker thread');
const { path } = workerData as BuilderStart;
const reply = (message: BuilderReply) => port.postMessage(message);

const db = openBuildingDb(path);
// The search indexes are built at the end, in one pass in rowid order: a third of their cost page by page.
const store = createCatalogueStore(db, { deferSearchIndex: true });
/** After the first rejected page or failure, later pages are answered with it and never written. */
let stopped: BuilderReply | null = null;

function handle(request: BuilderRequest): void {
  if (request.type === 'finish') {
    db.transaction(() => {
      reindexProcedures(db);
      for (const [key, value] of Object.entries(request.meta)) store.setMeta(key, value);
    })();
    optimizeSearchIndexes(db);
    db.close();
    return reply({ type: 'finished' });
  }
  const body = parseJson(request.text);
  const check = checkChangesPage(body);
  if (!check.ok) {
    stopped = { type: 'rejected', reason: check.reason };
    return reply(stopped);
  }
  // Where the feed goes on, first: the main thread fetches the next page while this one is written.
  reply({ type: 'read', cursor: check.page.cursor, hasMore: check.page.hasMore, refused: check.page.refused });
  db.transaction(() => store.applyChanges(check.page.changes))();
  reply({ type: 'written', count: check.page.changes.length });
}

port.on('message', (request: BuilderRequest) => {
  if (stopped) return reply(stopped);
  try {
    handle(request);
  } catch (error) {
    // A bug or a disk problem: the error's name only, a message could quote a record.
    stopped = { type: 'failed', name: error instanceof Error ? error.name : typeof error };
    reply(stopped);
  }
});
