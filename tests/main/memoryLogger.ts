import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../electron/core/logger';

/** A real logger writing JSON lines into memory, so tests can read what would reach the log file. */
export function memoryLogger(): { logger: Logger; text(): string; entries(): Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ destination, level: 'debug' });
  const text = () => chunks.join('');
  return {
    logger,
    text,
    entries: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
