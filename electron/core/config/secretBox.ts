/**
 * Where the kiosk token is sealed before it is written to the config file. The Electron host seals it with the OS
 * keychain through `safeStorage` (electron/main/secretBox.ts); the web host and the CLI have no keychain and use the
 * plain box: the token is then protected only by the config file's mode (0600, the kiosk's user only).
 */
export type SecretBoxKind = 'safeStorage' | 'plain';

export interface SecretBox {
  readonly kind: SecretBoxKind;
  /** False when the OS offers no encryption now (no keyring): the caller falls back to the plain box. */
  available(): boolean;
  /** The sealed secret as text for the JSON file. */
  encrypt(secret: string): string;
  /** Throws when the text was not sealed by this box on this machine and user. */
  decrypt(sealed: string): string;
}

export const plainSecretBox: SecretBox = {
  kind: 'plain',
  available: () => true,
  encrypt: (secret) => secret,
  decrypt: (sealed) => sealed,
};
