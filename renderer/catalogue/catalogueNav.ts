/**
 * Where the citizen is in the catalogue, as a pure reducer: a stack of views (back pops one), and the search
 * being typed, kept apart from the stack so that going back from a procedure finds the search as it was left.
 */
import type { Level } from '../../shared/api/catalogue';
import type { CatalogueFilters } from '../../shared/contract/kiosk';
import type { InputMode } from '../input/telex';

export type GroupBy = 'field' | 'agency';

export type CatalogueView =
  | { name: 'levels' }
  | { name: 'groups'; level: Level; by: GroupBy; page: number }
  /** `title`: the chosen field's or agency's name, shown above its procedures. */
  | { name: 'list'; filters: CatalogueFilters; title: string; page: number }
  | { name: 'search'; page: number }
  | { name: 'procedure'; id: string };

export interface SearchDraft {
  text: string;
  mode: InputMode;
  filters: CatalogueFilters;
  /** The field's or agency's name when the search was opened from its list, to search inside it; else null. */
  within: string | null;
}

export interface CatalogueNav {
  /** Never empty: the bottom is the level choice. */
  stack: readonly CatalogueView[];
  search: SearchDraft;
}

export type CatalogueNavAction =
  | { type: 'open'; view: CatalogueView }
  /** Changes the current view in place (a page turn, another grouping): back does not revisit it. */
  | { type: 'replace'; view: CatalogueView }
  | { type: 'back' }
  | { type: 'search'; draft: Partial<SearchDraft> };

export const initialCatalogueNav: CatalogueNav = {
  stack: [{ name: 'levels' }],
  search: { text: '', mode: 'telex', filters: {}, within: null },
};

export function catalogueNavReducer(nav: CatalogueNav, action: CatalogueNavAction): CatalogueNav {
  switch (action.type) {
    case 'open':
      return { ...nav, stack: [...nav.stack, action.view] };
    case 'replace':
      return { ...nav, stack: [...nav.stack.slice(0, -1), action.view] };
    case 'back':
      return nav.stack.length > 1 ? { ...nav, stack: nav.stack.slice(0, -1) } : nav;
    case 'search': {
      const search = { ...nav.search, ...action.draft };
      // New text or filters start the results from their first page.
      const top = nav.stack.at(-1);
      const stack = top?.name === 'search' && top.page !== 0 ? [...nav.stack.slice(0, -1), { ...top, page: 0 }] : nav.stack;
      return { stack, search };
    }
  }
}

export function currentView(nav: CatalogueNav): CatalogueView {
  return nav.stack.at(-1) ?? { name: 'levels' };
}
