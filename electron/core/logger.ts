/**
 * Structured logging for the kiosk core and its hosts. Citizens' personal data never reaches a log in clear:
 * callers log dossier codes only through a Redactor, and the logger itself censors the field names that could
 * carry a name, an ID number or a credential, in case one slips into a logged object.
 */
import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type DestinationStream, type Logger } from 'pino';
import rollingFile from 'pino-roll';

export type { Logger };

// A dossier's payment (amount, account, transfer reference, its VietQR payload) is the citizen's too.
const censoredFields = [
  'applicantName',
  'applicantNameMasked',
  'idNumber',
  'token',
  'enrollmentCode',
  'authorization',
  'payment',
  'vietQrPayload',
  'accountNumber',
];
const censoredPaths = censoredFields.flatMap((field) => [field, `*.${field}`]);

export function createLogger(opts: { file?: string; level?: string; destination?: DestinationStream; recentErrors?: RecentErrors }): Logger {
  const level = opts.level ?? 'info';
  const options = { level, redact: { paths: censoredPaths, censor: '[redacted]' } };
  // Synchronous file writes: the volume is a few lines per lookup, and nothing is lost when the process exits.
  const main: DestinationStream =
    opts.destination ?? (opts.file ? pino.destination({ dest: opts.file, mkdir: true, sync: true, mode: 0o600 }) : pino.destination(1));
  if (!opts.recentErrors) return pino(options, main);
  // The recent-errors tally sees lines after redaction, exactly as the file gets them.
  return pino(options, pino.multistream([{ level: level as pino.Level, stream: main }, { level: 'error', stream: opts.recentErrors }]));
}

/** Log files are `<LOG_FILE_BASE>.<n>.log` in the log directory, the highest n the one being written. */
export const LOG_FILE_BASE = 'kiosk';
const logFilePattern = new RegExp(`^${LOG_FILE_BASE}\\.(\\d+)\\.log$`);

export interface FileLogOptions {
  dir: string;
  level?: string;
  /** A file is closed and a new one started past this size. Default 5 MB. */
  maxFileBytes?: number;
  /** Closed files kept beside the current one; older ones are deleted. Default 4 (at most 25 MB in all). */
  keepFiles?: number;
}

export interface FileLog {
  logger: Logger;
  recentErrors: RecentErrors;
  dir: string;
}

/** The kiosk's own log: rotated by size, capped in number of files, readable by the kiosk's user only. */
export async function openFileLog(opts: FileLogOptions): Promise<FileLog> {
  const maxFileBytes = opts.maxFileBytes ?? 5 * 1024 * 1024;
  const destination = await rollingFile({
    file: join(opts.dir, LOG_FILE_BASE),
    extension: '.log',
    size: `${Math.max(1, Math.ceil(maxFileBytes / 1024))}k`,
    limit: { count: opts.keepFiles ?? 4, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
    mode: 0o600,
  });
  const recentErrors = createRecentErrors();
  return { logger: createLogger({ level: opts.level, destination, recentErrors }), recentErrors, dir: opts.dir };
}

/** The log files in `dir`, oldest first (full paths). */
export function logFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, number: Number(logFilePattern.exec(name)?.[1] ?? NaN) }))
    .filter((file) => Number.isInteger(file.number))
    .sort((a, b) => a.number - b.number)
    .map((file) => join(dir, file.name));
}

export interface RecentErrorEntry {
  at: string;
  event: string | null;
  message: string;
}

/** A pino destination that counts error lines since start and keeps the last few, for the technician's screen. */
export interface RecentErrors {
  write(line: string): void;
  snapshot(): { count: number; recent: RecentErrorEntry[] };
}

export function createRecentErrors(keep = 10): RecentErrors {
  let count = 0;
  const recent: RecentErrorEntry[] = [];
  return {
    write(line) {
      count += 1;
      let entry: { time?: unknown; event?: unknown; msg?: unknown } = {};
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        // Not JSON: counted, shown without details.
      }
      recent.push({
        at: new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toISOString(),
        event: typeof entry.event === 'string' ? entry.event : null,
        message: typeof entry.msg === 'string' ? entry.msg.slice(0, 300) : '',
      });
      if (recent.length > keep) recent.shift();
    },
    snapshot: () => ({ count, recent: [...recent].reverse() }),
  };
}

export interface Redactor {
  code(value: string): string;
}

/** A keyed hash lets a technician match log lines of the same dossier without the log revealing the code. */
export function createRedactor(secret: string): Redactor {
  return {
    code: (value) => `h:${createHmac('sha256', secret).update(value).digest('hex').slice(0, 12)}`,
  };
}
