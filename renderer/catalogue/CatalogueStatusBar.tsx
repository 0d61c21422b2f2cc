/** When the local catalogue was last synced, and a badge while the central server cannot be reached. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueStatus, KioskApi } from '../../shared/contract/kiosk';
import { formatDateTime } from '../format/dateTime';
import { languageOf } from '../i18n';

/** The status from catalogue:status, then every change the core pushes; null until the first answer. */
export function useCatalogueStatus(catalogue: KioskApi['catalogue']): CatalogueStatus | null {
  const [status, setStatus] = useState<CatalogueStatus | null>(null);
  useEffect(() => {
    let pushed = false;
    const unsubscribe = catalogue.onStatus((next) => {
      pushed = true;
      setStatus(next);
    });
    catalogue.status().then(
      (first) => {
        // A pushed status is newer than the answer to a request sent before it.
        if (!pushed) setStatus(first);
      },
      () => undefined, // no bar rather than a wrong one; the views report their own load failures
    );
    return unsubscribe;
  }, [catalogue]);
  return status;
}

export function CatalogueStatusBar({ status }: { status: CatalogueStatus | null }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  if (status === null) return null;
  return (
    <div className="catalogue-status" data-testid="catalogue-status">
      {!status.online && (
        <span className="offline-badge" role="status" data-testid="offline-badge">
          {t('catalogue.offline')}
        </span>
      )}
      <span className="updated-at">
        {status.lastSyncAt === null
          ? t('catalogue.neverUpdated')
          : t('catalogue.updatedAt', { time: formatDateTime(status.lastSyncAt, languageOf(i18n)) })}
      </span>
    </div>
  );
}
