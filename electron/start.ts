/**
 * `npm start`: the kiosk in demo mode. With Electron installed it runs the Electron app with `--demo`. Without it
 * (these machines) it serves the same renderer through the web host, against the embedded reference central
 * server with its demo data, and shows it in Debian's Chromium in kiosk mode. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentralServer } from '../server/centralServer';
import { DEMO_ENROLLMENT_CODE } from '../server/demoData';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from './core/kioskCore';
import { defaultRendererDir, projectDir, startWebKiosk } from './web/webKiosk';

const USAGE = 'usage: npm start [-- --no-browser] [--port <port>]';

const { values: options } = (() => {
  try {
    return parseArgs({ options: { 'no-browser': { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`start: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(options.port ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start: --port must be a port number\n${USAGE}`);
  process.exit(2);
}

const electronBinary = installedElectronBinary();
if (electronBinary) {
  if (!existsSync(join(projectDir, 'out'))) build();
  runElectron(electronBinary);
} else {
  console.log('Electron is not installed on this machine; serving the kiosk through the web host instead.');
  if (!existsSync(join(defaultRendererDir, 'index.html'))) build();
  await runWebDemo();
}

/**
 * The Electron binary's path, or null when it is not installed. Requiring the `electron` package without its
 * binary starts a download (which fails offline, after printing), so the binary is looked for first.
 */
function installedElectronBinary(): string | null {
  const require = createRequire(import.meta.url);
  try {
    const packageDir = dirname(require.resolve('electron/package.json'));
    const relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    if (!existsSync(join(packageDir, 'dist', relativePath))) return null;
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function build(): void {
  const result = spawnSync(join(projectDir, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: projectDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('start: the build failed (electron-vite build); see the output above');
    process.exit(1);
  }
}

function runElectron(binary: string): void {
  const child = spawn(binary, [projectDir, '--demo'], { cwd: projectDir, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runWebDemo(): Promise<void> {
  const dataDir = join(projectDir, '.kiosk-data');
  mkdirSync(dataDir, { recursive: true });
  // An in-memory database: the demo dossiers are seeded afresh, dated relative to today, at every start.
  const central = await startCentralServer({ demo: true, port: 0 });
  const kiosk = await startWebKiosk({
    port,
    centralUrl: central.url,
    dataDir: join(dataDir, 'web-kiosk'),
    enrollmentCode: DEMO_ENROLLMENT_CODE,
    idleTimeoutSeconds: DEFAULT_IDLE_TIMEOUT_SECONDS,
    demo: true,
  }).catch(async (error: unknown) => {
    await central.close();
    console.error(`start: ${(error as Error).message}`);
    return process.exit(1);
  });
  const url = kiosk.url;

  const chromium = options['no-browser'] ? null : findChromium();
  let browser: ChildProcess | null = null;
  let profileDir: string | null = null;
  if (chromium) {
    profileDir = mkdtempSync(join(tmpdir(), 'hcc-kiosk-chromium-'));
    browser = spawn(chromium, chromiumArgs(url, profileDir), { stdio: 'ignore' });
    console.log(`Kiosk demo at ${url} shown in Chromium; Ctrl-C (or closing the browser) stops it.`);
  } else {
    console.log(`Kiosk demo at ${url} ; open it in a browser. Ctrl-C stops it.`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill();
    await Promise.allSettled([kiosk.close(), central.close()]);
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    process.exit(0);
  };
  // Closing the browser ends the demo; a browser that could not start (no display) leaves the URL usable.
  browser?.on('exit', (code) => {
    if (code === 0) void stop();
    else console.log(`Chromium exited (code ${code}); the kiosk stays at ${url} until Ctrl-C.`);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** CHROMIUM_PATH, else `chromium` on PATH (Debian's package name). */
function findChromium(): string | null {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return isExecutable(explicit) ? explicit : null;
  const candidates = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'));
  return candidates.find(isExecutable) ?? null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function chromiumArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    '--kiosk',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profileDir}`,
    // Chromium refuses to start as root with its sandbox on (a container or a test machine).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
