/**
 * The reference server's ratings table (created by centralStore's migrations): each Idempotency-Key is stored once,
 * with a hash of the request it came with, so a repeat gets the first answer and a reused key with another body is
 * caught. Each new rating is added to the summary's totals (server/statsStore.ts) in the same transaction.
 */
import type Database from 'better-sqlite3';
import { type FeedbackRecord, Indicators, Rating } from '../shared/api/feedback';
import type { StatsStore } from './statsStore';
import { toVietnamIso } from './vietnamTime';

export interface NewFeedback {
  id: string;
  idempotencyKey: string;
  requestHash: string;
  record: Omit<FeedbackRecord, 'id' | 'receivedAt'>;
  receivedAt: Date;
}

/** Finds a kiosk's earlier rating of a dossier (at most one is kept: a repeat is refused, ALREADY_RATED). */
export const feedbackOncePerKioskMigration = `
  CREATE INDEX feedback_by_dossier_kiosk ON feedback (dossier_code, kiosk_id);
`;

export interface StoredFeedback {
  record: FeedbackRecord;
  requestHash: string;
  /** False when the key was already stored: `record` is the first rating sent with it. */
  inserted: boolean;
}

/** A new key for a dossier this kiosk has already rated: nothing stored, `record` is the earlier rating. */
export interface AlreadyRated {
  alreadyRated: FeedbackRecord;
}

export interface FeedbackListFilter {
  agencyId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export interface FeedbackStore {
  /**
   * Stores the rating unless its idempotency key is known (then returns what the key holds), or unless the kiosk
   * has already rated this dossier under another key (then stores nothing: at most one rating per dossier per kiosk).
   */
  insertOnce(feedback: NewFeedback): StoredFeedback | AlreadyRated;
  list(filter: FeedbackListFilter): { items: FeedbackRecord[]; total: number };
}

interface FeedbackRow {
  id: string;
  request_hash: string;
  dossier_code: string;
  agency_id: string;
  agency_name: string;
  kiosk_id: string;
  rating: string;
  reason: string | null;
  indicators: string | null;
  received_at: number;
}

const parseIndicators = (json: string | null): Indicators | null => (json === null ? null : Indicators.parse(JSON.parse(json)));

const toRecord = (row: FeedbackRow): FeedbackRecord => ({
  id: row.id,
  dossierCode: row.dossier_code,
  agency: { id: row.agency_id, name: row.agency_name },
  rating: Rating.parse(row.rating),
  reason: row.reason,
  indicators: parseIndicators(row.indicators),
  kioskId: row.kiosk_id,
  receivedAt: toVietnamIso(new Date(row.received_at)),
});

export function createFeedbackStore(db: Database.Database, stats: StatsStore): FeedbackStore {
  const insert = db.prepare(
    `INSERT INTO feedback (id, idempotency_key, request_hash, dossier_code, agency_id, agency_name, kiosk_id, rating, reason, indicators, received_at)
     VALUES (@id, @key, @requestHash, @dossierCode, @agencyId, @agencyName, @kioskId, @rating, @reason, @indicators, @receivedAt)
     ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const byKey = db.prepare<[string], FeedbackRow>('SELECT * FROM feedback WHERE idempotency_key = ?');
  const byDossierKiosk = db.prepare<[string, string], FeedbackRow>('SELECT * FROM feedback WHERE dossier_code = ? AND kiosk_id = ? LIMIT 1');
  const where = `WHERE (@agencyId IS NULL OR agency_id = @agencyId) AND (@from IS NULL OR received_at >= @from) AND (@to IS NULL OR received_at < @to)`;
  const page = db.prepare<Record<string, unknown>, FeedbackRow>(`SELECT * FROM feedback ${where} ORDER BY received_at DESC, id LIMIT @limit OFFSET @offset`);
  const count = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM feedback ${where}`);

  return {
    insertOnce: db.transaction((feedback: NewFeedback): StoredFeedback | AlreadyRated => {
      const { record } = feedback;
      const known = byKey.get(feedback.idempotencyKey);
      if (known) return { record: toRecord(known), requestHash: known.request_hash, inserted: false };
      const earlier = byDossierKiosk.get(record.dossierCode, record.kioskId);
      if (earlier) return { alreadyRated: toRecord(earlier) };
      const inserted = insert.run({
        id: feedback.id,
        key: feedback.idempotencyKey,
        requestHash: feedback.requestHash,
        dossierCode: record.dossierCode,
        agencyId: record.agency.id,
        agencyName: record.agency.name,
        kioskId: record.kioskId,
        rating: record.rating,
        reason: record.reason,
        indicators: record.indicators === null ? null : JSON.stringify(record.indicators),
        receivedAt: feedback.receivedAt.getTime(),
      });
      if (inserted.changes === 1) {
        const fact = { agency: record.agency, rating: record.rating, indicators: record.indicators, receivedAt: feedback.receivedAt };
        stats.ratingStored(Number(inserted.lastInsertRowid), fact);
      }
      const row = byKey.get(feedback.idempotencyKey);
      if (!row) throw new Error('feedback insert left no row');
      return { record: toRecord(row), requestHash: row.request_hash, inserted: inserted.changes === 1 };
    }),
    list(filter) {
      const params = { agencyId: filter.agencyId ?? null, from: filter.from?.getTime() ?? null, to: filter.to?.getTime() ?? null };
      return {
        items: page.all({ ...params, limit: filter.limit, offset: filter.offset }).map(toRecord),
        total: count.get(params)?.n ?? 0,
      };
    },
  };
}
