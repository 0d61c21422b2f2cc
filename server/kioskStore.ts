/**
 * The reference server's kiosk credentials (tables `kiosks` and `enrollment_codes`, created by centralStore's
 * migrations): enrolment with a code, tokens that expire and are renewed by the kiosk itself, revocation, and the
 * rule that an enrolled hardware id is taken over only with an admin's say-so. Tokens and codes are stored only as
 * SHA-256 hashes.
 */
import type Database from 'better-sqlite3';

/**
 * Tokens live 30 days: a token copied off a discarded kiosk or a backup stops working within a month even if nobody
 * revokes it. The kiosk renews when 20 days or fewer are left (electron/core/tokenRenewal.ts), so it may stay
 * switched off for up to 20 days (a Tết closure is 9) and still come back by itself; longer, a technician re-enrolls.
 */
export const KIOSK_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export const kioskCredentialsMigration = `
  ALTER TABLE kiosks ADD COLUMN token_expires_at INTEGER;      -- epoch ms
  ALTER TABLE kiosks ADD COLUMN previous_token_hash TEXT;      -- the token a renewal replaced, until the new one is used
  ALTER TABLE kiosks ADD COLUMN previous_expires_at INTEGER;
  ALTER TABLE kiosks ADD COLUMN revoked_at INTEGER;            -- epoch ms; NULL while the kiosk may call the API
  CREATE UNIQUE INDEX kiosks_by_previous_token ON kiosks (previous_token_hash);
  -- Tokens issued before they expired get a lifetime from now.
  UPDATE kiosks SET token_expires_at = (CAST(strftime('%s', 'now') AS INTEGER) * 1000) + ${KIOSK_TOKEN_LIFETIME_MS};
  ALTER TABLE enrollment_codes ADD COLUMN kiosk_id TEXT;      -- a re-enrolment code: may take over this kiosk
`;

export interface KioskEnrollment {
  enrollmentCodeHash: string;
  hardwareId: string;
  name: string | null;
  tokenHash: string;
  /** Used for a kiosk enrolling for the first time; a known hardware id keeps its id. */
  newKioskId: string;
  now: Date;
}

export type EnrollOutcome =
  | { ok: true; kioskId: string; expiresAt: Date }
  /** `code`: unknown, expired or used. `taken`: the hardware id is an enrolled kiosk's, and the code is not for it. */
  | { ok: false; refused: 'code' | 'taken' };

export type KioskAuthentication = { ok: true; kioskId: string } | { ok: false; refused: 'unknown' | 'revoked' | 'expired' };

export interface KioskCredentialRow {
  id: string;
  revokedAt: Date | null;
  tokenExpiresAt: Date | null;
}

export interface KioskStore {
  addEnrollmentCode(code: { hash: string; expiresAt: Date | null; reusable: boolean; kioskId?: string }): void;
  /**
   * Redeems an enrolment code and enrolls the kiosk with a new token. A hardware id already enrolled is re-enrolled
   * (same kiosk id, the previous token retired) only when that kiosk is revoked or the code was issued for it.
   */
  enroll(enrollment: KioskEnrollment): EnrollOutcome;
  /** Whose token this is, if it may be used at `now`. The first use of a renewed token retires the one before it. */
  authenticate(tokenHash: string, now: Date): KioskAuthentication;
  /** Replaces the kiosk's token; the presented one stays valid until the new one is used (the reply may be lost). */
  renewToken(kioskId: string, presentedHash: string, newHash: string, now: Date): { expiresAt: Date };
  /** False when no kiosk has this id. Revoking twice keeps the first time. */
  revoke(kioskId: string, now: Date): boolean;
  exists(kioskId: string): boolean;
}

interface KioskRow {
  id: string;
  token_hash: string;
  token_expires_at: number | null;
  previous_token_hash: string | null;
  previous_expires_at: number | null;
  revoked_at: number | null;
}

