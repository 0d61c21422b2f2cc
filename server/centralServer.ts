/**
 * The reference central server: the Kiosk Gateway API (shared/api/gateway.ts) over SQLite, plus printable demo
 * receipts. Demo mode embeds it, the end-to-end tests talk to it, and a province's integrators read it as the
 * behaviour to reproduce in front of their one-stop system.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import {
  AdminCreateDossier,
  AdminIssueEnrollmentCode,
  AdminPatchDossier,
  type ApiErrorBody,
  type ApiErrorCode,
  apiPaths,
  Dossier,
  EnrollRequest,
  type EnrollResponse,
  type EnrollmentCodeIssued,
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
import { pageContentSecurityPolicy, renderLookupPage, renderReceiptsPage } from './receiptPages';
import { enrollmentCodeHash, newEnrollmentCode, newKioskId, newToken, sameSecret, sha256Hex } from './secrets';
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
}

const MAX_BODY_BYTES = 256 * 1024;
const DEFAULT_ENROLLMENT_CODE_TTL_MINUTES = 24 * 60;

export type Failure = { status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500; code: ApiErrorCode; message: string };

function fail(c: Context, { status, code, message }: Failure): Response {
  return c.json({ error: { code, message } } satisfies ApiErrorBody, status);
}

/** The bearer token of the request, or null. */
function bearerToken(c: Context): string | null {
  return /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? null;
}

/** Parses a JSON body against `schema`; an empty body is `undefined`, which only an optional schema accepts. */
async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<{ ok: true; value: z.output<S> } | { ok: false; failure: Failure }> {
  const text = await readTextUpTo(c.req.raw, maxBytes);
  if (text === null) {
    return { ok: false, failure: { status: 413, code: 'BAD_REQUEST', message: `The body is larger than ${maxBytes} bytes.` } };
  }
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return { ok: false, failure: { status: 400, code: 'BAD_REQUEST', message: 'The body is not valid JSON.' } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  const message = `The body does not match the schema. ${problems.join('; ')}`;
  return { ok: false, failure: { status: 400, code: 'VALIDATION_FAILED', message: message.slice(0, 1000) } };
}

export type BodyReader = typeof readBody;

/** What createCentralApp hands each route module: the store, the clock, its auth middleware and its reply helpers. */
export interface RouteDeps {
  store: CentralStore;
  now: () => Date;
  requireKiosk: MiddlewareHandler;
  requireAdmin: MiddlewareHandler;
  readBody: BodyReader;
  fail: (c: Context, failure: Failure) => Response;
  bearerToken: (c: Context) => string | null;
}


/**
 * The body as text, or null once it passes `maxBytes` (counted as it arrives, whatever Content-Length says). Not
 * hono's bodyLimit: it re-creates the Request, which fails unless @hono/node-server replaced the global Request,
 * and this server leaves globals alone.
 */
async function readTextUpTo(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const dossierNotFound: Failure = { status: 404, code: 'DOSSIER_NOT_FOUND', message: 'No dossier has this code.' };

export function createCentralApp({ store, adminToken, now, version, log, updatesDir }: CentralAppDeps): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    // The route pattern, not the path: a path may carry a dossier code. Only middleware matched: no route.
    const route = routePath(c, -1);
    log(`${c.req.method} ${route === '/*' ? '(no route)' : route} ${c.res.status}`);
  });

  const requireKiosk: MiddlewareHandler = async (c, next) => {
    const token = bearerToken(c);
    if (token === null || !store.hasKioskToken(sha256Hex(token))) {
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, { status: 401, code: 'UNAUTHORIZED', message: 'A valid kiosk token is required; enroll the kiosk again.' });
    }
    await next();
  };
  const requireAdmin: MiddlewareHandler = async (c, next) => {
    const token = bearerToken(c);
    if (token === null || !sameSecret(token, adminToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, { status: 401, code: 'UNAUTHORIZED', message: 'The admin token is required.' });
    }
    await next();
  };

  app.get(apiPaths.health, (c) => c.json({ status: 'ok', version } satisfies Health));

  app.get(pathWithParam(apiPaths.dossier, ':code'), requireKiosk, (c) => {
    const dossier = store.findDossier(c.req.param('code') ?? '');
    return dossier ? c.json(dossier satisfies Dossier) : fail(c, dossierNotFound);
  });

  app.post(apiPaths.enroll, async (c) => {
    const body = await readBody(c, EnrollRequest);
    if (!body.ok) return fail(c, body.failure);
    const token = newToken();
    const enrolled = store.enrollKiosk({
      enrollmentCodeHash: enrollmentCodeHash(body.value.enrollmentCode),
      hardwareId: body.value.hardwareId,
      name: body.value.name ?? null,
      tokenHash: sha256Hex(token),
      newKioskId: newKioskId(),
      now: now(),
    });
    if (!enrolled) {
      return fail(c, { status: 403, code: 'ENROLLMENT_CODE_INVALID', message: 'The enrollment code is unknown, expired or already used.' });
    }
    return c.json({ kioskId: enrolled.kioskId, token } satisfies EnrollResponse);
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
    const updated = store.transaction(() => {
      const current = store.findDossier(c.req.param('code') ?? '');
      if (!current) return undefined;
      const next = Dossier.parse({ ...current, ...body.value });
      store.updateDossier(next, now());
      return next;
    });
    return updated ? c.json(updated satisfies Dossier) : fail(c, dossierNotFound);
  });

  app.post(apiPaths.adminEnrollmentCodes, requireAdmin, async (c) => {
    const body = await readBody(c, AdminIssueEnrollmentCode.optional());
    if (!body.ok) return fail(c, body.failure);
    const ttlMinutes = body.value?.ttlMinutes ?? DEFAULT_ENROLLMENT_CODE_TTL_MINUTES;
    const enrollmentCode = newEnrollmentCode();
    const expiresAt = new Date(now().getTime() + ttlMinutes * 60_000);
    store.addEnrollmentCode({ hash: enrollmentCodeHash(enrollmentCode), expiresAt, reusable: false });
    return c.json({ enrollmentCode, expiresAt: expiresAt.toISOString() } satisfies EnrollmentCodeIssued, 201);
  });

  app.get(pagePaths.receipts, (c) => {
    const dossiers = demoDossiers.flatMap(({ code }) => store.findDossier(code) ?? []);
    setPageHeaders(c);
    return c.html(renderReceiptsPage(dossiers, new URL(c.req.url).origin));
  });

  app.get(pagePaths.lookup, (c) => {
    const code = c.req.query(LOOKUP_CODE_PARAM)?.trim() ?? '';
    const page = renderLookupPage(code === '' ? undefined : store.findDossier(code), code !== '', now());
    setPageHeaders(c);
    c.header('Cache-Control', 'no-store');
    return c.html(page.body, page.status);
  });

  registerFeedbackRoutes(app, { store, now, requireKiosk, requireAdmin, readBody, fail, bearerToken });
  registerCatalogueRoutes(app, { store, requireKiosk, requireAdmin, readBody, fail });
  registerFleetRoutes(app, { store, now, requireKiosk, requireAdmin, readBody, fail, bearerToken });
  registerProvisioningRoutes(app, { store, requireAdmin, fail });
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

