/**
 * Structured logging for the kiosk core and its hosts. Citizens' personal data never reaches a log in clear:
 * callers log dossier codes only through a Redactor, and the logger itself censors the field names that could
 * carry a name, an ID number or a credential, in case one slips into a logged object.
 */
import { createHmac } from 'node:crypto';
import { pino, type Logger } from 'pino';

export type { Logger };

const censoredFields = ['applicantName', 'applicantNameMasked', 'idNumber', 'token', 'enrollmentCode', 'authorization'];
const censoredPaths = censoredFields.flatMap((field) => [field, `*.${field}`]);

export function createLogger(opts: { file?: string; level?: string; destination?: NodeJS.WritableStream }): Logger {
  const options = { level: opts.level ?? 'info', redact: { paths: censoredPaths, censor: '[redacted]' } };
  if (opts.destination) return pino(options, opts.destination);
  // Synchronous file writes: the volume is a few lines per lookup, and nothing is lost when the process exits.
  if (opts.file) return pino(options, pino.destination({ dest: opts.file, mkdir: true, sync: true, mode: 0o600 }));
  return pino(options);
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
