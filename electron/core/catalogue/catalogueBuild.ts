/**
 * A full sync's new catalogue, built on a worker thread (catalogueBuildWorker.ts): parsing, checking and writing
 * ten thousand procedures takes seconds, which on the core's own thread would freeze the kiosk. The core only
 * fetches each page's text and hands it over; the thread answers where the feed goes on, then writes the page.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RefusedRecord } from '../../../shared/catalogue/syncPlan';

export interface BuilderStart {
  /** The new database file, created by the builder (the caller removed any earlier one). */
  path: string;
}

export type BuilderRequest = { type: 'page'; text: string } | { type: 'finish'; meta: Record<string, string> };

export type BuilderReply =
  /** The page is valid: it is being written but for its refused records, and the feed goes on from `cursor`. */
  | { type: 'read'; cursor: string; hasMore: boolean; refused: RefusedRecord[] }
  | { type: 'written'; count: number }
  | { type: 'rejected'; reason: string }
  /** Thrown in the builder: the error's name only, a message could quote a record. */
  | { type: 'failed'; name: string }
  /** The meta is written and the file closed: it can be renamed into place. */
  | { type: 'finished' };

/** A page the server sent that the kiosk will not write; the reason names what is wrong, never the content. */
export class RejectedPageError extends Error {
  override readonly name = 'RejectedPageError';
}

/** The builder failed on a bug or a disk problem; named as the error thrown there. */
export class CatalogueBuildFailure extends Error {
  constructor(readonly errorName: string) {
    super(`catalogue builder failed: ${errorName}`);
  }
}

export interface CatalogueBuild {
  /** Hands a page's text over; resolves with where the feed goes on once the page is checked, before it is written. */
  addPage(text: string): Promise<{ cursor: string; hasMore: boolean; refused: RefusedRecord[] }>;
  /** Writes the meta after every page handed over, and closes the file. */
  finish(meta: Record<string, string>): Promise<void>;
  /** Stops the thread, written or not; the caller removes the file. */
  abort(): Promise<void>;
}

/**
 * The builder's entry beside this module: the TypeScript source under tsx and vitest, loaded with tsx in the
 * thread too (the web host, the CLI, tests); the bundled catalogueBuildWorker.js beside out/main/index.js in the
 * Electron app.
 */
function builderEntry(): { url: URL; execArgv?: string[] } {
  const extension = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./catalogueBuildWorker${extension}`, import.meta.url);
  if (extension !== '.ts') return { url };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url, execArgv: ['--import', tsx] };
}

export function startCatalogueBuild(path: string, onWritten: (count: number) => void): CatalogueBuild {
  const { url, execArgv } = builderEntry();
  const worker = new Worker(url, { workerData: { path } satisfies BuilderStart, execArgv });
  /** Replies awaited, in the order their requests were sent ('written' is reported, not awaited). */
  const waiting: { resolve: (reply: BuilderReply) => void; reject: (error: Error) => void }[] = [];
  let broken: Error | null = null;

  function breakWith(error: Error): void {
    broken ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(broken);
  }
  worker.on('message', (reply: BuilderReply) => {
    if (reply.type === 'written') return onWritten(reply.count);
    if (reply.type === 'rejected') return breakWith(new RejectedPageError(reply.reason));
    if (reply.type === 'failed') return breakWith(new CatalogueBuildFailure(reply.name));
    waiting.shift()?.resolve(reply);
  });
  worker.on('error', (error) => breakWith(new CatalogueBuildFailure(error.name)));
  worker.on('exit', () => breakWith(new CatalogueBuildFailure('WorkerExited')));

  function request(message: BuilderRequest): Promise<BuilderReply> {
    if (broken) return Promise.reject(broken);
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(message);
    });
  }

  return {
    async addPage(text) {
      const reply = await request({ type: 'page', text });
      if (reply.type !== 'read') throw new CatalogueBuildFailure(`unexpected ${reply.type}`);
      return { cursor: reply.cursor, hasMore: reply.hasMore, refused: reply.refused };
    },
    async finish(meta) {
      await request({ type: 'finish', meta });
      await worker.terminate();
    },
    async abort() {
      await worker.terminate();
    },
  };
}
