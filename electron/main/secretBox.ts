/**
 * The kiosk token sealed with Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret or
 * kwallet on Linux). Linux without a keyring falls back to a hard-coded key ('basic_text'), which protects nothing:
 * the box then says it is unavailable and the config file keeps the token in the plain box, protected by its
 * 0600 mode, as on the web host.
 */
import type { SafeStorage } from 'electron';
import type { SecretBox } from '../core/config/secretBox';

export function createSafeStorageBox(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  return {
    kind: 'safeStorage',
    available: () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'),
    encrypt: (secret) => safeStorage.encryptString(secret).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
