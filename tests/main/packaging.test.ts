import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { matchesGlob } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import type * as Fuses from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { PNG } from 'pngjs';

const flipFuses = vi.hoisted(() => vi.fn(async () => 0));
vi.mock('@electron/fuses', async (importOriginal) => ({ ...(await importOriginal<typeof Fuses>()), flipFuses }));

const { default: config, EXECUTABLE_NAME } = await import('../../build/electron-builder.config');
const { default: afterPack, packedExecutablePath } = await import('../../build/afterPack');

const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

beforeEach(() => flipFuses.mockClear());

function packContext(electronPlatformName: string): AfterPackContext {
  return {
    appOutDir: '/build/release/unpacked',
    electronPlatformName,
    packager: { appInfo: { productFilename: 'HCC Kiosk' }, executableName: EXECUTABLE_NAME },
  } as unknown as AfterPackContext;
}

const asArray = <T>(value: T | T[] | null | undefined): T[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);
const targetNames = (targets: unknown) => asArray(targets as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target));
const excluded = (patterns: string[], file: string) => patterns.some((p) => p.startsWith('!') && matchesGlob(file, p.slice(1)));
/** An app file is packed when a pattern names it and none excludes it. */
const included = (patterns: string[], file: string) => patterns.some((p) => !p.startsWith('!') && matchesGlob(file, p)) && !excluded(patterns, file);
/** Production dependencies are packed by electron-builder unless a pattern excludes them. */
const dependencyPacked = (patterns: string[], file: string) => !excluded(patterns, file);

describe('the electron-builder configuration', () => {
  it('is loaded by electron-builder itself, as `npm run dist:*` does, and passes its schema', async () => {
    const { getConfig, validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<typeof config>;
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
    };
    const loaded = await getConfig(root, 'build/electron-builder.config.ts', null);
    expect(loaded.appId).toBe(config.appId);
    expect(typeof loaded.afterPack).toBe('function');
    await expect(validateConfiguration(loaded, { isEnabled: false })).resolves.toBeUndefined();
    // Loading electron-builder's libraries and compiling the TypeScript takes seconds on a busy machine.
  }, 60_000);

  it('names the app and its Linux binary', () => {
    expect(config).toMatchObject({ appId: 'vn.hcc.kiosk', productName: 'HCC Kiosk', executableName: 'hcc-kiosk' });
    expect(JSON.parse(read('package.json')).productName).toBe(config.productName);
  });

  it('builds an AppImage and a deb for Linux and an NSIS installer for Windows', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
  });

  it('packs the built app, never the sources, tests, benchmarks or the reference server', () => {
    const files = asArray(config.files as string | string[]);
    for (const file of ['out/main/index.js', 'out/main/catalogueBuildWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json', 'server/fixtures/catalogue-national.json.gz']) expect(included(files, file), file).toBe(true);
    for (const file of ['tests/main/packaging.test.ts', 'bench/run.ts', 'server/main.ts', 'electron/main/index.ts', 'renderer/App.tsx', 'build/afterPack.ts']) {
      expect(included(files, file), file).toBe(false);
    }
    expect(dependencyPacked(files, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(dependencyPacked(files, 'node_modules/better-sqlite3/lib/index.js')).toBe(true);
  });

  it('keeps better-sqlite3’s native addon outside the asar, and only the target platform’s', () => {
    const unpack = asArray(config.asarUnpack as string | string[]);
    expect(config.asar).toBe(true);
    expect(unpack.some((p) => matchesGlob('node_modules/better-sqlite3/prebuilds/linux-x64.node', p))).toBe(true);
    expect(unpack.some((p) => matchesGlob('node_modules/better-sqlite3/lib/index.js', p))).toBe(false);
    const linux = [...asArray(config.files as string[]), ...asArray(config.linux?.files as string[])];
    const win = [...asArray(config.files as string[]), ...asArray(config.win?.files as string[])];
    expect(dependencyPacked(linux, 'node_modules/better-sqlite3/prebuilds/linux-x64.node')).toBe(true);
    expect(dependencyPacked(linux, 'node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(false);
    expect(dependencyPacked(win, 'node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true);
    expect(dependencyPacked(win, 'node_modules/better-sqlite3/prebuilds/linux-x64.node')).toBe(false);
  });

  it('needs no rebuild for Electron, because better-sqlite3 is a Node-API addon with prebuilt binaries for both targets', () => {
    expect(config.npmRebuild).toBe(false);
    expect(read('node_modules/better-sqlite3/binding.gyp')).toMatch(/NAPI_VERSION=\d+/);
    for (const target of ['linux-x64', 'win32-x64']) expect(existsSync(`${root}node_modules/better-sqlite3/prebuilds/${target}.node`), target).toBe(true);
  });

  it('is the configuration the dist scripts build with, after building the app', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['dist:linux', 'dist:win']) {
      expect(scripts[name], name).toMatch(/^npm run build && electron-builder --config build\/electron-builder\.config\.ts /);
    }
  });

  it('flips the fuses after packing', () => {
    expect(config.afterPack).toBe(afterPack);
  });

  it('publishes update metadata for a generic provider', () => {
    const publish = asArray(config.publish as Array<{ provider: string; url?: string }>);
    expect(publish).toHaveLength(1);
    expect(publish[0]).toMatchObject({ provider: 'generic' });
  });

  it('installs per user on Windows, so that updates never wait for an elevation prompt', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false });
  });

  it('ships the systemd unit and the autostart entry in the deb', () => {
    const fpm = asArray(config.deb?.fpm as string[]);
    expect(fpm).toContain('build/linux/hcc-kiosk.service=/usr/lib/systemd/user/hcc-kiosk.service');
    for (const mapping of fpm) expect(existsSync(`${root}${mapping.split('=')[0]}`), mapping).toBe(true);
  });

  it('makes the deb depend on eSpeak NG (the host’s voice, run as a separate program) besides what Electron needs', () => {
    const fpmTarget = createRequire(import.meta.url)('app-builder-lib/out/targets/FpmTarget').default as { prototype: { getDefaultDepends(target: string): string[] } };
    const depends = asArray(config.deb?.depends as string[]);
    expect(depends).toEqual(expect.arrayContaining(fpmTarget.prototype.getDefaultDepends('deb')));
    expect(depends).toContain('espeak-ng');
    // Never inside the package: GPL-3.0 code is not bundled with ours.
    expect(JSON.stringify([config.files, config.extraResources ?? null, config.extraFiles ?? null])).not.toMatch(/espeak/i);
  });

  it('has square PNG icons of 256 and 512 pixels, in resources/ where the configuration points', () => {
    expect([config.linux?.icon, config.win?.icon]).toEqual(['resources/icons', 'resources/icon.png']);
    for (const [file, size] of [['resources/icon.png', 512], ['resources/icons/512x512.png', 512], ['resources/icons/256x256.png', 256]] as const) {
      const png = PNG.sync.read(readFileSync(`${root}${file}`));
      expect([png.width, png.height], file).toEqual([size, size]);
    }
  });
});