export function createKioskStore(db: Database.Database): KioskStore {
  const insertCode = db.prepare('INSERT INTO enrollment_codes (code_hash, expires_at, reusable, used_at, kiosk_id) VALUES (?, ?, ?, NULL, ?)');
  const selectCode = db.prepare<[string], { expires_at: number | null; reusable: number; used_at: number | null; kiosk_id: string | null }>(
    'SELECT expires_at, reusable, used_at, kiosk_id FROM enrollment_codes WHERE code_hash = ?',
  );
  const useCode = db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ?');
  const byHardwareId = db.prepare<[string], { id: string; revoked_at: number | null }>('SELECT id, revoked_at FROM kiosks WHERE hardware_id = ?');
  const insertKiosk = db.prepare('INSERT INTO kiosks (id, hardware_id, name, token_hash, enrolled_at, token_expires_at) VALUES (?, ?, ?, ?, ?, ?)');
  const reenroll = db.prepare(
    `UPDATE kiosks SET hardware_id = ?, name = coalesce(?, name), token_hash = ?, enrolled_at = ?, token_expires_at = ?,
       previous_token_hash = NULL, previous_expires_at = NULL, revoked_at = NULL
     WHERE id = ?`,
  );
  const byToken = db.prepare<[string, string], KioskRow>('SELECT * FROM kiosks WHERE token_hash = ? OR previous_token_hash = ?');
  const retirePrevious = db.prepare('UPDATE kiosks SET previous_token_hash = NULL, previous_expires_at = NULL WHERE id = ?');
  const byId = db.prepare<[string], KioskRow>('SELECT * FROM kiosks WHERE id = ?');
  const setToken = db.prepare(
    'UPDATE kiosks SET token_hash = ?, token_expires_at = ?, previous_token_hash = ?, previous_expires_at = ? WHERE id = ?',
  );
  const revoke = db.prepare('UPDATE kiosks SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?');

  const isLive = (expiresAt: number | null, now: number) => expiresAt === null || expiresAt > now;

  return {
    addEnrollmentCode({ hash, expiresAt, reusable, kioskId }) {
      insertCode.run(hash, expiresAt?.getTime() ?? null, reusable ? 1 : 0, kioskId ?? null);
    },
    enroll: db.transaction((enrollment: KioskEnrollment): EnrollOutcome => {
      const now = enrollment.now.getTime();
      const code = selectCode.get(enrollment.enrollmentCodeHash);
      if (!code || code.used_at !== null || !isLive(code.expires_at, now)) return { ok: false, refused: 'code' };
      const holder = byHardwareId.get(enrollment.hardwareId);
      // A re-enrolment code names its kiosk: that kiosk, whatever hardware it is now on (a replaced machine).
      const target = code.kiosk_id ?? holder?.id ?? null;
      // An enrolled hardware id is the admin's to give away: by revoking its kiosk, or by a code issued for it.
      const mayTakeOver = holder && (code.kiosk_id === holder.id || (holder.revoked_at !== null && code.kiosk_id === null));
      if (holder && !mayTakeOver) return { ok: false, refused: 'taken' };
      if (code.reusable === 0) useCode.run(now, enrollment.enrollmentCodeHash);
      const expiresAt = now + KIOSK_TOKEN_LIFETIME_MS;
      if (target !== null && byId.get(target)) {
        reenroll.run(enrollment.hardwareId, enrollment.name, enrollment.tokenHash, now, expiresAt, target);
        return { ok: true, kioskId: target, expiresAt: new Date(expiresAt) };
      }
      insertKiosk.run(enrollment.newKioskId, enrollment.hardwareId, enrollment.name, enrollment.tokenHash, now, expiresAt);
      return { ok: true, kioskId: enrollment.newKioskId, expiresAt: new Date(expiresAt) };
    }),
    authenticate(tokenHash, now) {
      const row = byToken.get(tokenHash, tokenHash);
      if (!row) return { ok: false, refused: 'unknown' };
      if (row.revoked_at !== null) return { ok: false, refused: 'revoked' };
      const current = row.token_hash === tokenHash;
      if (!isLive(current ? row.token_expires_at : row.previous_expires_at, now.getTime())) return { ok: false, refused: 'expired' };
      if (current && row.previous_token_hash !== null) retirePrevious.run(row.id);
      return { ok: true, kioskId: row.id };
    },
    renewToken: db.transaction((kioskId: string, presentedHash: string, newHash: string, now: Date) => {
      const row = byId.get(kioskId);
      if (!row) throw new Error('renewing the token of an unknown kiosk');
      // Asked again with the previous token (the last reply was lost): that one stays the fallback.
      const [fallbackHash, fallbackExpiresAt] =
        row.previous_token_hash === presentedHash ? [row.previous_token_hash, row.previous_expires_at] : [row.token_hash, row.token_expires_at];
      const expiresAt = now.getTime() + KIOSK_TOKEN_LIFETIME_MS;
      setToken.run(newHash, expiresAt, fallbackHash, fallbackExpiresAt, kioskId);
      return { expiresAt: new Date(expiresAt) };
    }),
    revoke: (kioskId, now) => revoke.run(now.getTime(), kioskId).changes === 1,
    exists: (kioskId) => byId.get(kioskId) !== undefined,
  };
}
