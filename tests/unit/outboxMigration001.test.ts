// Version 1 of outbox.db: what it creates, how the file is opened, and what it refuses.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutboxDb, OutboxDbError, outboxSchemaVersion } from '../../electron/core/feedback/outboxDb';
import { makeTempDir } from '../support/processes';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempFile(): string {
  const dir = makeTempDir('outbox-v1');
  dirs.push(dir);
  return join(dir, 'outbox.db');
}

describe('outbox.db version 1', () => {
  it('creates the outbox and the board cache, in WAL mode with every commit synced', () => {
    const db = openOutboxDb(tempFile());
    try {
      expect(outboxSchemaVersion(db)).toBe(1);
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
      expect(tables).toEqual(['board_cache', 'outbox']);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // 2 = FULL: a commit is on the disk before the citizen is thanked.
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('stores an idempotency key once and only the three states', () => {
    const db = openOutboxDb(tempFile());
    try {
      const insert = db.prepare("INSERT INTO outbox (idempotency_key, body, state, next_attempt_at, created_at) VALUES (?, '{}', ?, 0, 0)");
      insert.run('key-0001', 'pending');
      expect(() => insert.run('key-0001', 'pending')).toThrow(/UNIQUE/);
      expect(() => insert.run('key-0002', 'lost')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('keeps its rows when opened again, and refuses a file from a newer kiosk', () => {
    const file = tempFile();
    const first = openOutboxDb(file);
    first.prepare("INSERT INTO outbox (idempotency_key, body, state, next_attempt_at, created_at) VALUES ('key-0001', '{}', 'pending', 0, 0)").run();
    first.close();
    const again = openOutboxDb(file);
    expect(again.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    again.close();

    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openOutboxDb(file)).toThrow(OutboxDbError);
  });
});
