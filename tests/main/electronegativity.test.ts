/**
 * Electron security scan: @doyensec/electronegativity over the app's own sources (electron/ and renderer/, the
 * TypeScript itself, which it parses with Babel's TypeScript plugin), as one app, so that its global checks see the
 * main process's navigation and permission handlers together with the renderer. Any finding above LOW fails the
 * test unless tests/main/electronegativityAllowed.ts lists it with its reason; an allowance nothing matches any more
 * fails too, and so does a file the scanner could not parse (it would have been skipped in silence).
 *
 * Its check of available Electron security fixes downloads Electron's release list, which this machine and CI cannot
 * reach; Electron's version is the lockfile's, and its updates come with the dependency updates. The scanner also
 * asks the network for updated translations of its messages, once a run (a one-second timeout, then its own).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedFindings } from './electronegativityAllowed';

interface Level {
  value: number;
  name: string;
}
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  manualReview: boolean;
  description: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message?: string }[];
  issues: Finding[];
}
type Scan = (options: {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
  excludeFromScan: string[];
}) => Promise<ScanResult>;

const require = createRequire(import.meta.url);
const scan = require('@doyensec/electronegativity') as Scan;
const LOW = 1;

const root = join(import.meta.dirname, '..', '..');
const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'hcc-electronegativity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function scanned(dir: string): Promise<ScanResult> {
  return scan({ input: dir, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] });
}

const describeFinding = (finding: Finding) => `${finding.id} ${finding.severity.name} at ${finding.file}:${finding.location.line}`;

describe('the Electron security scan (electronegativity)', () => {
  it('finds nothing above LOW in the app that is not allowed with a reason, and every allowance still applies', { timeout: 120_000 }, async () => {
    // The two source folders side by side, as one app: a global check needs both ends.
    const app = join(work, 'app');
    for (const folder of ['electron', 'renderer']) cpSync(join(root, folder), join(app, folder), { recursive: true });
    const result = await scanned(app);

    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(30);
    const serious = result.issues.filter((finding) => finding.severity.value > LOW);
    const isAllowed = (finding: Finding) => allowedFindings.some((allowed) => allowed.check === finding.id && allowed.file === finding.file);
    expect(serious.filter((finding) => !isAllowed(finding)).map(describeFinding)).toEqual([]);
    const stale = allowedFindings.filter((allowed) => !serious.some((finding) => finding.id === allowed.check && finding.file === allowed.file));
    expect(stale).toEqual([]);
  });

  it('does report what it is there to catch, so that a scan that finds nothing means something', { timeout: 120_000 }, async () => {
    const canary = join(work, 'canary');
    mkdirSync(canary);
    writeFileSync(
      join(canary, 'window.ts'),
      "import { BrowserWindow } from 'electron';\nconst window: BrowserWindow = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\nwindow.loadURL('http://example.com/');\n",
    );
    const ids = (await scanned(canary)).issues.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'AUXCLICK_JS_CHECK']));
  });
});