describe('the afterPack fuses hook', () => {
  it('turns off running as Node, NODE_OPTIONS and the inspector, and turns on asar integrity and asar-only loading', async () => {
    await afterPack(packContext('linux'));
    expect(flipFuses).toHaveBeenCalledTimes(1);
    const fuses = (flipFuses.mock.calls[0] as unknown[])[1];
    expect(fuses).toMatchObject({
      version: '1',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('flips the Linux binary by its executable name and the Windows one by its product file name', async () => {
    await afterPack(packContext('linux'));
    await afterPack(packContext('win32'));
    expect(flipFuses.mock.calls.map((call) => (call as unknown[])[0])).toEqual(['/build/release/unpacked/hcc-kiosk', '/build/release/unpacked/HCC Kiosk.exe']);
  });

  it('refuses a platform the kiosk is not packaged for, rather than flipping nothing', async () => {
    expect(() => packedExecutablePath(packContext('darwin'))).toThrow(/darwin/);
    await expect(afterPack(packContext('darwin'))).rejects.toThrow();
    expect(flipFuses).not.toHaveBeenCalled();
  });
});

/** systemd unit and desktop entry files: `[Section]` headers and `Key=Value` lines; comments and blanks ignored. */
function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1] ?? '', current);
      continue;
    }
    const pair = /^([A-Za-z0-9-]+(?:\[[A-Za-z_@]+\])?)=(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`line ${index + 1} is not a key=value pair inside a section: ${raw}`);
    if (current.has(pair[1] ?? '')) throw new Error(`line ${index + 1} repeats ${pair[1]}`);
    current.set(pair[1] ?? '', pair[2] ?? '');
  }
  return sections;
}

describe('the OS supervision files', () => {
  it('the systemd user unit restarts the installed binary on any exit but 0, after a delay, within a start limit', () => {
    const unit = parseIni(read('build/linux/hcc-kiosk.service'));
    expect([...unit.keys()]).toEqual(['Unit', 'Service', 'Install']);
    const service = unit.get('Service');
    expect(service?.get('ExecStart')).toBe(`/usr/bin/${EXECUTABLE_NAME}`);
    expect(service?.get('Restart')).toBe('on-failure');
    expect(service?.get('Environment')).toBe('HCC_SUPERVISOR=systemd');
    expect(service?.get('RestartSec')).toMatch(/^\d+s$/);
    expect(Number(unit.get('Unit')?.get('StartLimitBurst'))).toBeGreaterThan(1);
    expect(unit.get('Unit')?.get('StartLimitIntervalSec')).toMatch(/^\d+(h|min|s)$/);
    expect(unit.get('Install')?.get('WantedBy')).toBe('graphical-session.target');
  });

  it('the autostart entry is a valid desktop entry that starts the supervised unit', () => {
    const entry = parseIni(read('build/linux/hcc-kiosk-autostart.desktop')).get('Desktop Entry');
    expect(entry?.get('Type')).toBe('Application');
    expect(entry?.get('Name')).toBe(config.productName);
    expect(entry?.get('Exec')).toContain('systemctl --user start hcc-kiosk.service');
    expect(entry?.get('Terminal')).toBe('false');
  });
});
