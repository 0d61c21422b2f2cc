/**
 * The reference central server: the Kiosk Gateway API (shared/api/gateway.ts) over SQLite, plus printable demo
 * receipts. Demo mode embeds it, the end-to-end tests talk to it, and a province's integrators read it as the
 * behaviour to reproduce in front of their one-stop system.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { routePath } from 'hono/route';
import packageJson from '../package.json' with { type: 'json' };
import {
  AdminCreateDossier,
  AdminPatchDossier,
  apiPaths,
  Dossier,
  type Health,
} from '../shared/api/gateway';
import { LOOKUP_CODE_PARAM, pagePaths, pathWithParam } from '../shared/api/openapi';
import { MAX_CODE_LENGTH, MIN_CODE_LENGTH, parseReceipt } from '../shared/receipt/parseReceipt';
import { type CatalogueChoice, seedCatalogue } from './catalogueGenerator';
import { registerCatalogueRoutes } from './catalogueRoutes';
import { type CentralStore, openCentralStore } from './centralStore';
import { demoDossiers, seedDemoData } from './demoData';
import { registerFeedbackRoutes } from './feedbackRoutes';
import { registerFleetRoutes } from './fleetRoutes';
import { registerProvisioningRoutes } from './provisioningRoutes';
import { registerUpdateRoutes } from './updateRoutes';
import { createLookupLimiters, defaultLookupRateLimits, type LookupRateLimits } from './lookupLimits';
import { pageContentSecurityPolicy, renderLookupPage, renderRateLimitedPage, renderReceiptsPage } from './receiptPages';
import { adminAuth, fail, type Failure, kioskAuth, readBody, type RouteDeps } from './httpHelpers';
import { dateInconsistency } from './dossierDates';
import { registerKioskRoutes } from './kioskRoutes';
import { newToken } from './secrets';
import { vietnamDayStamp } from './vietnamTime';

export { DEMO_ENROLLMENT_CODE, demoDossierCode, demoDossiers, type DemoScenario } from './demoData';

export interface CentralAppDeps {
  store: CentralStore;
  adminToken: string;
  now: () => Date;
  version: string;
  /** One line per request (method, route pattern, status): never a dossier code or a name. */
  log: (line: string) => void;
  /** The directory of kiosk update files served under /updates/; none: no updates offered. */
  updatesDir?: string;
  /** Demo mode: the printable demo receipts are served at /receipts. */
  demo?: boolean;
  /** Limits on dossier lookups (server/lookupLimits.ts); default defaultLookupRateLimits. */
  rateLimits?: LookupRateLimits | 'off';
}

const datesInconsistent = (message: string): Failure => ({ status: 422, code: 'DATES_INCONSISTENT', message });

const dossierNotFound: Failure = { status: 404, code: 'DOSSIER_NOT_FOUND', message: 'No dossier has this code.' };

