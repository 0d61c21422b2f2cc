/**
 * The search gaps the kiosk has seen since its last accepted heartbeat (shared/catalogue/searchGaps.ts): each
 * query that looks like a person's data is dropped on arrival, the rest counted by normalised text and outcome.
 * In memory only, never logged, never on disk: a restart loses a few counts, which is cheaper than keeping what
 * citizens typed. Bounded: past MAX_SEARCH_GAPS distinct queries a new one is not kept until a heartbeat delivers.
 */
import { MAX_SEARCH_GAPS, type SearchGap } from '../../../shared/api/fleet';
import { searchGapQuery, type SearchGapOutcome } from '../../../shared/catalogue/searchGaps';

const MAX_COUNT = 1_000_000;

export interface SearchGapCounter {
  /** Counts one search; false when it was dropped (a person's data, nothing to count, or no room left). */
  count(query: string, outcome: SearchGapOutcome): boolean;
  /** What the next heartbeat carries: every gap counted and not yet delivered. */
  pending(): SearchGap[];
  /** A heartbeat carrying `gaps` was accepted: their counts go, what was counted meanwhile stays. */
  delivered(gaps: readonly SearchGap[]): void;
}

export function createSearchGapCounter(maxEntries = MAX_SEARCH_GAPS): SearchGapCounter {
  const counts = new Map<string, SearchGap>();
  const keyOf = (query: string, outcome: SearchGapOutcome) => `${outcome} ${query}`;
  return {
    count(text, outcome) {
      const query = searchGapQuery(text);
      if (query === null) return false;
      const key = keyOf(query, outcome);
      const gap = counts.get(key);
      if (gap !== undefined) {
        gap.count = Math.min(MAX_COUNT, gap.count + 1);
        return true;
      }
      if (counts.size >= maxEntries) return false;
      counts.set(key, { query, outcome, count: 1 });
      return true;
    },
    pending: () => [...counts.values()].map((gap) => ({ ...gap })),
    delivered(gaps) {
      for (const sent of gaps) {
        const key = keyOf(sent.query, sent.outcome);
        const gap = counts.get(key);
        if (gap === undefined) continue;
        gap.count -= sent.count;
        if (gap.count <= 0) counts.delete(key);
      }
    },
  };
}
