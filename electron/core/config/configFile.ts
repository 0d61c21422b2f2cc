/**
 * Reading and writing the kiosk configuration file. Loading never throws for a bad file: the result says ok,
 * missing or invalid (with a reason that names fields, never values), and an invalid file is moved aside so the
 * host can open the setup wizard. Writes are atomic (temporary file renamed over the target) and mode 0600.
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ENROLLMENT_FILE, readOptionalFile, writePrivateFile } from '../enrollment';
import type { Logger } from '../logger';
import { CURRENT_CONFIG_VERSION, KIOSK_CONFIG_FILE, KioskConfig, KioskConfigFileV1, type KioskSettings } from './kioskConfig';
import { migrateConfigDocument } from './migrations';
import { plainSecretBox, type SecretBox } from './secretBox';

export type ConfigLoad =
  | { kind: 'ok'; config: KioskConfig }
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string };

export interface ConfigStore {
  dataDir: string;
  /** How the token is sealed on disk; the plain box when the host has no keychain. */
  secretBox: SecretBox;
  logger: Logger;
}

export const configPath = (dataDir: string): string => join(dataDir, KIOSK_CONFIG_FILE);

/**
 * The configuration, migrated to the current version (and saved so, the old file removed). Falls back to
 * `enrollment.json` when there is no config file yet.
 */
export function loadKioskConfig(store: ConfigStore): ConfigLoad {
  const file = configPath(store.dataDir);
  const legacyFile = join(store.dataDir, ENROLLMENT_FILE);
  const text = readOptionalFile(file);
  const source = text !== null ? file : legacyFile;
  const sourceText = text ?? readOptionalFile(legacyFile);
  if (sourceText === null) return { kind: 'missing' };

  const outcome = parseConfig(sourceText, store.secretBox);
  if (!outcome.ok) {
    const aside = `${source}.broken-${Date.now()}`;
    let movedTo: string | null = aside;
    try {
      renameSync(source, aside);
    } catch {
      // A read-only data directory: the wizard still opens, and saving will say what is wrong.
      movedTo = null;
    }
    store.logger.error({ event: 'config.invalid', file: source, movedTo, reason: outcome.reason }, 'kiosk configuration is invalid');
    return { kind: 'invalid', reason: outcome.reason };
  }
  if (outcome.from !== CURRENT_CONFIG_VERSION || outcome.reseal) {
    saveKioskConfig(store, outcome.config);
    if (source === legacyFile) rmSync(legacyFile, { force: true });
    store.logger.info({ event: 'config.migrated', from: outcome.from, to: CURRENT_CONFIG_VERSION }, 'kiosk configuration migrated');
  }
  return { kind: 'ok', config: outcome.config };
}

export function saveKioskConfig(store: ConfigStore, config: KioskConfig): void {
  const checked = KioskConfig.parse(config);
  const box = store.secretBox.available() ? store.secretBox : plainSecretBox;
  const { token, ...rest } = checked;
  const document: KioskConfigFileV1 = { ...rest, version: CURRENT_CONFIG_VERSION, token: { box: box.kind, data: box.encrypt(token) } };
  writePrivateFile(configPath(store.dataDir), `${JSON.stringify(document, null, 2)}\n`);
}

/** Changes some settings (technician mode's "change settings") and returns the saved configuration. */
export function updateKioskConfig(store: ConfigStore, change: Partial<KioskSettings> & { technicianPinHash?: string | null }): KioskConfig {
  const loaded = loadKioskConfig(store);
  if (loaded.kind !== 'ok') throw new Error(`Cannot update the kiosk configuration: ${loaded.kind}`);
  const next = { ...loaded.config, ...change };
  saveKioskConfig(store, next);
  return next;
}

/** Replaces the token with a renewed one (tokenRenewal.ts); throws when the configuration cannot be read or written. */
export function saveRenewedToken(store: ConfigStore, token: string, tokenExpiresAt: string | null): void {
  const loaded = loadKioskConfig(store);
  if (loaded.kind !== 'ok') throw new Error(`Cannot save the renewed token: the configuration is ${loaded.kind}`);
  saveKioskConfig(store, { ...loaded.config, token, tokenExpiresAt });
}

type Parsed = { ok: true; config: KioskConfig; from: number; reseal: boolean } | { ok: false; reason: string };

function parseConfig(text: string, box: SecretBox): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const migrated = migrateConfigDocument(json, CURRENT_CONFIG_VERSION);
  if (!migrated.ok) return migrated;
  const file = KioskConfigFileV1.safeParse(migrated.document);
  if (!file.success) return { ok: false, reason: describeIssues(file.error) };
  const { version: _version, token: sealed, ...rest } = file.data;
  let token: string;
  if (sealed.box === 'plain') token = sealed.data;
  else if (box.kind === 'safeStorage' && box.available()) {
    try {
      token = box.decrypt(sealed.data);
    } catch {
      return { ok: false, reason: 'the token cannot be decrypted on this machine' };
    }
  } else return { ok: false, reason: 'the token is sealed by safeStorage, which this host cannot open' };
  const config = KioskConfig.safeParse({ ...rest, token });
  if (!config.success) return { ok: false, reason: describeIssues(config.error) };
  // A plain token on a host that now has a keychain gets sealed.
  const reseal = sealed.box === 'plain' && box.kind !== 'plain' && box.available();
  return { ok: true, config: config.data, from: migrated.from, reseal };
}

/** Field paths and zod's wording only: the values (a token, a URL with credentials) never reach the log. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.code}`)
    .join('; ');
}
