/**
 * The kiosk renews its own token before it expires, with no technician: checked at start and every hour, renewed
 * once RENEW_WHEN_LEFT_MS or less is left (the reference server's tokens live 30 days: docs/api/README.md). The new
 * token is saved to the kiosk configuration before it is used, so a restart picks it up; the server keeps the old
 * one valid until the new one is used, so a lost reply or a failed save costs nothing but a later retry.
 */
import { CentralError, type CentralClient } from './centralClient';
import type { Logger } from './logger';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 20 days before expiry: a kiosk switched off for up to 20 days still renews by itself when it comes back. */
export const RENEW_WHEN_LEFT_MS = 20 * DAY_MS;
export const RENEWAL_CHECK_MS = 60 * 60 * 1000;

/**
 * Whether to renew now. `null`: the server's tokens never expire. `undefined`: not known (a kiosk enrolled before
 * tokens expired), so renew to learn it.
 */
export function renewalDue(tokenExpiresAt: string | null | undefined, now: Date): boolean {
  if (tokenExpiresAt === null) return false;
  if (tokenExpiresAt === undefined) return true;
  return Date.parse(tokenExpiresAt) - now.getTime() <= RENEW_WHEN_LEFT_MS;
}

/** The kiosk's current token, read by the central client on every request. */
export interface KioskCredentials {
  token: string;
  tokenExpiresAt: string | null | undefined;
}

export interface TokenRenewal {
  start(): void;
  stop(): void;
  /** Renews if due; resolves true when a new token is in use. */
  check(): Promise<boolean>;
}

export interface TokenRenewalOptions {
  client: Pick<CentralClient, 'renewToken'>;
  kioskId: string;
  credentials: KioskCredentials;
  /** Writes the new token to the kiosk configuration; absent in demo mode, where the token lives in memory. Throws if it cannot. */
  save?: (token: string, tokenExpiresAt: string | null) => void;
  logger: Logger;
  now?: () => Date;
  checkEveryMs?: number;
}

export function createTokenRenewal(opts: TokenRenewalOptions): TokenRenewal {
  const now = opts.now ?? (() => new Date());
  const { credentials } = opts;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<boolean> | null = null;

  async function renew(): Promise<boolean> {
    if (!renewalDue(credentials.tokenExpiresAt, now())) return false;
    let renewed;
    try {
      renewed = await opts.client.renewToken(opts.kioskId);
    } catch (error) {
      // A server without renewal (an older one-stop system) answers 404 or 405: its tokens do not expire.
      if (error instanceof CentralError && error.kind === 'rejected' && credentials.tokenExpiresAt === undefined && (error.status === 404 || error.status === 405)) {
        credentials.tokenExpiresAt = null;
        opts.logger.info({ event: 'token.renewalUnsupported', status: error.status }, 'the central server does not renew tokens');
        return false;
      }
      const kind = error instanceof CentralError ? error.kind : 'internal';
      opts.logger.warn({ event: 'token.renewalFailed', errorKind: kind, status: error instanceof CentralError ? error.status : undefined }, 'token not renewed; will retry');
      return false;
    }
    try {
      opts.save?.(renewed.token, renewed.expiresAt);
    } catch (error) {
      // Kept the old token, still valid until the new one is used: the next check asks again.
      opts.logger.error({ event: 'token.saveFailed', errorName: error instanceof Error ? error.name : typeof error }, 'renewed token not saved; keeping the old one');
      return false;
    }
    credentials.token = renewed.token;
    credentials.tokenExpiresAt = renewed.expiresAt;
    opts.logger.info({ event: 'token.renewed', expiresAt: renewed.expiresAt }, 'kiosk token renewed');
    return true;
  }

  const check = (): Promise<boolean> => {
    inFlight ??= renew().finally(() => (inFlight = null));
    return inFlight;
  };

  return {
    start() {
      if (timer !== undefined) return;
      void check();
      timer = setInterval(() => void check(), opts.checkEveryMs ?? RENEWAL_CHECK_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    check,
  };
}
