/**
 * Client for the Kiosk Gateway API v1 (shared/api/gateway.ts). Every failure becomes a CentralError of one of a few
 * kinds the caller can act on, and every call, retries included, ends by its deadline: the citizen at the kiosk
 * must get an answer within five seconds whatever the network does.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { CatalogueChangesPage, cataloguePaths } from '../../shared/api/catalogue';
import { ApiErrorBody, Dossier, EnrollResponse, Health, TokenRenewed, apiPaths, type EnrollRequest } from '../../shared/api/gateway';
import { LocationList, provisioningPaths } from '../../shared/api/provisioning';
import { FeedbackAccepted, type FeedbackRequest, IDEMPOTENCY_KEY_HEADER, OnTimeBoard, feedbackPaths, type StatsPeriod } from '../../shared/api/feedback';
import { fleetPaths, type Heartbeat, HeartbeatAccepted } from '../../shared/api/fleet';
import { DEFAULT_RETRY_AFTER_SECONDS } from '../../shared/contract/kiosk';
import { parseJson } from '../../shared/text/parseJson';

export type CentralErrorKind = 'unavailable' | 'not_found' | 'unauthorized' | 'rate_limited' | 'rejected' | 'bad_response';

/** Retry-After past this is read as this: a citizen is told at most an hour. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** Messages name the failure, never the URL: a dossier URL carries the citizen's dossier code. */
export class CentralError extends Error {
  override readonly name = 'CentralError';
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    /** The server's error code (ApiErrorBody), when it sent one. */
    readonly serverCode?: string,
    readonly status?: number,
    /** For `rate_limited`: the seconds to wait, from Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  /** The kiosk's token, or where to read the current one: a renewed token replaces it (tokenRenewal.ts). */
  token?: string | (() => string);
  fetch?: typeof fetch;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  retries?: number;
  backoffMs?: number;
}

/** The server's part of a call as the kiosk sees it: HTTP exchanges, request sent to reply read, over every attempt. */
export interface ExchangeTime {
  ms: number;
}

export interface CentralClient {
  health(): Promise<Health>;
  /** `exchange`, when given, gets the time spent on the HTTP exchanges (request sent to reply read), not on checking the reply. */
  getDossier(code: string, exchange?: ExchangeTime): Promise<Dossier>;
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  /** A page of the catalogue's change feed after `since` (from the beginning when null). Records are checked by the caller. */
  getCatalogueChanges(since: string | null, limit: number): Promise<CatalogueChangesPage>;
  /** The same page as its JSON text, unparsed: the full sync parses and checks it on the catalogue builder's thread. */
  getCatalogueChangesText(since: string | null, limit: number): Promise<string>;
  /** One attempt, never retried here: the feedback outbox retries with the same idempotency key. */
  postFeedback(request: FeedbackRequest, idempotencyKey: string): Promise<FeedbackAccepted>;
  getOnTimeBoard(period: StatsPeriod): Promise<OnTimeBoard>;
  /** One attempt: the next heartbeat is the retry. */
  postHeartbeat(kioskId: string, heartbeat: Heartbeat): Promise<HeartbeatAccepted>;
  /** Public: the setup wizard lists locations before the kiosk has a token. */
  getLocations(): Promise<LocationList>;
  /** One attempt: the kiosk's new token; the current one stays valid until the new one is used. */
  renewToken(kioskId: string): Promise<TokenRenewed>;
}

/** Far above any real reply (a dossier is a few kB); stops a broken or hostile server from filling memory. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/** A change-feed page holds up to MAX_CHANGES_PAGE whole procedures: far more than a dossier, still bounded. */
export const MAX_CATALOGUE_PAGE_BYTES = 32 * 1024 * 1024;

interface CallSpec<T> {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  maxBytes?: number;
  /** The schema checks a successful reply's text itself, not its JSON: for a body parsed on another thread. */
  rawText?: boolean;
}

