import { describe, expect, it } from 'vitest';
import { defaultRecoveryPolicy, nextRecoveryAction, recentFailures, type RecoveryPolicy } from '../../electron/main/recoveryPolicy';

const policy: RecoveryPolicy = { firstDelayMs: 1_000, maxDelayMs: 8_000, windowMs: 60_000, maxFailuresInWindow: 6, fallbackRetryMs: 300_000 };
const minute = 60_000;

describe('the renderer recovery policy', () => {
  it('reloads after the first delay on a first failure', () => {
    expect(nextRecoveryAction([10_000], 10_000, policy)).toEqual({ kind: 'reload', delayMs: 1_000 });
  });

  it('doubles the delay with each recent failure, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((count) => {
      const times = Array.from({ length: count }, (_, i) => i * 1_000);
      return nextRecoveryAction(times, (count - 1) * 1_000, policy);
    });
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000].map((delayMs) => ({ kind: 'reload', delayMs })));
  });

  it('shows the fallback page once the failures in the window exceed the limit', () => {
    const times = Array.from({ length: 7 }, (_, i) => i * 1_000);
    expect(nextRecoveryAction(times, 6_000, policy)).toEqual({ kind: 'fallback', retryInMs: 300_000 });
  });

  it('forgets failures older than the window: a kiosk that ran a while starts again from the first delay', () => {
    const times = [0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 6_000 + 2 * minute];
    expect(nextRecoveryAction(times, 6_000 + 2 * minute, policy)).toEqual({ kind: 'reload', delayMs: 1_000 });
  });

  it('counts only failures inside the window, and none from the future', () => {
    expect(recentFailures([0, 30_000, 59_999, 60_000, 90_000], 60_000, 60_000)).toEqual([30_000, 59_999, 60_000]);
  });

  it('treats a call without recorded failures as the first failure', () => {
    expect(nextRecoveryAction([], 0, policy)).toEqual({ kind: 'reload', delayMs: 1_000 });
  });

  it('by default reloads within a second, never waits more than a minute, and falls back after a burst', () => {
    expect(nextRecoveryAction([0], 0)).toEqual({ kind: 'reload', delayMs: 1_000 });
    const burst = Array.from({ length: defaultRecoveryPolicy.maxFailuresInWindow }, (_, i) => i);
    const last = nextRecoveryAction(burst, burst.length - 1);
    expect(last.kind === 'reload' && last.delayMs <= 60_000).toBe(true);
    expect(nextRecoveryAction([...burst, burst.length], burst.length).kind).toBe('fallback');
  });
});
