import { describe, expect, it } from 'vitest';
import { addressKey, createRateLimiter } from '../../server/rateLimiter';

describe('rate limiter', () => {
  it('allows the burst at once, then refuses with the seconds until the next request is allowed', () => {
    const limiter = createRateLimiter({ burst: 3, perMinute: 6 });
    for (let i = 0; i < 3; i++) expect(limiter.take('k', 0)).toEqual({ ok: true });
    expect(limiter.take('k', 0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('k', 4_000)).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect(limiter.take('k', 10_000)).toEqual({ ok: true });
    expect(limiter.take('k', 10_000).ok).toBe(false);
  });

  it('keeps keys apart and refills no further than the burst', () => {
    const limiter = createRateLimiter({ burst: 2, perMinute: 60 });
    limiter.take('a', 0);
    limiter.take('a', 0);
    expect(limiter.take('a', 0).ok).toBe(false);
    expect(limiter.take('b', 0).ok).toBe(true);
    const afterAnHour = 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a', afterAnHour).ok)).toEqual([true, true, false]);
  });

  it('gives nothing back when the clock goes backwards', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 60 });
    limiter.take('k', 10_000);
    expect(limiter.take('k', 0).ok).toBe(false);
  });

  it('holds at most maxKeys buckets, dropping the least recently used', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1 }, 100);
    for (let i = 0; i < 10_000; i++) limiter.take(`address-${i}`, 0);
    expect(limiter.size()).toBe(100);
    // The most recent keys are still limited; the oldest were forgotten.
    expect(limiter.take('address-9999', 0).ok).toBe(false);
    expect(limiter.take('address-0', 0).ok).toBe(true);
  });
});

describe('addressKey', () => {
  it('keys IPv4 by address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