export function createCentralClient(opts: CentralClientOptions): CentralClient {
  const {
    attemptTimeoutMs = 2000,
    deadlineMs = 4500,
    retries = 2,
    backoffMs = 200,
  } = opts;
  const fetchImpl = opts.fetch ?? fetch;
  const currentToken = typeof opts.token === 'function' ? opts.token : () => opts.token as string | undefined;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');

  async function attempt<T>(spec: CallSpec<T>, signal: AbortSignal, exchange?: ExchangeTime): Promise<T> {
    const headers: Record<string, string> = { ...spec.headers, Accept: 'application/json' };
    const token = currentToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    const sentAt = performance.now();
    try {
      response = await fetchImpl(baseUrl + spec.path, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
        // A redirect could carry the token elsewhere; the gateway never redirects.
        redirect: 'manual',
      });
      text = await readCappedText(response, signal, spec.maxBytes ?? MAX_RESPONSE_BYTES);
    } catch (error) {
      if (error instanceof CentralError) throw error;
      throw new CentralError('unavailable', signal.aborted ? 'Central server did not answer in time' : 'Central server unreachable');
    } finally {
      if (exchange) exchange.ms += performance.now() - sentAt;
    }
    const ok = response.status >= 200 && response.status < 300;
    const json = ok && spec.rawText ? text : parseJson(text);
    if (ok) {
      const parsed = spec.schema.safeParse(json);
      if (!parsed.success) throw new CentralError('bad_response', 'Central server reply does not match the API', undefined, response.status);
      return parsed.data;
    }
    throw errorForStatus(response.status, ApiErrorBody.safeParse(json).data?.error.code, response.headers.get('retry-after'));
  }

  async function call<T>(spec: CallSpec<T>, exchange?: ExchangeTime): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    // Only reads are retried: a repeated enrolment could consume a one-time code twice.
    const attempts = spec.method === 'GET' ? retries + 1 : 1;
    for (let index = 0; ; index++) {
      const remaining = deadline - Date.now();
      try {
        return await attempt(spec, AbortSignal.timeout(Math.max(1, Math.min(attemptTimeoutMs, remaining))), exchange);
      } catch (error) {
        const wait = backoffMs * 2 ** index;
        const retryable = error instanceof CentralError && error.kind === 'unavailable';
        if (!retryable || index + 1 >= attempts || Date.now() + wait >= deadline) throw error;
        await sleep(wait);
      }
    }
  }

  return {
    health: () => call({ method: 'GET', path: apiPaths.health, schema: Health }),
    getDossier: (code, exchange) => call({ method: 'GET', path: apiPaths.dossier(code), schema: Dossier }, exchange),
    enroll: (request) => call({ method: 'POST', path: apiPaths.enroll, body: request, schema: EnrollResponse }),
    postFeedback: (request, idempotencyKey) =>
      call({ method: 'POST', path: feedbackPaths.feedback, body: request, headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }, schema: FeedbackAccepted }),
    getOnTimeBoard: (period) => call({ method: 'GET', path: `${feedbackPaths.onTime}?period=${period}`, schema: OnTimeBoard }),
    postHeartbeat: (kioskId, heartbeat) => call({ method: 'POST', path: fleetPaths.heartbeat(kioskId), body: heartbeat, schema: HeartbeatAccepted }),
    getLocations: () => call({ method: 'GET', path: provisioningPaths.locations, schema: LocationList }),
    renewToken: (kioskId) => call({ method: 'POST', path: apiPaths.kioskToken(kioskId), schema: TokenRenewed }),
    getCatalogueChanges: (since, limit) =>
      call({ method: 'GET', path: changesPath(since, limit), schema: CatalogueChangesPage, maxBytes: MAX_CATALOGUE_PAGE_BYTES }),
    getCatalogueChangesText: (since, limit) =>
      call({ method: 'GET', path: changesPath(since, limit), schema: z.string(), maxBytes: MAX_CATALOGUE_PAGE_BYTES, rawText: true }),
  };
}

function changesPath(since: string | null, limit: number): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (since !== null) query.set('since', since);
  return `${cataloguePaths.changes}?${query}`;
}

/** A base URL the client can use: http or https, no credentials, query or fragment to lose when paths are appended. */
export function isCentralUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash;
}

function errorForStatus(status: number, serverCode: string | undefined, retryAfter: string | null): CentralError {
  if (status === 429) {
    return new CentralError('rate_limited', 'Central server asks the kiosk to slow down', serverCode, status, retryAfterSeconds(retryAfter));
  }
  if (status >= 500) return new CentralError('unavailable', `Central server error (HTTP ${status})`, serverCode, status);
  if (status === 404 && serverCode === 'DOSSIER_NOT_FOUND') return new CentralError('not_found', 'Dossier not found', serverCode, status);
  if (status === 401 || status === 403) return new CentralError('unauthorized', 'Central server refused the kiosk', serverCode, status);
  if (status >= 400) return new CentralError('rejected', `Central server rejected the request (HTTP ${status})`, serverCode, status);
  return new CentralError('bad_response', `Unexpected HTTP status ${status}`, serverCode, status);
}

/** Retry-After as whole seconds (delta-seconds, or an HTTP date), within 1 and MAX_RETRY_AFTER_SECONDS. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  const trimmed = header?.trim() ?? '';
  const seconds = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : Number.isNaN(Date.parse(trimmed)) ? NaN : Math.ceil((Date.parse(trimmed) - now) / 1000);
  if (!Number.isFinite(seconds)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds));
}

async function readCappedText(response: Response, signal: AbortSignal, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new CentralError('bad_response', 'Central server reply is too large', undefined, response.status);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    signal.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new CentralError('bad_response', 'Central server reply is too large', undefined, response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
