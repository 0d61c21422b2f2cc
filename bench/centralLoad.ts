/**
 * The reference central server under a province's load: 500 enrolled kiosks heartbeating, every kiosk reading the
 * on-time board, and dossier lookups at a steady rate, then stepped up until their p95 passes 100 ms; against
 * databases of 10,000, 200,000 and 2,000,000 synthetic dossiers (server/syntheticDossiers.ts), beside the same load
 * on 12 dossiers as the baseline (a board that costs the same whatever the size has a ratio near 1).
 *
 * The server runs as `npm run central -- --no-rate-limits` in its own process (500 kiosks here share one loopback
 * address, which the per-address limit would throttle as it should in production), the load from this one, over loopback only. Latency is
 * counted from when a request was due to leave, not when it left, so a server that falls behind is not flattered
 * (no coordinated omission). Every phase is bounded in time and every request in count and time. Each database is
 * seeded once into os.tmpdir(), keyed by its size and seed, and reused by later runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { feedbackPaths } from '../shared/api/feedback';
import { fleetPaths, type Heartbeat } from '../shared/api/fleet';
import { apiPaths } from '../shared/api/gateway';
import { Indicators, Rating, statsPeriods } from '../shared/api/feedback';
import { Dossier } from '../shared/api/gateway';
import { openCentralStore } from '../server/centralStore';
import { onTimeBoard, periodContaining } from '../server/feedbackStats';
import { seedSyntheticDossiers } from '../server/syntheticDossiers';
import { projectRoot, runTypeScript, stopChild } from '../tests/support/processes';
import { startStealCount } from './cpuSteal';
import { ms, percentile, verdictLine } from './stats';

const SIZES = [12, 10_000, 200_000, 2_000_000];
const SEED = 2026;
/** Bump when the generator changes, so that cached databases are seeded again. */
const GENERATOR_VERSION = 4;
const KIOSKS = 500;
/**
 * Each kiosk heartbeats once a minute (five times its real rate, DEFAULT_HEARTBEAT_SECONDS) and reads the board every
 * ten seconds (far more often than an attract screen shows it): heavier than a province, never lighter.
 */
const HEARTBEAT_PERIOD_MS = 60_000;
const BOARD_PERIOD_MS = 10_000;
const STEADY_LOOKUPS_PER_S = 50;
const WARMUP_MS = 4_000;
const STEADY_MS = 8_000;
const RAMP_STEP_MS = 4_000;
const RAMP_RATES = [100, 200, 400, 800, 1_600];
const REQUEST_TIMEOUT_MS = 10_000;
/** Requests outstanding past this are counted as failed rather than queued without bound. */
const MAX_IN_FLIGHT = 4_000;
const TARGET_P95_MS = 20;
const KNEE_P95_MS = 100;
const ADMIN_TOKEN = 'bench-central-load-admin-token-0123456789';