export function createCentralApp({ store, adminToken, now, version, log, updatesDir, demo = false, rateLimits = defaultLookupRateLimits }: CentralAppDeps): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    // The route pattern, not the path: a path may carry a dossier code. Only middleware matched: no route.
    const route = routePath(c, -1);
    log(`${c.req.method} ${route === '/*' ? '(no route)' : route} ${c.res.status}`);
  });

  const requireKiosk = kioskAuth(store, now);
  const requireAdmin = adminAuth(adminToken);

  app.get(apiPaths.health, (c) => c.json({ status: 'ok', version } satisfies Health));

  const limits = createLookupLimiters(rateLimits, now);
  app.get(pathWithParam(apiPaths.dossier, ':code'), requireKiosk, limits.kioskLookup, (c) => {
    const dossier = store.findDossier(c.req.param('code') ?? '');
    return dossier ? c.json(dossier satisfies Dossier) : fail(c, dossierNotFound);
  });

  app.post(apiPaths.adminDossiers, requireAdmin, async (c) => {
    const body = await readBody(c, AdminCreateDossier);
    if (!body.ok) return fail(c, body.failure);
    const created = createDossier(store, body.value, now());
    return created.ok ? c.json(created.dossier satisfies Dossier, 201) : fail(c, created.failure);
  });

  app.patch(pathWithParam(apiPaths.adminDossier, ':code'), requireAdmin, async (c) => {
    const body = await readBody(c, AdminPatchDossier);
    if (!body.ok) return fail(c, body.failure);
    const updated = store.transaction((): { ok: true; dossier: Dossier } | { ok: false; failure: Failure } => {
      const current = store.findDossier(c.req.param('code') ?? '');
      if (!current) return { ok: false, failure: dossierNotFound };
      const next = Dossier.parse({ ...current, ...body.value });
      const inconsistent = dateInconsistency(next);
      if (inconsistent !== null) return { ok: false, failure: datesInconsistent(inconsistent) };
      store.updateDossier(next, now());
      return { ok: true, dossier: next };
    });
    return updated.ok ? c.json(updated.dossier satisfies Dossier) : fail(c, updated.failure);
  });

  if (demo) {
    app.get(pagePaths.receipts, (c) => {
      const dossiers = demoDossiers.flatMap(({ code }) => store.findDossier(code) ?? []);
      setPageHeaders(c);
      return c.html(renderReceiptsPage(dossiers, new URL(c.req.url).origin));
    });
  }

  app.get(pagePaths.lookup, (c) => {
    setPageHeaders(c);
    c.header('Cache-Control', 'no-store');
    const limit = limits.publicPage(c);
    if (!limit.ok) {
      c.header('Retry-After', String(limit.retryAfterSeconds));
      return c.html(renderRateLimitedPage(limit.retryAfterSeconds), 429);
    }
    const code = c.req.query(LOOKUP_CODE_PARAM)?.trim() ?? '';
    const page = renderLookupPage(code === '' ? undefined : store.findDossier(code), code !== '', now());
    return c.html(page.body, page.status);
  });

  const routeDeps: RouteDeps = { store, now, requireKiosk, requireAdmin };
  registerKioskRoutes(app, routeDeps);
  registerFeedbackRoutes(app, routeDeps);
  registerCatalogueRoutes(app, routeDeps);
  registerFleetRoutes(app, routeDeps);
  registerProvisioningRoutes(app, routeDeps);
  if (updatesDir !== undefined) registerUpdateRoutes(app, { updatesDir });

  app.notFound((c) => fail(c, { status: 404, code: 'NOT_FOUND', message: 'No such route.' }));
  app.onError((error, c) => {
    // The error's name only: messages can quote input.
    log(`error ${error.name} in ${c.req.method} ${routePath(c, -1)}`);
    return fail(c, { status: 500, code: 'INTERNAL', message: 'The server failed; retry later.' });
  });
  return app;
}

function setPageHeaders(c: Context): void {
  c.header('Content-Security-Policy', pageContentSecurityPolicy);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
}

export type Created = { ok: true; dossier: Dossier } | { ok: false; failure: Failure };

/**
 * Stores a new dossier. A given code is kept (upper-cased); otherwise one is issued in the national format
 * `<agency id>-<yyMMdd>-<seq>` with the day of receipt in Vietnam time and a sequence per agency per day.
 */
export function createDossier(store: CentralStore, request: AdminCreateDossier, now: Date): Created {
  const { code: requestedCode, ...fields } = request;
  const inconsistent = dateInconsistency(fields);
  if (inconsistent !== null) return { ok: false, failure: datesInconsistent(inconsistent) };
  if (requestedCode !== undefined) {
    const dossier = { ...fields, code: requestedCode.toUpperCase() };
    // A code the kiosk's scanner and keyboard cannot produce would make the dossier unreachable.
    const readable = parseReceipt(dossier.code);
    if (!readable.ok || readable.code !== dossier.code) {
      const message = readable.ok
        ? `code: a kiosk would read this code as ${readable.code}; send it that way.`
        : `code: a kiosk would refuse this code (${readable.reason}); use ${MIN_CODE_LENGTH} to ${MAX_CODE_LENGTH} letters, digits and . / _ -.`;
      return { ok: false, failure: { status: 400, code: 'VALIDATION_FAILED', message } };
    }
    return store.insertDossier(dossier, now)
      ? { ok: true, dossier }
      : { ok: false, failure: { status: 409, code: 'DOSSIER_EXISTS', message: 'A dossier with this code exists.' } };
  }
  const day = vietnamDayStamp(new Date(fields.receivedAt));
  const agencyId = fields.agency.id.toUpperCase();
  const sample = parseReceipt(issuedCode(agencyId, day, 1));
  if (!sample.ok || sample.kind !== 'structured') {
    const message = 'agency.id must be a national agency id (e.g. 000.00.06.H56) for the server to issue a code; otherwise send a code.';
    return { ok: false, failure: { status: 400, code: 'VALIDATION_FAILED', message } };
  }
  return store.transaction(() => {
    // A code an admin set by hand may already hold the next number: take the following one.
    for (;;) {
      const dossier = { ...fields, code: issuedCode(agencyId, day, store.nextDossierSequence(agencyId, day)) };
      if (store.insertDossier(dossier, now)) return { ok: true, dossier };
    }
  });
}

