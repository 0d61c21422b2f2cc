/**
 * Search as the citizen types on the on-screen keyboard: results follow the text (after a short pause, so each
 * key does not cost a query), narrowed by level, field, agency and "can be filed online". No native input: the
 * text is shown read-only and composed in Telex or VNI by `typeKey`.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Level } from '../../shared/api/catalogue';
import type { CatalogueFilters, KioskApi } from '../../shared/contract/kiosk';
import { typeKey } from '../input/telex';
import { keyboardButtons, VietKeyboard } from '../input/VietKeyboard';
import { ProcedureList } from './BrowseViews';
import type { SearchDraft } from './catalogueNav';
import { Loaded, Pager } from './parts';
import { useLoad } from './useLoad';

/** Long enough to skip the keys of a word typed quickly, short enough to feel immediate. */
const typingPauseMs = 150;
/** Fewer than the browse pages: the keyboard takes half the screen (or its right half, in landscape). */
const resultsPerPage = 4;

export function SearchView({
  catalogue,
  draft,
  page,
  onDraft,
  onPage,
  onResults,
  onProcedure,
}: {
  catalogue: KioskApi['catalogue'];
  draft: SearchDraft;
  page: number;
  onDraft: (draft: Partial<SearchDraft>) => void;
  onPage: (page: number) => void;
  /** The results of `query` are on screen, `total` of them (for the search gaps: useSearchGaps.ts). */
  onResults: (query: string, total: number) => void;
  onProcedure: (id: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const query = draft.text.trim();
  const filtered = Object.values(draft.filters).some((value) => value !== undefined && value !== false);

  const onKey = (key: string) => {
    if (key === keyboardButtons.backspace) onDraft({ text: [...draft.text].slice(0, -1).join('') });
    else if (key === keyboardButtons.clear) onDraft({ text: '' });
    else onDraft({ text: typeKey(draft.text, key, draft.mode) });
  };

  return (
    <div className="search-view">
      <div className="search-bar">
        <div className="keypad-display search-display" role="status" aria-label={t('catalogue.typed')} data-testid="search-display">
          {draft.text === '' ? <span className="keypad-placeholder">{t('catalogue.nothingTyped')}</span> : draft.text}
        </div>
        <button type="button" className="button" aria-expanded={filtersOpen} onClick={() => setFiltersOpen((open) => !open)}>
          {t('catalogue.filters')}
        </button>
      </div>
      {/* The one part that scrolls: the typed text and the keyboard stay in view (catalogue.css). */}
      <div className="search-pane">
        {draft.within !== null && !filtersOpen && (
          <div className="search-within">
            <p>{t('catalogue.within', { title: draft.within })}</p>
            <button type="button" className="button button--chip" onClick={() => onDraft({ filters: {}, within: null })}>
              {t('catalogue.searchEverywhere')}
            </button>
          </div>
        )}
        {filtersOpen ? (
          <FilterPanel catalogue={catalogue} filters={draft.filters} onFilters={(filters) => onDraft({ filters, within: null })} />
        ) : query === '' && !filtered ? (
          <p className="lead">{t('catalogue.searchHint')}</p>
        ) : (
          <SearchResults
            catalogue={catalogue}
            query={query}
            filters={draft.filters}
            page={page}
            onPage={onPage}
            onResults={onResults}
            onProcedure={onProcedure}
            onSuggestion={(text) => onDraft({ text })}
            onClearFilters={filtered ? () => onDraft({ filters: {}, within: null }) : null}
          />
        )}
      </div>
      <VietKeyboard mode={draft.mode} onModeChange={(mode) => onDraft({ mode })} onKey={onKey} />
    </div>
  );
}

function SearchResults({
  catalogue,
  query,
  filters,
  page,
  onPage,
  onResults,
  onProcedure,
  onSuggestion,
  onClearFilters,
}: {
  catalogue: KioskApi['catalogue'];
  query: string;
  filters: CatalogueFilters;
  page: number;
  onPage: (page: number) => void;
  onResults: (query: string, total: number) => void;
  onProcedure: (id: string) => void;
  onSuggestion: (text: string) => void;
  onClearFilters: (() => void) | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const request = { query, filters, limit: resultsPerPage, offset: page * resultsPerPage };
  const results = useLoad(JSON.stringify(request), () => catalogue.search(request), typingPauseMs);
  // While the next results load, the last ones stay: the list does not blink at every key.
  const shown = results.state === 'loading' && results.previous !== null ? { state: 'loaded' as const, value: results.previous } : results;
  const loadedTotal = results.state === 'loaded' ? results.value.total : null;
  useEffect(() => {
    if (loadedTotal !== null) onResults(query, loadedTotal);
  }, [onResults, query, loadedTotal]);
  return (
    <Loaded load={shown}>
      {({ items, total }) =>
        items.length === 0 ? (
          <div className="no-results" data-testid="no-results">
            <p className="lead">{t('catalogue.noResults', { query })}</p>
            <p>{t('catalogue.suggestionsIntro')}</p>
            <div className="chips">
              {t('catalogue.suggestions')
                .split('|')
                .map((suggestion) => (
                  <button key={suggestion} type="button" className="button button--chip" onClick={() => onSuggestion(suggestion)}>
                    {suggestion}
                  </button>
                ))}
              {onClearFilters !== null && (
                <button type="button" className="button button--chip" onClick={onClearFilters}>
                  {t('catalogue.clearFilters')}
                </button>
              )}
            </div>
          </div>
        ) : (
          <div className="search-results">
            <p>{t('catalogue.results', { count: total })}</p>
            <ProcedureList items={items} onProcedure={onProcedure} />
            <Pager page={page} total={total} size={resultsPerPage} onPage={onPage} />
          </div>
        )
      }
    </Loaded>
  );
}

/** Each filter as toggle chips, offering only what has procedures under the other filters chosen. */
function FilterPanel({
  catalogue,
  filters,
  onFilters,
}: {
  catalogue: KioskApi['catalogue'];
  filters: CatalogueFilters;
  onFilters: (filters: CatalogueFilters) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const facets = useLoad(JSON.stringify(filters), () => catalogue.facets({ filters }));
  const toggle = <K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]) =>
    onFilters({ ...filters, [key]: filters[key] === value ? undefined : value });
  const chip = (key: string, label: string, pressed: boolean, onPress: () => void) => (
    <button key={key} type="button" className="button button--chip" aria-pressed={pressed} onClick={onPress}>
      {label}
    </button>
  );
  return (
    <div className="filter-panel" data-testid="filter-panel">
      <Loaded load={facets}>
        {({ levels, fields, agencies }) => (
          <>
            <h3>{t('catalogue.filterLevel')}</h3>
            <div className="chips">
              {Level.options
                .filter((level) => filters.level === level || levels.some((l) => l.level === level && l.count > 0))
                .map((level) => chip(level, t(`catalogue.levels.${level}`), filters.level === level, () => toggle('level', level)))}
              {chip('online', t('catalogue.filterOnline'), filters.online === true, () => toggle('online', true))}
            </div>
            <h3>{t('catalogue.filterField')}</h3>
            <div className="chips">
              {fields
                .filter((f) => f.count > 0 || f.id === filters.field)
                .map((f) => chip(f.id, f.name, filters.field === f.id, () => toggle('field', f.id)))}
            </div>
            <h3>{t('catalogue.filterAgency')}</h3>
            <div className="chips">
              {agencies
                .filter((a) => a.count > 0 || a.id === filters.agency)
                .map((a) => chip(a.id, a.name, filters.agency === a.id, () => toggle('agency', a.id)))}
            </div>
          </>
        )}
      </Loaded>
    </div>
  );
}
