import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configPath, loadKioskConfig, saveKioskConfig } from '../../electron/core/config/configFile';
import { defaultKioskSettings, type KioskConfig } from '../../electron/core/config/kioskConfig';
import { createSafeStorageBox } from '../../electron/main/secretBox';
import { makeTempDir } from '../support/processes';
import { memoryLogger } from './memoryLogger';

const token = 'tok_0123456789abcdef0123456789';
const config: KioskConfig = { ...defaultKioskSettings, centralUrl: 'https://hcc.example.vn', kioskId: 'k-1', token, technicianPinHash: null };

/** safeStorage as Electron exposes it: a keyed transformation only this "machine" can undo, and its backend. */
function fakeSafeStorage({ available = true, backend = 'gnome_libsecret' as string } = {}) {
  const key = 0x5a;
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ key));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (text: string) => xor(Buffer.from(`v10${text}`)),
    decryptString: (sealed: Buffer) => {
      const text = xor(sealed).toString();
      if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(3);
    },
  };
}

function store(safeStorage: ReturnType<typeof fakeSafeStorage>, platform: NodeJS.Platform = 'linux') {
  return { dataDir: makeTempDir('safe-storage'), secretBox: createSafeStorageBox(safeStorage, platform), logger: memoryLogger().logger };
}

describe('safeStorage secret box', () => {
  it('keeps the token sealed in the config file and reads it back', () => {
    const s = store(fakeSafeStorage());
    saveKioskConfig(s, config);
    const onDisk = readFileSync(configPath(s.dataDir), 'utf8');
    expect(onDisk).not.toContain(token);
    expect(JSON.parse(onDisk).token.box).toBe('safeStorage');
    expect(loadKioskConfig(s)).toEqual({ kind: 'ok', config });
  });

  it('falls back to the plain box where Linux has no keyring (basic_text) or no encryption at all', () => {
    for (const safeStorage of [fakeSafeStorage({ backend: 'basic_text' }), fakeSafeStorage({ available: false })]) {
      const s = store(safeStorage);
      saveKioskConfig(s, config);
      expect(JSON.parse(readFileSync(configPath(s.dataDir), 'utf8')).token).toEqual({ box: 'plain', data: token });
    }
    // basic_text is a Linux backend name only.
    expect(createSafeStorageBox(fakeSafeStorage({ backend: 'basic_text' }), 'win32').available()).toBe(true);
  });

  it('opens the setup wizard rather than crashing when the token was sealed on another machine', () => {
    const s = store(fakeSafeStorage());
    saveKioskConfig(s, config);
    const otherMachine = { ...s, secretBox: createSafeStorageBox({ ...fakeSafeStorage(), decryptString: () => { throw new Error('cannot decrypt'); } }, 'linux') };
    expect(loadKioskConfig(otherMachine)).toEqual({ kind: 'invalid', reason: 'the token cannot be decrypted on this machine' });
  });
});
