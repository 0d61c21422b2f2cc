/**
 * The change feed's query: `since` (the cursor of the last page a kiosk applied, absent on its first sync) and
 * `limit`. A cursor is the last sequence served, written as an opaque string; kiosks store it and send it back.
 */
import { DEFAULT_CHANGES_PAGE, MAX_CHANGES_PAGE } from '../shared/api/catalogue';
import type { CatalogueChangeRow } from './catalogueStore';

/** The cursor after the change with this sequence; `s0` is the start, before any change. */
export const encodeCursor = (sequence: number): string => `s${sequence}`;

export type ChangesQuery = { ok: true; after: number; limit: number } | { ok: false; message: string };

/**
 * Reads `since` and `limit`. A cursor past `lastSequence` was not issued by this database (it was reset or
 * replaced): refusing it tells the kiosk to sync again from the start instead of waiting forever for changes.
 */
export function parseChangesQuery(query: { since?: string | undefined; limit?: string | undefined }, lastSequence: number): ChangesQuery {
  let limit = DEFAULT_CHANGES_PAGE;
  if (query.limit !== undefined) {
    if (!/^\d{1,6}$/.test(query.limit) || Number(query.limit) < 1 || Number(query.limit) > MAX_CHANGES_PAGE) {
      return { ok: false, message: `limit must be a whole number from 1 to ${MAX_CHANGES_PAGE}.` };
    }
    limit = Number(query.limit);
  }
  if (query.since === undefined) return { ok: true, after: 0, limit };
  const sequence = /^s(0|[1-9]\d{0,14})$/.exec(query.since)?.[1];
  if (sequence === undefined) return { ok: false, message: 'since is not a cursor this server issued; sync again without it.' };
  if (Number(sequence) > lastSequence) {
    return { ok: false, message: 'since is ahead of this server\'s catalogue (its data was reset); sync again without it.' };
  }
  return { ok: true, after: Number(sequence), limit };
}

/**
 * The page as JSON text (a CatalogueChangesPage), with each record's stored JSON spliced in: parsing and
 * re-serialising a page of 500 procedures would cost more than the rest of the request.
 */
export function changesPageJson(rows: readonly CatalogueChangeRow[], cursor: string, hasMore: boolean): string {
  const changes = rows.map(({ type, id, op, json }) => {
    const head = `{"op":${JSON.stringify(op)},"type":${JSON.stringify(type)},"id":${JSON.stringify(id)}`;
    return op === 'upsert' ? `${head},"data":${json ?? 'null'}}` : `${head}}`;
  });
  return `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore}}`;
}
