/**
 * The HTTP helpers every route module of the reference server shares: the error reply, the bearer token, the
 * body and query readers, the two auth middlewares and what createCentralApp hands each module. Its own module so
 * that the app (centralServer.ts) imports its routes and the routes import only this, never the app.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../shared/api/gateway';
import type { CentralStore } from './centralStore';
import { sameSecret, sha256Hex } from './secrets';

export const MAX_BODY_BYTES = 256 * 1024;

export type Failure = { status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500; code: ApiErrorCode; message: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export function fail(c: Context, { status, code, message }: Failure): Response {
  // The rest of an oversized body was never read: say the connection ends here rather than drop it unannounced.
  if (status === 413) c.header('Connection', 'close');
  return c.json({ error: { code, message } } satisfies ApiErrorBody, status);
}

/** The bearer token of the request, or null. */
export function bearerToken(c: Context): string | null {
  return /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? null;
}

/** Parses a JSON body against `schema`; an empty body is `undefined`, which only an optional schema accepts. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  const tooLarge: Parsed<never> = { ok: false, failure: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${MAX_BODY_BYTES} bytes.` } };
  // Refused before reading a byte when the client says so up front.
  if (Number(c.req.header('content-length')) > MAX_BODY_BYTES) return tooLarge;
  const text = await readTextUpTo(c.req.raw, MAX_BODY_BYTES);
  if (text === 'too large') return tooLarge;
  if (text === 'aborted') {
    // The client went away mid-upload: its fault, not the server's, and nobody reads this reply.
    return { ok: false, failure: { status: 400, code: 'BAD_REQUEST', message: 'The body was not received whole.' } };
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

/** Parses the query string against `schema`. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<z.output<S>> {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(query)'}: ${issue.message}`);
  return { ok: false, failure: { status: 400, code: 'VALIDATION_FAILED', message: `The query is not valid. ${problems.join('; ')}`.slice(0, 1000) } };
}

/**
 * The body as text; 'too large' once it passes `maxBytes` (counted as it arrives, whatever Content-Length says);
 * 'aborted' when the client closed the connection before sending it whole. Not hono's bodyLimit: it re-creates the
 * Request, which fails unless @hono/node-server replaced the global Request, and this server leaves globals alone.
 */
async function readTextUpTo(request: Request, maxBytes: number): Promise<string | 'too large' | 'aborted'> {
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of request.body) {
      size += chunk.byteLength;
      if (size > maxBytes) return 'too large';
      chunks.push(chunk);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks).toString('utf8');
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by kioskAuth: the kiosk whose token the request carries. */
    kioskId: string;
  }
}

const kioskRefusals: Record<'unknown' | 'revoked' | 'expired', Failure> = {
  unknown: { status: 401, code: 'UNAUTHORIZED', message: 'A valid kiosk token is required; enroll the kiosk again.' },
  revoked: { status: 401, code: 'KIOSK_REVOKED', message: 'An administrator revoked this kiosk; a technician must enroll it again.' },
  expired: { status: 401, code: 'TOKEN_EXPIRED', message: 'The kiosk token expired before it was renewed; a technician must enroll the kiosk again.' },
};

/** Lets a request through only with a live kiosk token (not revoked, not expired), and names its kiosk (`c.get('kioskId')`). */
export function kioskAuth(store: CentralStore, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const token = bearerToken(c);
    const auth = token === null ? ({ ok: false, refused: 'unknown' } as const) : store.kiosks.authenticate(sha256Hex(token), now());
    if (!auth.ok) {
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, kioskRefusals[auth.refused]);
    }
    c.set('kioskId', auth.kioskId);
    await next();
  };
}

/** Lets a request through only with the admin token. */
export function adminAuth(adminToken: string): MiddlewareHandler {
  return async (c, next) => {
    const token = bearerToken(c);
    if (token === null || !sameSecret(token, adminToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return fail(c, { status: 401, code: 'UNAUTHORIZED', message: 'The admin token is required.' });
    }
    await next();
  };
}

/** What createCentralApp hands each route module: the store, the clock and its auth middleware. */
export interface RouteDeps {
  store: CentralStore;
  now: () => Date;
  requireKiosk: MiddlewareHandler;
  requireAdmin: MiddlewareHandler;
}
