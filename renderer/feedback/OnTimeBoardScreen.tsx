/**
 * The on-time board: per agency, one bar of the period's dossiers split into resolved on time, resolved late,
 * pending on time and overdue, and one bar of the satisfaction share. Shows when the figures were taken, and says
 * so when they come from the kiosk's cache because the server is out of reach.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statsPeriods, type AgencyOnTime, type StatsPeriod } from '../../shared/api/feedback';
import type { KioskApi } from '../../shared/contract/kiosk';
import { HomeButton } from '../components/HomeButton';
import { formatDateTime } from '../format/dateTime';
import { formatPercent } from '../format/number';
import { languageOf } from '../i18n';
import { useOnTimeBoard } from './useOnTimeBoard';
import './feedback.css';

export const boardSegments = ['resolvedOnTime', 'resolvedLate', 'pendingOnTime', 'pendingOverdue'] as const satisfies readonly (keyof AgencyOnTime)[];

export function OnTimeBoardScreen({ stats, onHome }: { stats: KioskApi['stats']; onHome: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n);
  const [period, setPeriod] = useState<StatsPeriod>('month');
  const load = useOnTimeBoard(stats, period);

  return (
    <section className="screen board-screen" data-testid="on-time-board" data-load={load.name}>
      <h1>{t('board.title')}</h1>
      <div className="board-periods" role="group" aria-label={t('board.period')}>
        {statsPeriods.map((kind) => (
          <button key={kind} type="button" className="button board-period" aria-pressed={kind === period} onClick={() => setPeriod(kind)}>
            {t(`board.periods.${kind}`)}
          </button>
        ))}
      </div>

      {load.name === 'loading' && <p role="status">{t('board.loading')}</p>}
      {load.name === 'failed' && <p role="alert">{t('board.failed')}</p>}
      {load.name === 'loaded' && load.view.board === null && <p role="alert">{t('board.noData')}</p>}
      {load.name === 'loaded' && load.view.board !== null && (
        <>
          <p className="board-date" data-testid="board-date">
            {t('board.asOf', { period: load.view.board.period.label, time: formatDateTime(load.view.fetchedAt ?? load.view.board.generatedAt, language) })}
          </p>
          {load.view.stale && (
            <p className="board-stale" role="status" data-testid="board-stale">
              {t('board.stale')}
            </p>
          )}
          <ul className="board-legend" aria-hidden="true">
            {boardSegments.map((segment) => (
              <li key={segment} className={`board-legend__item board-segment--${segment}`}>
                {t(`board.segments.${segment}`)}
              </li>
            ))}
          </ul>
          {load.view.board.agencies.length === 0 ? (
            <p data-testid="board-empty">{t('board.empty')}</p>
          ) : (
            <ol className="board-agencies">
              {load.view.board.agencies.map((row) => (
                <li key={row.agency.id} className="board-agency" data-agency={row.agency.id}>
                  <h2 className="board-agency__name">{row.agency.name}</h2>
                  <p className="board-agency__received">{t('board.received', { n: row.received })}</p>
                  <div className="board-bar" role="img" aria-label={boardSegments.map((segment) => `${t(`board.segments.${segment}`)}: ${row[segment]}`).join(', ')}>
                    {boardSegments.map((segment) =>
                      row[segment] === 0 ? null : (
                        <span
                          key={segment}
                          className={`board-bar__segment board-segment--${segment}`}
                          style={{ flexGrow: row[segment] }}
                          data-segment={segment}
                          data-count={row[segment]}
                        >
                          {row[segment]}
                        </span>
                      ),
                    )}
                  </div>
                  <p className="board-satisfaction" data-testid="satisfaction">
                    {row.satisfactionShare === null
                      ? t('board.noRatings')
                      : t('board.satisfaction', { share: formatPercent(row.satisfactionShare, language), n: row.ratings })}
                  </p>
                  {row.satisfactionShare !== null && (
                    <div className="board-bar board-bar--satisfaction" aria-hidden="true">
                      <span className="board-bar__segment board-segment--satisfied" style={{ width: `${row.satisfactionShare * 100}%` }} />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}

      <div className="actions">
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
