/**
 * The technician CLI: a table of commands, each with its own options, so that later commands (sync, search,
 * enroll, decode) slot in beside `lookup`. Results go to stdout (JSON with --json), problems to stderr, and the
 * exit code tells scripts what happened.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { DossierView, KioskError, KioskErrorCode } from '../../shared/contract/kiosk';
import { catalogueInfo, NoCatalogueError, searchCatalogue, syncCatalogue, syncExitCodes } from '../core/catalogue/catalogueCli';
import { createCentralClient, isCentralUrl } from '../core/centralClient';
import { createLogger, createRedactor } from '../core/logger';
import { createLookupService } from '../core/lookupService';
import { decodeFiles, describeDecodeLine, parseFormats } from './decode';
import { enrollExitCodes, enrollFromCli } from './enroll';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface CliCommand {
  usage: string;
  summary: string;
  options: ParseArgsOptionsConfig;
  run(positionals: string[], values: OptionValues, io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** Exit code per lookup error, so scripts can tell "no such dossier" from "server down". */
export const exitCodeForError: Record<KioskErrorCode, number> = {
  INVALID_CODE: EXIT_USAGE,
  NOT_FOUND: 3,
  UNAVAILABLE: 4,
  NOT_ENROLLED: 5,
  KIOSK_REVOKED: 5,
  BAD_RESPONSE: 6,
  RATE_LIMITED: 7,
  BAD_REQUEST: 1,
  INTERNAL: 1,
};

export const TOKEN_ENV = 'HCC_KIOSK_TOKEN';

class UsageError extends Error {}

const stringOption = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

