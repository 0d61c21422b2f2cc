/**
 * The reference central server's storage: one SQLite file (or memory) holding dossiers, enrolled kiosks and
 * enrollment codes. Secrets are stored only as SHA-256 hashes, so a copied database file enrolls no kiosk.
 */
import Database from 'better-sqlite3';
import { Dossier } from '../shared/api/gateway';
import { catalogueMigration, type CatalogueStore, createCatalogueStore } from './catalogueStore';
import { createFeedbackStore, feedbackOncePerKioskMigration, type FeedbackStore } from './feedbackStore';
import { createFleetStore, fleetMigration, searchGapsMigration, type FleetStore } from './fleetStore';
import { createStatsStore, statsMigration, type StatsStore } from './statsStore';
import { createKioskStore, kioskCredentialsMigration, type KioskStore } from './kioskStore';

/**
 * Schema migrations: entry i takes the database from `user_version` i to i + 1. Append, never edit: a database
 * already at a version has run that version's statements. A function is a step that also fills what it creates.
 */
const migrations: readonly (string | ((db: Database.Database) => void))[] = [
  `
  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,           -- upper-case: codes are matched case-insensitively
    json TEXT NOT NULL,              -- the Dossier as the API serves it
    updated_at INTEGER NOT NULL      -- epoch ms
  );
  CREATE TABLE dossier_sequences (   -- issued codes: one counter per receiving agency per day
    agency_id TEXT NOT NULL,
    day TEXT NOT NULL,               -- yyMMdd, Vietnam time
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (agency_id, day)
  );
  CREATE TABLE kiosks (
    id TEXT PRIMARY KEY,
    hardware_id TEXT NOT NULL UNIQUE,
    name TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at INTEGER NOT NULL
  );
  CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    expires_at INTEGER,              -- epoch ms; NULL never expires (the demo code)
    reusable INTEGER NOT NULL,       -- 0: consumed by its first enrollment
    used_at INTEGER
  );
  `,
  `
  CREATE TABLE feedback (            -- citizens' ratings (server/feedbackStore.ts)
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL,      -- SHA-256 of the body first sent with the key
    dossier_code TEXT NOT NULL,
    agency_id TEXT NOT NULL,         -- the dossier's agency when rated
    agency_name TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    rating TEXT NOT NULL,
    reason TEXT,
    indicators TEXT,                 -- JSON, or NULL
    received_at INTEGER NOT NULL     -- epoch ms
  );
  CREATE INDEX feedback_by_agency_time ON feedback (agency_id, received_at);
  `,
  catalogueMigration,
  fleetMigration,
  kioskCredentialsMigration,
  feedbackOncePerKioskMigration,
  // statsMigration before searchGapsMigration: the load bench's seeded databases (made before search gaps) stay current.
  statsMigration,
  searchGapsMigration,
];

export interface CentralStore {
  countDossiers(): number;
  findDossier(code: string): Dossier | undefined;
  /** Stores a new dossier; false when its code is taken. */
  insertDossier(dossier: Dossier, now: Date): boolean;
  updateDossier(dossier: Dossier, now: Date): void;
  /** The next sequence number of codes issued by `agencyId` on `day`, starting at 1. */
  nextDossierSequence(agencyId: string, day: string): number;
  addEnrollmentCode(code: { hash: string; expiresAt: Date | null; reusable: boolean; kioskId?: string }): void;
  /** Enrolment, tokens and revocation (server/kioskStore.ts). */
  kiosks: KioskStore;
  /** Citizens' ratings and the queries behind the on-time board. */
  feedback: FeedbackStore;
  /** The on-time board and the satisfaction summary, from totals kept with each write (server/statsStore.ts). */
  stats: StatsStore;
  /** The procedure catalogue as its change log (server/catalogueStore.ts). */
  catalogue: CatalogueStore;
  /** Kiosks' last heartbeats, for the fleet view (server/fleetStore.ts). */
  fleet: FleetStore;
  transaction<T>(work: () => T): T;
  /** The connection's journal mode and synchronous level as SQLite reports them (2 is FULL), for checks. */
  durability(): { journalMode: string; synchronous: number };
  close(): void;
}

/**
 * How commits reach the disk. FULL: every 2xx that promises a write (a rating's 201, an enrolment, a revocation) has
 * its WAL frame fsynced before the reply, so a power cut loses nothing acknowledged; WAL with NORMAL syncs only at
 * checkpoints and can lose the last commits. NORMAL is here only as the benchmark's baseline (bench/centralWrites.ts).
 */
export type Durability = 'FULL' | 'NORMAL';

/** Opens (creating or migrating) the store; without a file the data lives in memory until close. */
export function openCentralStore(file?: string, durability: Durability = 'FULL'): CentralStore {
  const db = new Database(file ?? ':memory:');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability}`);
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): a province's millions of dossiers keep their index pages in memory.
  db.pragma('cache_size = -65536');
  migrate(db);

  const selectDossier = db.prepare<[string], { json: string }>('SELECT json FROM dossiers WHERE code = ?');
  const insertDossier = db.prepare('INSERT INTO dossiers (code, json, updated_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING');
  const updateDossier = db.prepare<[string, number, string], { seq: number }>('UPDATE dossiers SET json = ?, updated_at = ? WHERE code = ? RETURNING rowid AS seq');
  const countDossiers = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM dossiers');
  const nextSequence = db.prepare<[string, string], { last_seq: number }>(
    `INSERT INTO dossier_sequences (agency_id, day, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  );
  const kiosks = createKioskStore(db);

  const key = (code: string) => code.toUpperCase();
  const stats = createStatsStore(db);

  return {
    countDossiers: () => countDossiers.get()?.n ?? 0,
    findDossier(code) {
      const row = selectDossier.get(key(code));
      // Parsed on the way out too: the file may have been edited by hand.
      return row ? Dossier.parse(JSON.parse(row.json)) : undefined;
    },
    // The board's totals change in the same transaction as the dossier.
    insertDossier: db.transaction((dossier: Dossier, now: Date) => {
      const inserted = insertDossier.run(key(dossier.code), JSON.stringify(dossier), now.getTime());
      if (inserted.changes === 1) stats.dossierStored(Number(inserted.lastInsertRowid), dossier);
      return inserted.changes === 1;
    }),
    updateDossier: db.transaction((dossier: Dossier, now: Date) => {
      const updated = updateDossier.get(JSON.stringify(dossier), now.getTime(), key(dossier.code));
      if (updated) stats.dossierStored(updated.seq, dossier);
    }),
    nextDossierSequence(agencyId, day) {
      const row = nextSequence.get(agencyId, day);
      if (!row) throw new Error('sequence upsert returned no row');
      return row.last_seq;
    },
    addEnrollmentCode: (code) => kiosks.addEnrollmentCode(code),
    kiosks,
    transaction: (work) => db.transaction(work)(),
    feedback: createFeedbackStore(db, stats),
    stats,
    durability: () => ({
      journalMode: db.pragma('journal_mode', { simple: true }) as string,
      synchronous: db.pragma('synchronous', { simple: true }) as number,
    }),
    catalogue: createCatalogueStore(db),
    fleet: createFleetStore(db),
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(`database schema version ${version} is newer than this server's (${migrations.length})`);
  }
  db.transaction(() => {
    for (const step of migrations.slice(version)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
