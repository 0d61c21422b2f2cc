/**
 * The PIN lockout state on disk (`technician-lockout.json` in the data directory), so that restarting the kiosk,
 * or pulling its plug, does not hand out fresh attempts. A missing or unreadable file is a clean state: it only
 * ever holds what an attacker would want reset, and the kiosk's user alone can write it.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readOptionalFile, writePrivateFile } from '../enrollment';
import { initialLockoutState, type LockoutState } from './lockoutPolicy';

export const LOCKOUT_FILE = 'technician-lockout.json';

const StoredLockout = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  lockedUntil: z.number().nullable(),
});

export interface LockoutStore {
  read(): LockoutState;
  write(state: LockoutState): void;
}

export function createLockoutStore(dataDir: string): LockoutStore {
  const file = join(dataDir, LOCKOUT_FILE);
  return {
    read() {
      const text = readOptionalFile(file);
      if (text === null) return initialLockoutState;
      try {
        return StoredLockout.parse(JSON.parse(text));
      } catch {
        return initialLockoutState;
      }
    },
    write: (state) => writePrivateFile(file, `${JSON.stringify(state)}\n`),
  };
}
