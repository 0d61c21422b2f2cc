/**
 * The procedure catalogue: browse by level and field or agency, search, and read a procedure. Its own navigation
 * (a stack, so "back" is always one step) lives here; the kiosk's idle reset unmounts it and forgets everything.
 */
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../shared/contract/kiosk';
import { HomeButton } from '../components/HomeButton';
import { GroupsView, LevelsView, ProcedureListView } from './BrowseViews';
import { catalogueNavReducer, currentView, initialCatalogueNav, type CatalogueNav, type CatalogueNavAction } from './catalogueNav';
import { CatalogueStatusBar, useCatalogueStatus } from './CatalogueStatusBar';
import { ProcedurePage } from './ProcedurePage';
import { SearchView } from './SearchView';
import { useSearchGaps, type SearchGaps } from './useSearchGaps';
import './catalogue.css';

export function CatalogueScreen({ catalogue, onHome }: { catalogue: KioskApi['catalogue']; onHome: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [nav, dispatch] = useReducer(catalogueNavReducer, initialCatalogueNav);
  const status = useCatalogueStatus(catalogue);
  const atStart = nav.stack.length === 1;
  const gaps = useSearchGaps(catalogue.reportSearchGap);
  const searching = nav.stack.some((view) => view.name === 'search');
  const typed = nav.search.text.trim();
  // Closing the search, or clearing what was typed, leaves the search that was shown.
  useEffect(() => {
    if (!searching || typed === '') gaps.left();
  }, [gaps, searching, typed]);
  return (
    <section className="screen catalogue-screen" data-testid="catalogue-screen">
      <div className="catalogue-top">
        <h1>{t('procedures.title')}</h1>
        <CatalogueStatusBar status={status} />
      </div>
      {/* A completed sync reloads the view in place: the first sync may finish while the citizen is already here. */}
      <CatalogueBody key={status?.lastSyncAt ?? 'never'} catalogue={catalogue} nav={nav} dispatch={dispatch} gaps={gaps} />
      <div className="actions">
        {!atStart && (
          <button type="button" className="button" onClick={() => dispatch({ type: 'back' })}>
            {t('catalogue.back')}
          </button>
        )}
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}

function CatalogueBody({
  catalogue,
  nav,
  dispatch,
  gaps,
}: {
  catalogue: KioskApi['catalogue'];
  nav: CatalogueNav;
  dispatch: (action: CatalogueNavAction) => void;
  gaps: SearchGaps;
}): React.JSX.Element {
  const view = currentView(nav);
  const openProcedure = (id: string) => dispatch({ type: 'open', view: { name: 'procedure', id } });
  switch (view.name) {
    case 'levels':
      return (
        <LevelsView
          catalogue={catalogue}
          onLevel={(level) => dispatch({ type: 'open', view: { name: 'groups', level, by: 'field', page: 0 } })}
          onSearch={() => {
            // A search left inside a field is not the one asked for from the start.
            if (nav.search.within !== null) dispatch({ type: 'search', draft: { filters: {}, within: null } });
            dispatch({ type: 'open', view: { name: 'search', page: 0 } });
          }}
        />
      );
    case 'groups':
      return (
        <GroupsView
          catalogue={catalogue}
          view={view}
          onChange={(by, page) => dispatch({ type: 'replace', view: { ...view, by, page } })}
          onGroup={(filters, title) => dispatch({ type: 'open', view: { name: 'list', filters, title, page: 0 } })}
        />
      );
    case 'list':
      return (
        <ProcedureListView
          catalogue={catalogue}
          view={view}
          onPage={(page) => dispatch({ type: 'replace', view: { ...view, page } })}
          onProcedure={openProcedure}
          onSearchWithin={() => {
            dispatch({ type: 'search', draft: { text: '', filters: view.filters, within: view.title } });
            dispatch({ type: 'open', view: { name: 'search', page: 0 } });
          }}
        />
      );
    case 'search':
      return (
        <SearchView
          catalogue={catalogue}
          draft={nav.search}
          page={view.page}
          onDraft={(draft) => dispatch({ type: 'search', draft })}
          onPage={(page) => dispatch({ type: 'replace', view: { ...view, page } })}
          onResults={gaps.shown}
          onProcedure={(id) => {
            gaps.opened();
            openProcedure(id);
          }}
        />
      );
    case 'procedure':
      return <ProcedurePage key={view.id} catalogue={catalogue} id={view.id} />;
  }
}