const commands: Record<string, CliCommand> = {
  lookup: {
    usage: 'lookup <code> --central <url> [--token <token>] [--json]',
    summary: `Look up a dossier as the kiosk shows it (name masked). Token from --token or ${TOKEN_ENV}.`,
    options: { central: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } },
    async run(positionals, values, io) {
      const [input, ...extra] = positionals;
      if (input === undefined || extra.length > 0) throw new UsageError('lookup takes exactly one code');
      const central = stringOption(values, 'central');
      if (!central || !isCentralUrl(central)) throw new UsageError('--central must be an http(s) URL');
      const client = createCentralClient({ baseUrl: central, token: stringOption(values, 'token') ?? io.env[TOKEN_ENV] });
      // One lookup per run and nothing kept: the log is not needed, and stdout must stay pure JSON.
      const lookupService = createLookupService({
        client,
        logger: createLogger({ level: 'silent' }),
        redactor: createRedactor(randomBytes(32).toString('hex')),
      });
      const result = await lookupService.lookup(input);
      const json = values.json === true;
      if (result.ok) {
        io.out(json ? JSON.stringify(result.value, null, 2) : describeDossier(result.value));
        return EXIT_OK;
      }
      if (json) io.out(JSON.stringify({ error: result.error }, null, 2));
      else io.err(`lookup: ${describeError(result.error)}`);
      return exitCodeForError[result.error.code];
    },
  },
  decode: {
    usage: 'decode <image files...> [--formats code128,code39,qr,itf,pdf417,datamatrix,ean13] [--json]',
    summary: 'Read the barcode in each PNG/JPEG with the kiosk camera decoder; exit 1 when any file was not read.',
    options: { formats: { type: 'string' }, json: { type: 'boolean' } },
    async run(positionals, values, io) {
      if (positionals.length === 0) throw new UsageError('decode takes one or more image files');
      const formatList = stringOption(values, 'formats');
      const formats = formatList === undefined ? undefined : parseFormats(formatList);
      if (formats && !formats.ok) throw new UsageError(`unknown format(s) in --formats: ${formats.unknown.join(', ') || '(none given)'}`);
      const lines = await decodeFiles(positionals, formats?.formats);
      for (const line of lines) io.out(values.json === true ? JSON.stringify(line) : describeDecodeLine(line));
      return lines.every((line) => line.ok) ? EXIT_OK : 1;
    },
  },
  sync: {
    usage: 'sync --central <url> [--token <token>] --data-dir <dir>',
    summary: 'Sync the procedure catalogue cache in <dir> from the central server (progress on stderr).',
    options: { central: { type: 'string' }, token: { type: 'string' }, 'data-dir': { type: 'string' } },
    async run(positionals, values, io) {
      if (positionals.length > 0) throw new UsageError('sync takes no arguments');
      const central = stringOption(values, 'central');
      if (!central || !isCentralUrl(central)) throw new UsageError('--central must be an http(s) URL');
      const dataDir = requiredDataDir(values);
      const { outcome, info } = await syncCatalogue({
        centralUrl: central,
        token: stringOption(values, 'token') ?? io.env[TOKEN_ENV],
        dataDir,
        onProgress: (status) => {
          if (status.progress) io.err(`sync: page ${status.progress.pages}, ${status.progress.applied} changes`);
        },
      });
      if (!outcome.ok) {
        io.err(`sync: failed (${outcome.reason}): ${outcome.message}`);
        return syncExitCodes[outcome.reason];
      }
      const { procedures, agencies, fields, locations } = info.counts;
      io.out(
        `${outcome.kind} sync: ${outcome.applied} changes in ${outcome.pages} pages; ${procedures} procedures, ${agencies} agencies, ${fields} fields, ${locations} locations; cursor ${info.cursor}`,
      );
      return EXIT_OK;
    },
  },
  search: {
    usage: 'search "<query>" --data-dir <dir> [--limit <n>] [--json]',
    summary: 'Search the cached catalogue as the kiosk does, best first (works offline).',
    options: { 'data-dir': { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    async run(positionals, values, io) {
      const [query, ...extra] = positionals;
      if (query === undefined || extra.length > 0) throw new UsageError('search takes exactly one query (quote it)');
      const limitText = stringOption(values, 'limit') ?? '10';
      if (!/^\d{1,3}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
      const items = await withCatalogue(() => searchCatalogue({ dataDir: requiredDataDir(values), query, limit: Number(limitText) }));
      io.out(values.json === true ? JSON.stringify(items, null, 2) : items.map((item) => `${item.code.padEnd(11)} ${item.level.padEnd(4)} ${item.name}`).join('\n'));
      return EXIT_OK;
    },
  },
  enroll: {
    usage: 'enroll --central <url> --code <code> --location <id> --data-dir <dir> [--name <name>] [--json]',
    summary: 'Enroll the kiosk whose data directory is <dir> and write its configuration (no setup wizard at its first start).',
    options: { central: { type: 'string' }, code: { type: 'string' }, location: { type: 'string' }, 'data-dir': { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
    async run(positionals, values, io) {
      if (positionals.length > 0) throw new UsageError('enroll takes no arguments');
      const central = stringOption(values, 'central');
      if (!central || !isCentralUrl(central)) throw new UsageError('--central must be an http(s) URL');
      const code = stringOption(values, 'code')?.trim();
      if (!code || !/^[A-Za-z0-9-]{4,64}$/.test(code)) throw new UsageError('--code must be the enrollment code (4-64 letters, digits or -)');
      const locationId = stringOption(values, 'location')?.trim();
      if (!locationId) throw new UsageError('--location is required (a location id of the server\'s catalogue)');
      const name = stringOption(values, 'name')?.trim();
      if (name !== undefined && (name === '' || name.length > 100)) throw new UsageError('--name must be 1-100 characters');
      const outcome = await enrollFromCli({ centralUrl: central, enrollmentCode: code, locationId, name, dataDir: requiredDataDir(values) });
      if (!outcome.ok) {
        if (values.json === true) io.out(JSON.stringify({ error: { code: outcome.reason, message: outcome.message } }, null, 2));
        else io.err(`enroll: ${outcome.reason}: ${outcome.message}`);
        return enrollExitCodes[outcome.reason];
      }
      const { kioskId, kioskName, centralUrl } = outcome.config;
      if (values.json === true) io.out(JSON.stringify({ kioskId, kioskName, locationId, centralUrl, configFile: outcome.configFile }, null, 2));
      else io.out(`${outcome.replaced ? 're-enrolled' : 'enrolled'} kiosk ${kioskId} ("${kioskName}") at ${locationId} with ${centralUrl}; configuration in ${outcome.configFile}`);
      return EXIT_OK;
    },
  },
  'catalogue-info': {
    usage: 'catalogue-info --data-dir <dir> [--json]',
    summary: 'Show the catalogue cache: schema version, cursor, last sync and record counts.',
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    async run(positionals, values, io) {
      if (positionals.length > 0) throw new UsageError('catalogue-info takes no arguments');
      const info = await withCatalogue(() => catalogueInfo(requiredDataDir(values)));
      if (values.json === true) io.out(JSON.stringify(info, null, 2));
      else {
        io.out(
          [
            `Schema     ${info.schemaVersion}`,
            `Cursor     ${info.cursor ?? '-'}`,
            `Last sync  ${info.lastSyncAt ?? 'never'}`,
            `Records    ${Object.entries(info.counts).map(([type, count]) => `${count} ${type}`).join(', ')}`,
          ].join('\n'),
        );
      }
      return EXIT_OK;
    },
  },
};

export function cliHelp(): string {
  const width = Math.max(...Object.values(commands).map((command) => command.usage.length));
  const exitCodes = Object.entries(exitCodeForError)
    .map(([code, exit]) => `${exit} ${code}`)
    .join(', ');
  return [
    'usage: npm run -s cli -- <command> [options]',
    '',
    'commands:',
    ...Object.values(commands).map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    `exit codes: 0 ok, ${EXIT_USAGE} usage, ${exitCodes}`,
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(cliHelp());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`cli: unknown command "${name}" (--help lists the commands)`);
    return EXIT_USAGE;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(`usage: npm run -s cli -- ${command.usage}\n${command.summary}`);
      return EXIT_OK;
    }
    return await command.run(positionals, values, io);
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) throw error;
    io.err(`cli ${name}: ${error.message}\nusage: npm run -s cli -- ${command.usage}`);
    return EXIT_USAGE;
  }
}

function requiredDataDir(values: OptionValues): string {
  const dataDir = stringOption(values, 'data-dir');
  if (!dataDir) throw new UsageError('--data-dir is required');
  return dataDir;
}

/** A missing cache is the technician's to fix (sync first), so it reads as a usage error. */
function withCatalogue<T>(read: () => Promise<T>): Promise<T> {
  return read().catch((error: unknown) => {
    throw error instanceof NoCatalogueError ? new UsageError(error.message) : error;
  });
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

function describeError(error: KioskError): string {
  return `${error.code}: ${error.message}${error.reason ? ` (${error.reason})` : ''}`;
}

function describeDossier(view: DossierView): string {
  const rows: [string, string][] = [
    ['Dossier', view.code],
    ['Status', view.statusLabel ? `${view.status} (${view.statusLabel})` : view.status],
    ['Procedure', `${view.procedure.name} [${view.procedure.code}]`],
    ['Agency', view.agency.name],
    ['Applicant', view.applicantNameMasked],
    ['Received', view.receivedAt],
    ['Due', view.dueAt],
    ['Finished', view.finishedAt ?? '-'],
  ];
  return rows.map(([label, value]) => `${label.padEnd(10)} ${value}`).join('\n');
}
