import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../electron/core/technician/pin';

// scrypt is slow on purpose (~0.1 s a hash, far more on a loaded two-core machine): a timeout, not a timed assertion.
describe('technician PIN hashing', { timeout: 30_000 }, () => {
  it('accepts the PIN it hashed and refuses another one', async () => {
    const stored = await hashPin('482916');
    expect(await verifyPin('482916', stored)).toBe(true);
    expect(await verifyPin('482917', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('never stores the PIN itself and salts every hash', async () => {
    const first = await hashPin('1234');
    const second = await hashPin('1234');
    expect(first).not.toContain('1234');
    expect(first).not.toBe(second);
    expect(await verifyPin('1234', second)).toBe(true);
  });

  it('refuses stored values it did not write instead of throwing', async () => {
    const stored = await hashPin('1234');
    const parts = stored.split('$');
    for (const broken of [
      '',
      '1234',
      'bcrypt$whatever',
      [...parts.slice(0, 1), String(1 << 30), ...parts.slice(2)].join('$'), // absurd memory cost
      [...parts.slice(0, 5), 'c2hvcnQ'].join('$'), // truncated hash
    ]) {
      expect(await verifyPin('1234', broken)).toBe(false);
    }
  });
});
