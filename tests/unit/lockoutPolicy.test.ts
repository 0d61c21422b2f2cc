import { describe, expect, it } from 'vitest';
import { afterRightPin, afterWrongPin, attemptsLeft, initialLockoutState, lockedUntil, type LockoutState } from '../../electron/core/technician/lockoutPolicy';

const minute = 60_000;
const policy = { maxAttempts: 5, baseLockMs: 5 * minute, maxLockMs: 30 * minute };

function wrongPins(state: LockoutState, count: number, now: number): LockoutState {
  for (let index = 0; index < count; index++) state = afterWrongPin(state, now, policy);
  return state;
}

describe('technician PIN lockout policy', () => {
  it('counts down the attempts left and locks for five minutes at the fifth wrong PIN', () => {
    const four = wrongPins(initialLockoutState, 4, 0);
    expect(attemptsLeft(four, policy)).toBe(1);
    expect(lockedUntil(four, 0)).toBeNull();
    const five = afterWrongPin(four, 1000, policy);
    expect(lockedUntil(five, 1000)).toBe(1000 + 5 * minute);
    expect(lockedUntil(five, 1000 + 5 * minute)).toBeNull();
    expect(attemptsLeft(five, policy)).toBe(5);
  });

  it('doubles each further lockout up to the cap', () => {
    let state = wrongPins(initialLockoutState, 5, 0);
    const locks: number[] = [];
    for (let round = 0; round < 4; round++) {
      const at = 100 * minute * (round + 1);
      state = wrongPins(state, 5, at);
      locks.push((lockedUntil(state, at) ?? at) - at);
    }
    expect(locks).toEqual([10 * minute, 20 * minute, 30 * minute, 30 * minute]);
  });

  it('forgets failures and lockouts after the right PIN', () => {
    const state = wrongPins(wrongPins(initialLockoutState, 5, 0), 3, 10 * minute);
    expect(afterRightPin()).toEqual(initialLockoutState);
    expect(attemptsLeft(state, policy)).toBe(2);
    const fresh = wrongPins(afterRightPin(), 5, 0);
    expect(lockedUntil(fresh, 0)).toBe(5 * minute);
  });
});
