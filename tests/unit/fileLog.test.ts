import { readFileSync, statSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { logFilesIn, openFileLog } from '../../electron/core/logger';
import { makeTempDir } from '../support/processes';

describe('the kiosk log file', () => {
  it('rotates by size and keeps a bounded number of files, readable by the kiosk user only', async () => {
    const dir = makeTempDir('log');
    const log = await openFileLog({ dir, maxFileBytes: 2048, keepFiles: 2 });
    for (let index = 0; index < 300; index++) {
      log.logger.info({ event: 'test.line', index }, `line ${'x'.repeat(60)}`);
      // Rotation happens between writes, as it does between a kiosk's lookups.
      await yieldToEvents();
    }
    // Old files are deleted in the background after a rotation.
    await vi.waitFor(() => expect(logFilesIn(dir).length).toBeLessThanOrEqual(3));
    const files = logFilesIn(dir);
    expect(files.length).toBeGreaterThan(1);
    const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(total).toBeLessThan(4 * 2048);
    expect(statSync(files.at(-1)!).mode & 0o777).toBe(0o600);
    // The newest file holds the last line.
    expect(readFileSync(files.at(-1)!, 'utf8')).toContain('"index":299');
  });

  it('counts error lines and keeps the last few, redacted as the file has them, for diagnostics', async () => {
    const log = await openFileLog({ dir: makeTempDir('log') });
    log.logger.info({ event: 'fine' }, 'all good');
    log.logger.error({ event: 'sync.failed', applicantName: 'Nguyễn Văn An' }, 'catalogue sync failed');
    log.logger.error({ event: 'heartbeat.failed' }, 'heartbeat not delivered');
    const snapshot = log.recentErrors.snapshot();
    expect(snapshot.count).toBe(2);
    expect(snapshot.recent.map((entry) => entry.event)).toEqual(['heartbeat.failed', 'sync.failed']);
    expect(JSON.stringify(snapshot)).not.toContain('Văn An');
  });
});
