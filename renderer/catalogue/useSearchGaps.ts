/**
 * Which searches found nothing useful, as the citizen leaves them: a query is reported when the citizen leaves it
 * without a procedure opened from it (`noResult` when it found nothing, `openedNothing` when it found procedures):
 * another query that does not go on from it (a suggestion, new words), the text cleared, the search closed, the
 * catalogue left or reset by the idle timeout. Each key typed shows results too, so a query on the way to a longer
 * one (typing on) or back from it (deleting letters) is the same search: only the longest counts, never the
 * letters on the way. The core drops anything that looks like a person's data (shared/catalogue/searchGaps.ts).
 */
import { useEffect, useState } from 'react';
import type { SearchGapOutcome } from '../../shared/catalogue/searchGaps';
import type { KioskApi } from '../../shared/contract/kiosk';

interface ShownSearch {
  query: string;
  total: number;
  opened: boolean;
}

export interface SearchGaps {
  /** A search's results are on screen. */
  shown(query: string, total: number): void;
  /** A procedure was opened from the results shown. */
  opened(): void;
  /** The search was left: report what it showed, unless something was opened from it. */
  left(): void;
}

/** The tracker itself, without React: one per catalogue screen. */
export function createSearchGaps(report: KioskApi['catalogue']['reportSearchGap']): SearchGaps {
  let shown: ShownSearch | null = null;
  const gaps: SearchGaps = {
    shown(query, total) {
      if (shown !== null && shown.query === query) shown.total = total;
      else if (shown !== null && shown.query.startsWith(query)) return; // deleting letters: still the longer search
      else {
        if (shown !== null && !query.startsWith(shown.query)) gaps.left(); // not typing on: a new search
        shown = { query, total, opened: false };
      }
    },
    opened() {
      if (shown !== null) shown.opened = true;
    },
    left() {
      const last = shown;
      shown = null;
      if (last === null || last.opened || last.query === '') return;
      const outcome: SearchGapOutcome = last.total === 0 ? 'noResult' : 'openedNothing';
      // Counting is best effort: a lost report costs one count, never the citizen's screen.
      report({ query: last.query, outcome }).catch(() => undefined);
    },
  };
  return gaps;
}

export function useSearchGaps(report: KioskApi['catalogue']['reportSearchGap']): SearchGaps {
  const [gaps] = useState(() => createSearchGaps(report));
  // Unmounted: the citizen went home, or the idle reset took the screen away.
  useEffect(() => () => gaps.left(), [gaps]);
  return gaps;
}
