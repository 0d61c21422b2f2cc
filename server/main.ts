/**
 * `npm run central -- --port <p> [--demo] [--db <file>] [--admin-token <t>] [--catalogue <file.json[.gz]> |
 * --synthetic-catalogue <n>] [--synthetic-dossiers <n>] [--seed <s>] [--updates-dir <dir>]`: runs the reference central server on 127.0.0.1,
 * serving the catalogue of a file (imported record by record; what was refused and why goes to stderr) or a
 * synthetic one of n procedures when asked, and the kiosk update files in <dir> under /updates/.
 * --synthetic-dossiers first adds n synthetic dossiers (a year's receipts, with ratings: server/syntheticDossiers.ts)
 * through the admin API's write, printing its progress; --seed makes either synthetic set another one.
 * Without --demo it starts empty: no dossier, no catalogue, no enrolment code, and says how to issue the first code.
 * With --demo an empty database gets the demo dossiers, the demo enrolment code and the sample catalogue (48
 * hand-checked procedures, which tests rely on); `npm start` serves the demo catalogue (server/catalogueDemo.ts).
 * --no-rate-limits lifts the lookup rate limits (server/lookupLimits.ts), for load benchmarks on loopback only.
 * Prints `central listening on <url>` once it accepts requests (and, before it, the admin token when one
 * was generated, and the enrolment-code instructions outside demo mode); request log lines go to stderr. Bad
 * arguments: one line on stderr, exit status 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { describeImport, importCatalogueFile } from './catalogueFile';
import { type CatalogueChoice, MAX_SYNTHETIC_PROCEDURES } from './catalogueGenerator';
import { apiPaths } from '../shared/api/gateway';
import { startCentralServer } from './centralServer';
import { MAX_SYNTHETIC_DOSSIERS, seedSyntheticDossiers } from './syntheticDossiers';

const usage =
  'usage: npm run central -- --port <0-65535> [--demo] [--no-rate-limits] [--db <file>] [--admin-token <token>] [--catalogue <file.json[.gz]> | --synthetic-catalogue <procedures>] [--synthetic-dossiers <dossiers>] [--seed <n>] [--updates-dir <dir>]';

interface CliOptions {
  port: number;
  demo: boolean;
  rateLimits: boolean;
  dbFile: string | undefined;
  adminToken: string | undefined;
  catalogue: CatalogueChoice | undefined;
  syntheticDossiers: { count: number; seed: number | undefined } | undefined;
  updatesDir: string | undefined;
}

const parseFlags = (args: string[]) =>
  parseArgs({
    args,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean' },
      'no-rate-limits': { type: 'boolean' },
      db: { type: 'string' },
      'admin-token': { type: 'string' },
      catalogue: { type: 'string' },
      'synthetic-catalogue': { type: 'string' },
      'synthetic-dossiers': { type: 'string' },
      seed: { type: 'string' },
      'updates-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  }).values;

function parseCli(args: string[], env: NodeJS.ProcessEnv): CliOptions | { error: string } {
  let values: ReturnType<typeof parseFlags>;
  try {
    values = parseFlags(args);
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.port === undefined) return { error: '--port is required (0 picks a free port)' };
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65_535) return { error: `--port must be 0-65535, not "${values.port}"` };
  if (values.db === '') return { error: '--db needs a file name' };
  const adminToken = values['admin-token'] ?? env.HCC_ADMIN_TOKEN;
  if (adminToken !== undefined && adminToken.length < 16) return { error: 'the admin token must have at least 16 characters' };
  const seed = values.seed;
  if (seed !== undefined && values['synthetic-catalogue'] === undefined && values['synthetic-dossiers'] === undefined) {
    return { error: '--seed needs --synthetic-catalogue or --synthetic-dossiers' };
  }
  if (seed !== undefined && !/^\d{1,9}$/.test(seed)) return { error: `--seed must be a whole number, not "${seed}"` };
  const catalogue = values.catalogue !== undefined ? readCatalogueChoice(values) : parseCatalogueChoice(values['synthetic-catalogue'], seed);
  if ('error' in catalogue) return catalogue;
  const dossiers = values['synthetic-dossiers'];
  if (dossiers !== undefined && (!/^\d{1,8}$/.test(dossiers) || Number(dossiers) > MAX_SYNTHETIC_DOSSIERS)) {
    return { error: `--synthetic-dossiers must be a number of dossiers from 0 to ${MAX_SYNTHETIC_DOSSIERS}, not "${dossiers}"` };
  }
  const syntheticDossiers = dossiers === undefined ? undefined : { count: Number(dossiers), seed: seed === undefined ? undefined : Number(seed) };
  const updatesDir = values['updates-dir'];
  if (updatesDir !== undefined && !statSync(updatesDir, { throwIfNoEntry: false })?.isDirectory()) {
    return { error: `--updates-dir must name an existing directory, not "${updatesDir}"` };
  }
  return { port: Number(values.port), demo: values.demo ?? false, rateLimits: !values['no-rate-limits'], dbFile: values.db, adminToken, catalogue: catalogue.choice, syntheticDossiers, updatesDir };
}

/**
 * The catalogue of the file (JSON, or JSON gzipped when it ends in .gz), record by record: what was accepted and
 * each refused record with why go to stderr, and the server serves the rest. A file that is not a catalogue at all
 * is a bad argument.
 */
