/**
 * Rate limits on dossier lookups, so that codes (sequential per agency and day) cannot be harvested: per kiosk and
 * per client address on the kiosk API, per address and in total on the public lookup page. Past a limit: 429 with
 * Retry-After. Behind a reverse proxy every client has the proxy's address: apply the per-address limits there.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { fail } from './httpHelpers';
import { addressKey, createRateLimiter, type RateDecision, type RateLimit } from './rateLimiter';

export interface LookupRateLimits {
  /** One kiosk's lookups. */
  kiosk: RateLimit;
  /** All kiosk lookups from one address (a centre's kiosks may share its NAT address). */
  kioskAddress: RateLimit;
  /** The public page from one address. */
  pageAddress: RateLimit;
  /** The public page from everyone: bounds a harvest spread over many addresses. */
  pageTotal: RateLimit;
}

/**
 * A kiosk serves one citizen at a time, who scans and then reads for several seconds: 30 a minute is twice a busy
 * queue's pace, with a burst of 20 for a family's receipts; ten such kiosks fit under one address. A citizen opens
 * their receipt's QR link a few times, not six times a minute.
 */
export const defaultLookupRateLimits: LookupRateLimits = {
  kiosk: { burst: 20, perMinute: 30 },
  kioskAddress: { burst: 200, perMinute: 300 },
  pageAddress: { burst: 10, perMinute: 6 },
  pageTotal: { burst: 60, perMinute: 120 },
};

export interface LookupLimiters {
  /** After kioskAuth: a 429 once the kiosk or its address is past its limit. */
  kioskLookup: MiddlewareHandler;
  /** The public page's decision for this request. */
  publicPage(c: Context): RateDecision;
}

const allowed: RateDecision = { ok: true };

/** `off`: no limits (load benchmarks on loopback). */
export function createLookupLimiters(limits: LookupRateLimits | 'off', now: () => Date): LookupLimiters {
  if (limits === 'off') return { kioskLookup: async (_c, next) => next(), publicPage: () => allowed };
  const kiosk = createRateLimiter(limits.kiosk);
  const kioskAddress = createRateLimiter(limits.kioskAddress);
  const pageAddress = createRateLimiter(limits.pageAddress);
  const pageTotal = createRateLimiter(limits.pageTotal, 1);
  return {
    kioskLookup: async (c, next) => {
      const at = now().getTime();
      const decision = firstRefusal(kiosk.take(c.get('kioskId'), at), () => kioskAddress.take(clientAddress(c), at));
      if (!decision.ok) {
        c.header('Retry-After', String(decision.retryAfterSeconds));
        return fail(c, { status: 429, code: 'RATE_LIMITED', message: `Too many lookups; retry in ${decision.retryAfterSeconds} s.` });
      }
      await next();
    },
    publicPage(c) {
      const at = now().getTime();
      return firstRefusal(pageAddress.take(clientAddress(c), at), () => pageTotal.take('all', at));
    },
  };
}

/** The second limit is charged only when the first allows: a refused request costs no other bucket. */
const firstRefusal = (first: RateDecision, second: () => RateDecision): RateDecision => (first.ok ? second() : first);

function clientAddress(c: Context): string {
  try {
    return addressKey(getConnInfo(c).remote.address);
  } catch {
    // Not behind @hono/node-server (app.request in tests): no socket, one shared key.
    return 'unknown';
  }
}