type Created = { ok: true; dossier: Dossier } | { ok: false; failure: Failure };

/**
 * Stores a new dossier. A given code is kept (upper-cased); otherwise one is issued in the national format
 * `<agency id>-<yyMMdd>-<seq>` with the day of receipt in Vietnam time and a sequence per agency per day.
 */
function createDossier(store: CentralStore, request: AdminCreateDossier, now: Date): Created {
  const { code: requestedCode, ...fields } = request;
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
  /** Seed the demo dossiers and DEMO_ENROLLMENT_CODE into an empty database. Default true. */
  seed?: boolean;
  /**
   * The procedure catalogue seeded into a database that never had one (default 'sample': the 48 hand-checked
   * procedures); a catalogue read from a file (`{ records }`) is imported into any database.
   */
  catalogue?: CatalogueChoice;
  version?: string;
  log?: (line: string) => void;
  /** A directory of kiosk update files (electron-builder's release/ output) to serve under /updates/. */
  updatesDir?: string;
}

export interface RunningCentralServer {
  url: string;
  port: number;
  adminToken: string;
  close(): Promise<void>;
}

export async function startCentralServer(options: CentralServerOptions = {}): Promise<RunningCentralServer> {
  const { port = 0, host = '127.0.0.1', dbFile, now = () => new Date(), seed = true, version = packageJson.version } = options;
  const adminToken = options.adminToken ?? newToken();
  const store = openCentralStore(dbFile);
  try {
    if (seed && store.countDossiers() === 0) seedDemoData(store, now());
    const choice = options.catalogue ?? 'sample';
    // A catalogue read from a file is what the administrator asked to serve, into a new database or an old one.
    if (typeof choice === 'object' && 'records' in choice) store.catalogue.importRecords(choice.records);
    else if (seed && store.catalogue.lastSequence() === 0) store.catalogue.seed(seedCatalogue(choice));
    const app = createCentralApp({ store, adminToken, now, version, log: options.log ?? (() => {}), updatesDir: options.updatesDir });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      // Leave the process's global Request/Response alone: the server may share it with a kiosk host.
      const started = serve({ fetch: app.fetch, port, hostname: host, overrideGlobalObjects: false }, () => resolve(started));
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
