import { describe, expect, it, vi } from 'vitest';
import { CentralError } from '../../electron/core/centralClient';
import { createTokenRenewal, type KioskCredentials, RENEW_WHEN_LEFT_MS, renewalDue } from '../../electron/core/tokenRenewal';
import { memoryLogger } from '../main/memoryLogger';

const NOW = new Date('2026-03-02T03:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const OLD_TOKEN = 'old-token-0123456789abcdef';
const NEW_TOKEN = 'new-token-0123456789abcdef';

function setup(tokenExpiresAt: string | null | undefined, renewToken: () => Promise<{ token: string; expiresAt: string }>, save = vi.fn()) {
  const credentials: KioskCredentials = { token: OLD_TOKEN, tokenExpiresAt };
  const log = memoryLogger();
  const renewal = createTokenRenewal({ client: { renewToken: vi.fn(renewToken) }, kioskId: 'k-1', credentials, save, logger: log.logger, now: () => NOW });
  return { credentials, renewal, save, log };
}

describe('renewalDue', () => {
  it('renews from 20 days before expiry, never for a token that does not expire, and at once when the expiry is unknown', () => {
    expect(renewalDue(new Date(NOW.getTime() + RENEW_WHEN_LEFT_MS + 1).toISOString(), NOW)).toBe(false);
    expect(renewalDue(new Date(NOW.getTime() + RENEW_WHEN_LEFT_MS).toISOString(), NOW)).toBe(true);
    expect(renewalDue(inDays(-1), NOW)).toBe(true);
    expect(renewalDue(null, NOW)).toBe(false);
    expect(renewalDue(undefined, NOW)).toBe(true);
  });
});

describe('token renewal', () => {
  it('does not call the server while the token has more than 20 days left', async () => {
    const renew = vi.fn(async () => ({ token: NEW_TOKEN, expiresAt: inDays(30) }));
    const { renewal, credentials } = setup(inDays(25), renew);
    expect(await renewal.check()).toBe(false);
    expect(renew).not.toHaveBeenCalled();
    expect(credentials.token).toBe(OLD_TOKEN);
  });

  it('saves the renewed token before using it, and logs no token', async () => {
    const order: string[] = [];
    const credentials: KioskCredentials = { token: OLD_TOKEN, tokenExpiresAt: inDays(10) };
    const save = vi.fn(() => order.push(`saved while using ${credentials.token}`));
    const log = memoryLogger();
    const renewal = createTokenRenewal({
      client: { renewToken: async () => ({ token: NEW_TOKEN, expiresAt: inDays(30) }) },
      kioskId: 'k-1',
      credentials,
      save,
      logger: log.logger,
      now: () => NOW,
    });
    expect(await renewal.check()).toBe(true);
    expect(save).toHaveBeenCalledWith(NEW_TOKEN, inDays(30));
    expect(order).toEqual([`saved while using ${OLD_TOKEN}`]);
    expect(credentials).toEqual({ token: NEW_TOKEN, tokenExpiresAt: inDays(30) });
    expect(log.text()).not.toContain(NEW_TOKEN);
    expect(log.text()).not.toContain(OLD_TOKEN);
  });

  it('keeps the old token (still valid on the server) when the new one cannot be saved, and tries again later', async () => {
    const save = vi.fn((): void => {
      throw new Error('disk full');
    });
    const { renewal, credentials, log } = setup(inDays(10), async () => ({ token: NEW_TOKEN, expiresAt: inDays(30) }), save);
    expect(await renewal.check()).toBe(false);
    expect(credentials.token).toBe(OLD_TOKEN);
    expect(log.entries().map((entry) => entry.event)).toContain('token.saveFailed');
    save.mockImplementation(() => {});
    expect(await renewal.check()).toBe(true);
    expect(credentials.token).toBe(NEW_TOKEN);
  });

  it('keeps the old token and retries later when the server is down', async () => {
    const { renewal, credentials, save } = setup(inDays(3), async () => {
      throw new CentralError('unavailable', 'down');
    });
    expect(await renewal.check()).toBe(false);
    expect(credentials.token).toBe(OLD_TOKEN);
    expect(save).not.toHaveBeenCalled();
  });

  it('stops asking a server without renewal (404) when the expiry was unknown', async () => {
    const renew = vi.fn(async () => {
      throw new CentralError('rejected', 'no route', 'NOT_FOUND', 404);
    });
    const { renewal, credentials } = setup(undefined, renew);
    expect(await renewal.check()).toBe(false);
    expect(credentials.tokenExpiresAt).toBeNull();
    expect(await renewal.check()).toBe(false);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('sends one renewal at a time', async () => {
    let release: (value: { token: string; expiresAt: string }) => void = () => {};
    const renew = vi.fn(() => new Promise<{ token: string; expiresAt: string }>((resolve) => (release = resolve)));
    const { renewal } = setup(inDays(1), renew);
    const both = Promise.all([renewal.check(), renewal.check()]);
    release({ token: NEW_TOKEN, expiresAt: inDays(30) });
    expect(await both).toEqual([true, true]);
    expect(renew).toHaveBeenCalledTimes(1);
  });
});
