/** Browsing by touch: level → field or agency (with counts) → the procedures under it, a page at a time. */
import { useTranslation } from 'react-i18next';
import { Level } from '../../shared/api/catalogue';
import type { CatalogueFilters, KioskApi, ProcedureSummary } from '../../shared/contract/kiosk';
import type { CatalogueView, GroupBy } from './catalogueNav';
import { ChoiceButton, Loaded, Pager, pageSize } from './parts';
import { useLoad } from './useLoad';

type Catalogue = KioskApi['catalogue'];

/** Levels in the order citizens think of them; a level without procedures (cấp huyện after 2025) is not offered. */
export function LevelsView({
  catalogue,
  onLevel,
  onSearch,
}: {
  catalogue: Catalogue;
  onLevel: (level: Level) => void;
  onSearch: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const facets = useLoad('levels', () => catalogue.facets({ filters: {} }));
  return (
    <>
      <button type="button" className="button button--primary button--wide" onClick={onSearch}>
        <span className="list-label">{t('catalogue.search')}</span>
        <span className="list-detail">{t('catalogue.searchHint')}</span>
      </button>
      <h2>{t('catalogue.chooseLevel')}</h2>
      <Loaded load={facets}>
        {({ levels }) => {
          const offered = Level.options.flatMap((level) => levels.filter((l) => l.level === level && l.count > 0));
          return offered.length === 0 ? (
            <p className="lead">{t('catalogue.empty')}</p>
          ) : (
            <ul className="choice-list">
              {offered.map(({ level, count }) => (
                <ChoiceButton key={level} label={t(`catalogue.levels.${level}`)} detail={t('catalogue.count', { count })} onChoose={() => onLevel(level)} />
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}

/** The fields or agencies that have procedures at `level`, with their counts. */
export function GroupsView({
  catalogue,
  view,
  onChange,
  onGroup,
}: {
  catalogue: Catalogue;
  view: Extract<CatalogueView, { name: 'groups' }>;
  onChange: (by: GroupBy, page: number) => void;
  onGroup: (filters: CatalogueFilters, title: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const facets = useLoad(`groups:${view.level}`, () => catalogue.facets({ filters: { level: view.level } }));
  return (
    <>
      <h2>{t(`catalogue.levels.${view.level}`)}</h2>
      <div className="segmented" role="group">
        {(['field', 'agency'] as const).map((by) => (
          <button key={by} type="button" className="button button--chip" aria-pressed={view.by === by} onClick={() => onChange(by, 0)}>
            {t(by === 'field' ? 'catalogue.byField' : 'catalogue.byAgency')}
          </button>
        ))}
      </div>
      <Loaded load={facets}>
        {({ fields, agencies }) => {
          const groups = (view.by === 'field' ? fields : agencies).filter((group) => group.count > 0);
          if (groups.length === 0) return <p className="lead">{t('catalogue.empty')}</p>;
          return (
            <>
              <ul className="choice-list">
                {groups.slice(view.page * pageSize, (view.page + 1) * pageSize).map((group) => (
                  <ChoiceButton
                    key={group.id}
                    label={group.name}
                    detail={t('catalogue.count', { count: group.count })}
                    onChoose={() => onGroup({ level: view.level, [view.by]: group.id }, group.name)}
                  />
                ))}
              </ul>
              <Pager page={view.page} total={groups.length} onPage={(page) => onChange(view.by, page)} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/**
 * A field's or agency's procedures, a page at a time. A list longer than a page (a province's Thuế or Hải quan has
 * over a hundred) offers the search inside it: a few words typed narrow it faster than any paging, and most of
 * its names start with the same words ("Thủ tục ..."), so a jump by first letter would not.
 */
export function ProcedureListView({
  catalogue,
  view,
  onPage,
  onProcedure,
  onSearchWithin,
}: {
  catalogue: Catalogue;
  view: Extract<CatalogueView, { name: 'list' }>;
  onPage: (page: number) => void;
  onProcedure: (id: string) => void;
  onSearchWithin: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const request = { query: '', filters: view.filters, limit: pageSize, offset: view.page * pageSize };
  const results = useLoad(JSON.stringify(request), () => catalogue.search(request));
  return (
    <>
      <h2>{view.title}</h2>
      <Loaded load={results}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="lead">{t('catalogue.empty')}</p>
          ) : (
            <>
              {total > pageSize && (
                <button type="button" className="button button--primary button--wide" onClick={onSearchWithin} data-testid="search-within">
                  <span className="list-label">{t('catalogue.searchWithin', { title: view.title })}</span>
                  <span className="list-detail">{t('catalogue.searchWithinDetail')}</span>
                </button>
              )}
              <ProcedureList items={items} onProcedure={onProcedure} />
              <Pager page={view.page} total={total} onPage={onPage} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

export function ProcedureList({ items, onProcedure }: { items: readonly ProcedureSummary[]; onProcedure: (id: string) => void }): React.JSX.Element {
  return (
    <ul className="choice-list" data-testid="procedure-list">
      {items.map((item) => (
        <ChoiceButton key={item.id} label={item.name} detail={`${item.agencyName} · ${item.code}`} onChoose={() => onProcedure(item.id)} />
      ))}
    </ul>
  );
}