/** The cached database of `count` synthetic dossiers, seeded (through the admin API's write) if it is not there yet. */
function seededDatabase(count: number): string {
  const file = join(tmpdir(), `hcc-central-bench-v${GENERATOR_VERSION}-${count}-seed${SEED}.db`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const store = openCentralStore(partial);
  const started = performance.now();
  const { ratings } = seedSyntheticDossiers(store, {
    count,
    seed: SEED,
    now: new Date(),
    progress: (done) => process.stderr.write(`  seeding ${done}/${count} dossiers (${((performance.now() - started) / 1000).toFixed(0)} s)\n`),
  });
  store.close();
  // On disk before it is measured: the kernel writing back gigabytes of fresh pages would stall the server's fsyncs.
  const fd = openSync(partial, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(partial, file);
  process.stderr.write(`  seeded ${count} dossiers and ${ratings} ratings in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}\n`);
  return file;
}

/** Up to this size the board is also computed the straightforward way (every dossier read), as it was: the baseline. */
const MAX_STRAIGHTFORWARD = 200_000;

/**
 * The board's own cost, in this process with no load: from the kept totals (median of 100 reads per period) and, up
 * to MAX_STRAIGHTFORWARD dossiers, from every dossier and rating (feedbackStats.onTimeBoard, one read).
 */
function boardCost(dbFile: string, size: number): string {
  const store = openCentralStore(dbFile);
  try {
    const now = new Date();
    const kept = statsPeriods.map((kind) => {
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        store.stats.onTimeBoard(periodContaining(kind, now), now);
        times.push(performance.now() - started);
      }
      return `${kind} ${ms(percentile(times, 50))}`;
    });
    let straightforward = '';
    if (size <= MAX_STRAIGHTFORWARD) {
      const db = new Database(dbFile, { readonly: true });
      try {
        const started = performance.now();
        const dossiers = db.prepare<[], { json: string }>('SELECT json FROM dossiers').all().map((row) => Dossier.parse(JSON.parse(row.json)));
        const ratings = db
          .prepare<[], { agency_id: string; agency_name: string; rating: string; indicators: string | null; received_at: number }>('SELECT agency_id, agency_name, rating, indicators, received_at FROM feedback')
          .all()
          .map((row) => ({ agency: { id: row.agency_id, name: row.agency_name }, rating: Rating.parse(row.rating), indicators: row.indicators === null ? null : Indicators.parse(JSON.parse(row.indicators)), receivedAt: new Date(row.received_at) }));
        onTimeBoard(dossiers, ratings, periodContaining('year', now), now);
        straightforward = `; every dossier read (the former path, baseline): year ${ms(performance.now() - started)}`;
      } finally {
        db.close();
      }
    }
    return `  board from kept totals, no load: ${kept.join(', ')}${straightforward}`;
  } finally {
    store.close();
  }
}

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(dbFile: string): Promise<Server> {
  // The request log goes to a file: a pipe to this process would make the server wait on this one's event loop.
  const logFile = `${dbFile}.server.log`;
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...runTypeScript, 'server/main.ts', '--port', '0', '--db', dbFile, '--admin-token', ADMIN_TOKEN, '--no-rate-limits'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not listen within 120 s'), 120_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`central ${why}\n${output}\n${readFileSync(logFile, 'utf8').slice(-4000)}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const url = /^central listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

/** Kiosks hold keep-alive connections; a province's 500 share a pool here, as behind a reverse proxy. */
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function call(url: string, method: string, token: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, agent, timeout: REQUEST_TIMEOUT_MS, headers: { authorization: `Bearer ${token}`, ...(payload && { 'content-type': 'application/json' }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(payload);
  });
}

async function enrollKiosks(url: string): Promise<{ kioskId: string; token: string }[]> {
  // New hardware ids each run: the cached database keeps the kiosks of the runs before (and refuses their takeover).
  const run = Date.now().toString(36);
  const kiosks: { kioskId: string; token: string }[] = [];
  for (let start = 0; start < KIOSKS; start += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, KIOSKS - start) }, async (_, i) => {
        const issued = await call(url + apiPaths.adminEnrollmentCodes, 'POST', ADMIN_TOKEN, {});
        const { enrollmentCode } = JSON.parse(issued.body) as { enrollmentCode: string };
        const enrolled = await call(url + apiPaths.enroll, 'POST', '', { enrollmentCode, hardwareId: `bench-kiosk-${run}-${start + i}`, name: `Bench ${start + i}` });
        if (enrolled.status !== 200) throw new Error(`enrolment answered ${enrolled.status}: ${enrolled.body}`);
        return JSON.parse(enrolled.body) as { kioskId: string; token: string };
      }),
    );
    kiosks.push(...batch);
  }
  return kiosks;
}

/** Codes to look up: stored ones picked at random, and one in ten that no dossier has (a mistyped receipt). */
function lookupCodes(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const maxRow = (db.prepare('SELECT max(rowid) AS n FROM dossiers').get() as { n: number }).n;
    const byRow = db.prepare<[number], { code: string }>('SELECT code FROM dossiers WHERE rowid = ?');
    const codes: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const row = byRow.get(1 + Math.floor(Math.random() * maxRow));
      codes.push(i % 10 === 9 || !row ? `000.00.06.H56-991231-${String(i).padStart(4, '0')}` : row.code);
    }
    return codes;
  } finally {
    db.close();
  }
}

interface Samples {
  lookups: number[];
  boards: number[];
  heartbeats: number[];
  failed: number;
}

/**
 * Sends, for `durationMs`, each kiosk's heartbeat and board read at their periods (spread evenly) and
 * `lookupsPerS` lookups from kiosks in turn, each at its due time whatever the answers before it.
 */
