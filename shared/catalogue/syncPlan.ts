/**
 * What a catalogue sync does, decided without I/O: where to start from the stored state, and what of a page from
 * the server may be written. A page that is not the API's is rejected whole; a record in it that its schema refuses
 * (past a limit, a field missing) is reported and skipped, and the rest of the page is kept: one oversize procedure
 * of a real catalogue must not cost a kiosk the two hundred beside it. The cache keeps the skipped record's
 * previous version, if it had one, until the server sends a valid one.
 */
import {
  CatalogueChangesPage,
  MAX_RECORD_BYTES,
  catalogueRecordSchemas,
  type Agency,
  type CatalogueRecordType,
  type EverydayName,
  type Field,
  type Location,
  type Procedure,
} from '../api/catalogue';

export interface StoredSyncState {
  /** Cursor of the complete catalogue in the cache; null when the cache is empty. */
  cursor: string | null;
  /** An incremental sync cut off before it finished: the cursor it started from and the last page it staged. */
  staged: { from: string; cursor: string } | null;
}

export type SyncPlan =
  /** Nothing usable in the cache: fetch everything from the beginning into a new catalogue. */
  | { kind: 'full' }
  /** Fetch the changes since `since`; `keepStaged` when they continue pages already staged. */
  | { kind: 'incremental'; since: string; keepStaged: boolean };

export function planSync(state: StoredSyncState): SyncPlan {
  if (state.cursor === null) return { kind: 'full' };
  // Staged pages are only worth keeping if they were fetched from the catalogue the cache still holds.
  if (state.staged && state.staged.from === state.cursor) return { kind: 'incremental', since: state.staged.cursor, keepStaged: true };
  return { kind: 'incremental', since: state.cursor, keepStaged: false };
}

export type CatalogueRecord =
  | { type: 'agency'; data: Agency }
  | { type: 'field'; data: Field }
  | { type: 'procedure'; data: Procedure }
  | { type: 'location'; data: Location }
  | { type: 'everydayName'; data: EverydayName };

export type ValidChange = { op: 'upsert'; id: string; record: CatalogueRecord } | { op: 'delete'; type: CatalogueRecordType; id: string };

/** A record of a page that was not written: which change, and why, never its content. */
export interface RefusedRecord {
  /** Position of the change in its page. */
  index: number;
  type: CatalogueRecordType;
  id: string;
  reason: string;
}

export interface ValidPage {
  changes: ValidChange[];
  /** Records skipped; empty for a page whose every record is valid. */
  refused: RefusedRecord[];
  cursor: string;
  hasMore: boolean;
}

export type PageCheck = { ok: true; page: ValidPage } | { ok: false; reason: string };

/** The record checked as the kiosk writes it, or why it may not be written: the size limit, its schema, its id. */
export function recordProblem(type: CatalogueRecordType, id: string, data: unknown): { problem: string } | { record: CatalogueRecord } {
  const json = JSON.stringify(data ?? null);
  // A UTF-16 unit is at most 3 bytes of UTF-8: a record far below the limit needs no counting.
  if (json.length * 3 > MAX_RECORD_BYTES) {
    const bytes = utf8Length(json);
    if (bytes > MAX_RECORD_BYTES) return { problem: `is ${bytes} bytes, over ${MAX_RECORD_BYTES}` };
  }
  const parsed = catalogueRecordSchemas[type].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The issue's path and zod's message (what was expected, never the value).
    return { problem: `is not a valid record at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  if (parsed.data.id !== id) return { problem: 'carries a record with another id' };
  return { record: { type, data: parsed.data } as CatalogueRecord };
}

/**
 * Reasons name the change's position and type, never its content (a record could quote anything). A caller that
 * checks a page in slices passes the slice's first position, so positions stay those of the page.
 */
export function checkChangesPage(body: unknown, firstIndex = 0): PageCheck {
  const parsed = CatalogueChangesPage.safeParse(body);
  if (!parsed.success) return { ok: false, reason: `page does not match the API (${parsed.error.issues[0]?.path.join('.') ?? ''})` };
  const changes: ValidChange[] = [];
  const refused: RefusedRecord[] = [];
  for (const [offset, change] of parsed.data.changes.entries()) {
    const index = firstIndex + offset;
    if (change.op === 'delete') {
      changes.push({ op: 'delete', type: change.type, id: change.id });
      continue;
    }
    const checked = recordProblem(change.type, change.id, change.data);
    if ('problem' in checked) refused.push({ index, type: change.type, id: change.id, reason: `change ${index} (${change.type}) ${checked.problem}` });
    else changes.push({ op: 'upsert', id: change.id, record: checked.record });
  }
  return { ok: true, page: { changes, refused, cursor: parsed.data.cursor, hasMore: parsed.data.hasMore } };
}

/** Bytes of the text in UTF-8, without Node's Buffer or the DOM's TextEncoder (shared/ runs on both). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}