function readCatalogueChoice(values: ReturnType<typeof parseFlags>): { choice: CatalogueChoice } | { error: string } {
  const file = values.catalogue ?? '';
  if (values['synthetic-catalogue'] !== undefined) return { error: '--catalogue cannot go with --synthetic-catalogue' };
  let json: unknown;
  try {
    const bytes = readFileSync(file);
    json = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (error) {
    return { error: `--catalogue ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not a readable JSON file (${(error as Error).message})`}` };
  }
  try {
    const imported = importCatalogueFile(json);
    process.stderr.write(`${describeImport(imported, file)}\n`);
    return { choice: { records: imported.catalogue } };
  } catch (error) {
    return { error: `--catalogue ${file}: ${(error as Error).message.replace(/\s+/g, ' ')}` };
  }
}

function parseCatalogueChoice(procedures: string | undefined, seed: string | undefined): { choice: CatalogueChoice | undefined } | { error: string } {
  if (procedures === undefined) return { choice: undefined };
  if (!/^\d{1,7}$/.test(procedures) || Number(procedures) > MAX_SYNTHETIC_PROCEDURES) {
    return { error: `--synthetic-catalogue must be a number of procedures from 0 to ${MAX_SYNTHETIC_PROCEDURES}, not "${procedures}"` };
  }
  return { choice: { synthetic: Number(procedures), seed: seed === undefined ? undefined : Number(seed) } };
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2), process.env);
  if ('error' in options) {
    process.stderr.write(`central: ${options.error.replace(/\.$/, '')}; ${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startCentralServer({
    port: options.port,
    demo: options.demo,
    rateLimits: options.rateLimits ? undefined : 'off',
    dbFile: options.dbFile,
    adminToken: options.adminToken,
    catalogue: options.catalogue,
    updatesDir: options.updatesDir,
    log: (line) => process.stderr.write(`${line}\n`),
    fill: options.syntheticDossiers && fillSynthetic(options.syntheticDossiers),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`central: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  // Before the listening line: whoever reads it may signal at once, and without a listener the signal kills outright.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (options.adminToken === undefined) process.stdout.write(`admin token: ${server.adminToken}\n`);
  if (!options.demo) process.stdout.write(firstEnrollmentCodeHelp(server.url));
  process.stdout.write(`central listening on ${server.url}\n`);
}

/** Seeds the synthetic dossiers, printing how far it got and at what rate: sizing a deployment starts here. */
function fillSynthetic({ count, seed }: { count: number; seed: number | undefined }) {
  return (store: Parameters<typeof seedSyntheticDossiers>[0], now: Date) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const { ratings } = seedSyntheticDossiers(store, {
      count,
      seed,
      now,
      progress: (done) => process.stdout.write(`synthetic dossiers: ${done}/${count} (${seconds().toFixed(1)} s, ${Math.round(done / seconds())}/s)\n`),
    });
    process.stdout.write(`synthetic dossiers: ${count} and ${ratings} ratings stored in ${seconds().toFixed(1)} s\n`);
  };
}

/** Outside demo mode no kiosk can enroll until an admin issues a code: say how, without echoing a given token. */
function firstEnrollmentCodeHelp(url: string): string {
  return [
    'no demo data and no enrolment code (--demo adds them); issue a one-time code (valid 24 h) for each kiosk with',
    `  curl -X POST -H "Authorization: Bearer <admin token>" ${url}${apiPaths.adminEnrollmentCodes}`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`central: ${(error as Error).message}\n`);
  process.exit(1);
});