async function load(url: string, kiosks: readonly { kioskId: string; token: string }[], codes: readonly string[], lookupsPerS: number, durationMs: number): Promise<Samples> {
  const samples: Samples = { lookups: [], boards: [], heartbeats: [], failed: 0 };
  const heartbeat = (): Heartbeat => ({
    version: '1.0.0', uptimeSeconds: 3600, lastSyncAt: null, scanner: 'ok', camera: 'ok', recentErrors: 0, outboxPending: 0, locationId: null, intervalSeconds: 300, sentAt: new Date().toISOString(),
  });
  const streams: { everyMs: number; send: (n: number) => Promise<boolean>; into: number[] }[] = [
    { everyMs: HEARTBEAT_PERIOD_MS / kiosks.length, into: samples.heartbeats, send: async (n) => { const k = kiosks[n % kiosks.length]!; return (await call(url + fleetPaths.heartbeat(k.kioskId), 'POST', k.token, heartbeat())).status === 200; } },
    { everyMs: BOARD_PERIOD_MS / kiosks.length, into: samples.boards, send: async (n) => (await call(`${url}${feedbackPaths.onTime}?period=${n % 5 === 0 ? 'year' : 'month'}`, 'GET', kiosks[(n * 7) % kiosks.length]!.token)).status === 200 },
    { everyMs: 1000 / lookupsPerS, into: samples.lookups, send: async (n) => [200, 404].includes((await call(url + apiPaths.dossier(codes[n % codes.length]!), 'GET', kiosks[(n * 13) % kiosks.length]!.token)).status) },
  ];
  const start = performance.now();
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  const next = streams.map(() => 0);
  while (performance.now() - start < durationMs) {
    const now = performance.now() - start;
    for (const [s, stream] of streams.entries()) {
      while (next[s]! * stream.everyMs <= now) {
        const due = start + next[s]! * stream.everyMs;
        const n = next[s]!++;
        if (inFlight >= MAX_IN_FLIGHT) {
          samples.failed++;
          continue;
        }
        inFlight++;
        pending.push(
          stream.send(n).then((ok) => {
            inFlight--;
            if (ok) stream.into.push(performance.now() - due);
            else samples.failed++;
          }),
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  return samples;
}

export async function benchCentralLoad(): Promise<string[]> {
  const lines: string[] = [];
  // Also on stderr as they come: the run takes minutes, and a figure should survive an interrupted one.
  const say = (line: string) => {
    lines.push(line);
    process.stderr.write(`  ${line}\n`);
  };
  const stolen = startStealCount();
  let baselineBoardP95: number | null = null;
  for (const size of SIZES) {
    const dbFile = seededDatabase(size);
    const server = await startServer(dbFile);
    try {
      const kiosks = await enrollKiosks(server.url);
      const codes = lookupCodes(dbFile);
      // Every code looked up once first: the figures are the running server's, not a cold page cache's first reads.
      for (let start = 0; start < codes.length; start += 8) {
        await Promise.all(codes.slice(start, start + 8).map((code) => call(server.url + apiPaths.dossier(code), 'GET', kiosks[0]!.token)));
      }
      await load(server.url, kiosks, codes, STEADY_LOOKUPS_PER_S, WARMUP_MS);
      const steady = await load(server.url, kiosks, codes, STEADY_LOOKUPS_PER_S, STEADY_MS);
      const boardP95 = percentile(steady.boards, 95);
      baselineBoardP95 ??= boardP95;
      const lookupP95 = percentile(steady.lookups, 95);
      say(
        `${size.toLocaleString('en')} dossiers, ${KIOSKS} kiosks (${((KIOSKS * 1000) / HEARTBEAT_PERIOD_MS).toFixed(1)} heartbeats/s, ${(KIOSKS * 1000) / BOARD_PERIOD_MS} board reads/s), ${STEADY_LOOKUPS_PER_S} lookups/s: ` +
          `lookup p50 ${ms(percentile(steady.lookups, 50))} p95 ${ms(lookupP95)} p99 ${ms(percentile(steady.lookups, 99))}; ` +
          `board p95 ${ms(boardP95)} (×${(boardP95 / baselineBoardP95).toFixed(2)} the 12-dossier baseline); heartbeat p95 ${ms(percentile(steady.heartbeats, 95))}; failed ${steady.failed}`,
      );
      let knee: string = `not reached up to ${RAMP_RATES.at(-1)!.toLocaleString('en')}/s`;
      let below = STEADY_LOOKUPS_PER_S;
      for (const rate of RAMP_RATES) {
        const step = await load(server.url, kiosks, codes, rate, RAMP_STEP_MS);
        const p95 = percentile(step.lookups, 95);
        if (p95 > KNEE_P95_MS || step.failed > 0) {
          knee = `between ${below.toLocaleString('en')} and ${rate.toLocaleString('en')}/s (p95 ${ms(p95)} at ${rate.toLocaleString('en')}/s, ${step.failed} failed)`;
          break;
        }
        below = rate;
      }
      say(`  lookup p95 passes ${KNEE_P95_MS} ms: ${knee}`);
      if (size === SIZES.at(-1)) {
        say(verdictLine({ name: `board p95 at ${size.toLocaleString('en')} dossiers, ${KIOSKS} kiosks`, value: boardP95, target: TARGET_P95_MS }));
        say(verdictLine({ name: `lookup p95 at ${size.toLocaleString('en')} dossiers, ${KIOSKS} kiosks`, value: lookupP95, target: TARGET_P95_MS }));
      }
    } finally {
      await stopChild(server.child);
    }
    // After the load: the former path's garbage (every dossier parsed) must not pause the load generator.
    say(boardCost(dbFile, size));
  }
  lines.push(stolen()?.replace('the scans', 'the run') ?? 'CPU steal time not available');
  lines.push('The server and the load share this machine\'s cores (and the machine may be shared with other work): figures are upper bounds.');
  return lines;
}
