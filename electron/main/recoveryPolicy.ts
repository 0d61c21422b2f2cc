/**
 * When the kiosk's renderer dies or hangs, what to do next: reload after a delay that doubles with each recent
 * failure (capped), or, after too many failures in a short time, show the fallback page and try again after a long
 * pause. Pure: the caller keeps the failure times and the clock.
 */

export interface RecoveryPolicy {
  /** Delay before the first reload after a failure. */
  firstDelayMs: number;
  /** The doubling delay never exceeds this. */
  maxDelayMs: number;
  /** Failures older than this are forgotten: a kiosk that ran for an hour starts again from the first delay. */
  windowMs: number;
  /** More failures than this within the window: the fallback page instead of another reload. */
  maxFailuresInWindow: number;
  /** How long the fallback page stays before the kiosk tries its screens again. */
  fallbackRetryMs: number;
}

export const defaultRecoveryPolicy: RecoveryPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 60_000,
  windowMs: 15 * 60_000,
  maxFailuresInWindow: 5,
  fallbackRetryMs: 10 * 60_000,
};

export type RecoveryAction = { kind: 'reload'; delayMs: number } | { kind: 'fallback'; retryInMs: number };

/** The failures (times in ms, the one being handled included) that still count at `now`. */
export function recentFailures(failureTimes: readonly number[], now: number, windowMs: number): number[] {
  return failureTimes.filter((time) => time <= now && now - time < windowMs);
}

export function nextRecoveryAction(failureTimes: readonly number[], now: number, policy: RecoveryPolicy = defaultRecoveryPolicy): RecoveryAction {
  const count = Math.max(1, recentFailures(failureTimes, now, policy.windowMs).length);
  if (count > policy.maxFailuresInWindow) return { kind: 'fallback', retryInMs: policy.fallbackRetryMs };
  return { kind: 'reload', delayMs: Math.min(policy.firstDelayMs * 2 ** (count - 1), policy.maxDelayMs) };
}