const issuedCode = (agencyId: string, day: string, sequence: number) => `${agencyId}-${day}-${String(sequence).padStart(4, '0')}`;

export interface CentralServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file; without one the data lives in memory. */
  dbFile?: string;
  /** Generated when absent (read it from the result). */
  adminToken?: string;
  now?: () => Date;
  /**
   * Demo mode: the demo dossiers, DEMO_ENROLLMENT_CODE (reusable, never expiring) and the sample catalogue are seeded
   * into an empty database, and the printable demo receipts served. Default false: the server starts with no
   * dossier and no enrolment code; an admin issues codes (POST /api/v1/admin/enrollment-codes).
   */
  demo?: boolean;
  /**
   * The procedure catalogue seeded into a database that never had one (default 'sample', the 48 hand-checked
   * procedures, in demo mode; none otherwise); a catalogue read from a file (`{ records }`) is imported into any database.
   */
  catalogue?: CatalogueChoice;
  version?: string;
  log?: (line: string) => void;
  /** A directory of kiosk update files (electron-builder's release/ output) to serve under /updates/. */
  updatesDir?: string;
  /** Writes into the store before the server listens (main's --synthetic-dossiers). */
  fill?: (store: CentralStore, now: Date) => void;
  /** Limits on dossier lookups; default defaultLookupRateLimits; 'off' only for load benchmarks. */
  rateLimits?: LookupRateLimits | 'off';
  /** Limits on connections and requests; default defaultConnectionLimits. */
  connectionLimits?: Partial<ConnectionLimits>;
}

/**
 * What one client may hold of the server. Each connection is a file descriptor: `maxConnections` stays well under the
 * process's limit (raise `ulimit -n` above it), and is far more than 500 kiosks need, which open a connection per
 * exchange and leave it after `keepAliveMs` idle. A half-sent request (slowloris) is dropped after `headersMs` for
 * its headers and `requestMs` in all, a silent socket after `idleMs`; headers past `maxHeaderBytes` get 431.
 */
export interface ConnectionLimits {
  maxConnections: number;
  headersMs: number;
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
  maxHeaderBytes: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  maxConnections: 1000,
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 30_000,
  keepAliveMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};

export interface RunningCentralServer {
  url: string;
  port: number;
  adminToken: string;
  close(): Promise<void>;
}

export async function startCentralServer(options: CentralServerOptions = {}): Promise<RunningCentralServer> {
  const { port = 0, host = '127.0.0.1', dbFile, now = () => new Date(), demo = false, version = packageJson.version } = options;
  const adminToken = options.adminToken ?? newToken();
  const limits = { ...defaultConnectionLimits, ...options.connectionLimits };
  const store = openCentralStore(dbFile);
  try {
    if (demo && store.countDossiers() === 0) seedDemoData(store, now());
    const catalogue = options.catalogue ?? (demo ? 'sample' : undefined);
    // A catalogue read from a file is what the administrator asked to serve, into a new database or an old one.
    if (typeof catalogue === 'object' && 'records' in catalogue) store.catalogue.importRecords(catalogue.records);
    else if (catalogue !== undefined && store.catalogue.lastSequence() === 0) store.catalogue.seed(seedCatalogue(catalogue));
    options.fill?.(store, now());
    const app = createCentralApp({
      store,
      adminToken,
      now,
      version,
      log: options.log ?? (() => {}),
      updatesDir: options.updatesDir,
      demo,
      rateLimits: options.rateLimits,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      // Leave the process's global Request/Response alone: the server may share it with a kiosk host.
      const started = serve(
        {
          fetch: app.fetch,
          port,
          hostname: host,
          overrideGlobalObjects: false,
          serverOptions: {
            maxHeaderSize: limits.maxHeaderBytes,
            headersTimeout: limits.headersMs,
            requestTimeout: limits.requestMs,
            keepAliveTimeout: limits.keepAliveMs,
            // How often half-sent requests are looked for: a slow one lives at most this much past its timeout.
            connectionsCheckingInterval: Math.min(1000, limits.headersMs),
          },
        },
        () => resolve(started),
      );
      // node:http's server: serve() makes one unless given createServer.
      const http = started as HttpServer;
      http.maxConnections = limits.maxConnections;
      // A connection that sends nothing at all: no request, so no request timeout applies.
      http.setTimeout(limits.idleMs, (socket) => socket.destroy());
      started.once('error', reject);
    });
    const actualPort = (server.address() as AddressInfo).port;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
      port: actualPort,
      adminToken,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => {
            store.close();
            if (error) reject(error);
            else resolve();
          });
          // Idle keep-alive connections would hold close() open.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        }),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
