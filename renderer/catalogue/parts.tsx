/** Small pieces every catalogue view uses: page turning, load states, and counts. */
import { useTranslation } from 'react-i18next';
import type { Load } from './useLoad';

/** Items per page: pages rather than long scrolling lists, so nothing is hidden below the fold. */
export const pageSize = 8;

export function pageCount(total: number, size = pageSize): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Past this many pages the pager offers the first and the last page too: a long field is paged by touch alone. */
const pagesBeforeEnds = 3;

/** Previous / next with "page x of y" (and first / last for long lists); nothing when everything fits on one page. */
export function Pager({
  page,
  total,
  size = pageSize,
  onPage,
}: {
  page: number;
  total: number;
  size?: number;
  onPage: (page: number) => void;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const pages = pageCount(total, size);
  if (pages <= 1) return null;
  const ends = pages > pagesBeforeEnds;
  return (
    <nav className="pager" aria-label={t('catalogue.page', { page: page + 1, pages })}>
      {ends && (
        <button type="button" className="button" disabled={page === 0} onClick={() => onPage(0)}>
          {t('catalogue.first')}
        </button>
      )}
      <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('catalogue.previous')}
      </button>
      <span className="pager-position">{t('catalogue.page', { page: page + 1, pages })}</span>
      <button type="button" className="button button--primary" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {t('catalogue.next')}
      </button>
      {ends && (
        <button type="button" className="button" disabled={page >= pages - 1} onClick={() => onPage(pages - 1)}>
          {t('catalogue.last')}
        </button>
      )}
    </nav>
  );
}

/** Renders `children` with the loaded value, else the loading text or the failure with its retry. */
export function Loaded<T>({ load, children }: { load: Load<T>; children: (value: T) => React.JSX.Element }): React.JSX.Element {
  const { t } = useTranslation();
  if (load.state === 'loaded') return children(load.value);
  if (load.state === 'loading') {
    return (
      <p className="lead" role="status">
        {t('catalogue.loading')}
      </p>
    );
  }
  return (
    <div className="catalogue-failed">
      <p className="inline-error" role="alert">
        {t('catalogue.loadFailed')}
      </p>
      <button type="button" className="button" onClick={load.retry}>
        {t('catalogue.retry')}
      </button>
    </div>
  );
}

/** A large list button: the name, and a count or detail line under it. */
export function ChoiceButton({ label, detail, onChoose }: { label: string; detail: string; onChoose: () => void }): React.JSX.Element {
  return (
    <li>
      <button type="button" className="button button--list" onClick={onChoose}>
        <span className="list-label">{label}</span>
        <span className="list-detail">{detail}</span>
      </button>
    </li>
  );
}
