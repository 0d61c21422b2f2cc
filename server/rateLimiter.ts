/**
 * Token-bucket rate limits per key (a kiosk id, a client address), in bounded memory: at most `maxKeys` buckets, the
 * least recently used one dropped first. A dropped bucket comes back full, so an attacker gains by it only with more
 * than `maxKeys` distinct keys (addresses); the global bucket of the public page bounds even that. Pure: the caller
 * passes the time.
 */

export interface RateLimit {
  /** Requests allowed at once, after a quiet spell. */
  burst: number;
  /** Requests per minute, sustained. */
  perMinute: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string, nowMs: number): RateDecision;
  /** Buckets held: never more than maxKeys. */
  size(): number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

export function createRateLimiter({ burst, perMinute }: RateLimit, maxKeys = 10_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  return {
    take(key, nowMs) {
      const held = buckets.get(key);
      // Refilled since it was last seen, never past the burst; a clock going back refills nothing.
      const tokens = held ? Math.min(burst, held.tokens + Math.max(0, nowMs - held.atMs) * perMs) : burst;
      // Re-inserted so that Map order is least recently used first.
      buckets.delete(key);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
        if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
        return { ok: true };
      }
      buckets.set(key, { tokens, atMs: nowMs });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    size: () => buckets.size,
  };
}

/**
 * The key of a client address: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64, the block one subscriber
 * usually holds whole, so that cycling through one's own addresses gains nothing.
 */
export function addressKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups = [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
