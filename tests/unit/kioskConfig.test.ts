import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configPath, loadKioskConfig, saveKioskConfig, updateKioskConfig, type ConfigStore } from '../../electron/core/config/configFile';
import { defaultKioskSettings, type KioskConfig } from '../../electron/core/config/kioskConfig';
import { configMigrations, migrateConfigDocument } from '../../electron/core/config/migrations';
import { plainSecretBox, type SecretBox } from '../../electron/core/config/secretBox';
import { ENROLLMENT_FILE } from '../../electron/core/enrollment';
import { memoryLogger } from '../main/memoryLogger';
import { makeTempDir } from '../support/processes';

const token = 'tok_0123456789abcdef0123456789';
const enrollment = { centralUrl: 'http://central.test:8080', kioskId: 'kiosk-7', token };
const config: KioskConfig = { ...defaultKioskSettings, ...enrollment, kioskName: 'Quầy 1', locationId: 'loc-tinh', technicianPinHash: null };

/** A keychain stand-in that really transforms the secret, so a plain copy on disk would show. */
function reversingBox(available = true): SecretBox {
  const reverse = (text: string) => [...text].reverse().join('');
  return { kind: 'safeStorage', available: () => available, encrypt: (s) => `enc:${reverse(s)}`, decrypt: (s) => reverse(s.replace(/^enc:/, '')) };
}

function store(secretBox: SecretBox = plainSecretBox) {
  const log = memoryLogger();
  const value: ConfigStore = { dataDir: makeTempDir('config'), secretBox, logger: log.logger };
  return { ...value, store: value, log };
}

describe('config migrations', () => {
  it('version 1 turns an enrollment.json into a config with default settings', () => {
    expect(configMigrations[1]!(enrollment)).toEqual({
      ...defaultKioskSettings,
      version: 1,
      centralUrl: enrollment.centralUrl,
      kioskId: 'kiosk-7',
      token: { box: 'plain', data: token },
      technicianPinHash: null,
    });
  });

  it('refuses a document from a newer app instead of guessing', () => {
    expect(migrateConfigDocument({ version: 2 }, 1)).toEqual({ ok: false, reason: 'version 2 is newer than this app (1)' });
    expect(migrateConfigDocument([], 1)).toMatchObject({ ok: false });
  });
});

describe('kiosk config file', () => {
  it('is missing when neither the config nor an enrollment exists', () => {
    expect(loadKioskConfig(store().store)).toEqual({ kind: 'missing' });
  });

  it('saves readable by the owner only and loads back the same configuration', () => {
    const { store: s, dataDir } = store();
    saveKioskConfig(s, config);
    expect(statSync(configPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadKioskConfig(s)).toEqual({ kind: 'ok', config });
  });

  it('upgrades an enrolled kiosk from enrollment.json without re-enrolling, and seals the token', () => {
    const { store: s, dataDir, log } = store(reversingBox());
    writeFileSync(join(dataDir, ENROLLMENT_FILE), JSON.stringify(enrollment));
    const loaded = loadKioskConfig(s);
    expect(loaded).toEqual({ kind: 'ok', config: { ...defaultKioskSettings, ...enrollment, technicianPinHash: null } });
    // The clear-text token does not stay behind in either file.
    expect(existsSync(join(dataDir, ENROLLMENT_FILE))).toBe(false);
    const onDisk = readFileSync(configPath(dataDir), 'utf8');
    expect(onDisk).not.toContain(token);
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, token: { box: 'safeStorage' } });
    expect(log.entries().some((entry) => entry.event === 'config.migrated' && entry.from === 0)).toBe(true);
    expect(loadKioskConfig(s)).toEqual(loaded);
  });

  it('keeps the token in the plain box when the keychain is unavailable', () => {
    const { store: s, dataDir } = store(reversingBox(false));
    saveKioskConfig(s, config);
    expect(JSON.parse(readFileSync(configPath(dataDir), 'utf8')).token).toEqual({ box: 'plain', data: token });
  });

  it.each([
    ['not JSON', '{"version": 1, '],
    ['a wrong field', JSON.stringify({ ...config, version: 1, token: { box: 'plain', data: token }, idleTimeoutSeconds: 'soon' })],
    ['an unknown version', JSON.stringify({ version: 9 })],
    ['a sealed token with no keychain', JSON.stringify({ ...config, version: 1, token: { box: 'safeStorage', data: 'enc:xyz' } })],
  ])('moves a file with %s aside and reports it invalid, logging no secret', (_case, text) => {
    const { store: s, dataDir, log } = store();
    writeFileSync(configPath(dataDir), text);
    const loaded = loadKioskConfig(s);
    expect(loaded.kind).toBe('invalid');
    expect(existsSync(configPath(dataDir))).toBe(false);
    expect(readdirSync(dataDir).some((name) => name.startsWith('kiosk-config.json.broken-'))).toBe(true);
    expect(log.text()).toContain('config.invalid');
    expect(log.text()).not.toContain(token);
    // Next start: the wizard, not the same failure again.
    expect(loadKioskConfig(s)).toEqual({ kind: 'missing' });
  });

  it('updates settings and keeps the enrolment', () => {
    const { store: s } = store();
    saveKioskConfig(s, config);
    const updated = updateKioskConfig(s, { idleTimeoutSeconds: 120, technicianPinHash: 'scrypt$x' });
    expect(updated).toEqual({ ...config, idleTimeoutSeconds: 120, technicianPinHash: 'scrypt$x' });
    expect(loadKioskConfig(s)).toEqual({ kind: 'ok', config: updated });
  });
});
