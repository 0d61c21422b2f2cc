/**
 * The technician CLI: a table of commands, each with its own options, so that later commands (sync, search,
 * enroll, decode) slot in beside `lookup`. Results go to stdout (JSON with --json), problems to stderr, and the
 * exit code tells scripts what happened.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { DossierView, KioskError, KioskErrorCode } from '../../shared/contract/kiosk';
import { createCentralClient, isCentralUrl } from '../core/centralClient';
import { createLogger, createRedactor } from '../core/logger';
import { createLookupService } from '../core/lookupService';

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
  BAD_RESPONSE: 6,
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
