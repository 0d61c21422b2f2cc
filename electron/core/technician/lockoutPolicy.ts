/**
 * How many wrong technician PINs are tolerated: after `maxAttempts` wrong PINs in a row the PIN pad is locked for
 * `baseLockMs`, each further lockout twice as long up to `maxLockMs`, and only the right PIN resets the count.
 * Pure: the core keeps the state on disk so that restarting the kiosk does not hand out fresh attempts.
 */

export interface LockoutPolicy {
  maxAttempts: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxAttempts: 5, baseLockMs: 5 * 60_000, maxLockMs: 24 * 60 * 60_000 };

export interface LockoutState {
  /** Wrong PINs since the last lockout or success. */
  failures: number;
  /** Lockouts since the last success: each doubles the next one. */
  lockouts: number;
  /** Epoch ms until which no PIN is even checked, or null. */
  lockedUntil: number | null;
}

export const initialLockoutState: LockoutState = { failures: 0, lockouts: 0, lockedUntil: null };

/** The time the lockout ends, when one is running at `now`. */
export function lockedUntil(state: LockoutState, now: number): number | null {
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
}

export function afterWrongPin(state: LockoutState, now: number, policy: LockoutPolicy = defaultLockoutPolicy): LockoutState {
  const failures = state.failures + 1;
  if (failures < policy.maxAttempts) return { ...state, failures, lockedUntil: null };
  const lockMs = Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** state.lockouts);
  return { failures: 0, lockouts: state.lockouts + 1, lockedUntil: now + lockMs };
}

export function afterRightPin(): LockoutState {
  return initialLockoutState;
}

export function attemptsLeft(state: LockoutState, policy: LockoutPolicy = defaultLockoutPolicy): number {
  return Math.max(0, policy.maxAttempts - state.failures);
}
