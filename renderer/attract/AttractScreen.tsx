/**
 * Shown while nobody uses the kiosk: what it can do, in Vietnamese then English, and this month's on-time board in
 * one bar (fresh, or the cached copy with its date when the server is out of reach). Any touch leaves it; a scan
 * opens the dossier's status directly (the App handles scans on every screen).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../shared/contract/kiosk';
import { formatDateTime } from '../format/dateTime';
import { formatPercent } from '../format/number';
import { languages, type Language } from '../i18n';
import { boardSegments } from '../feedback/OnTimeBoardScreen';
import { summariseBoard } from '../feedback/onTimeSummary';
import { useOnTimeBoard } from '../feedback/useOnTimeBoard';
import '../feedback/feedback.css';
import './attract.css';

const features = ['lookup', 'procedures', 'rate', 'board'] as const;

export function AttractScreen({ stats, onStart }: { stats: KioskApi['stats']; onStart: () => void }): React.JSX.Element {
  const { i18n } = useTranslation();
  // Both languages at once, whichever is chosen: the passer-by has not chosen yet.
  const texts: LanguageTexts = languages.map((language) => ({ language, t: i18n.getFixedT(language) }));
  return (
    // The whole screen is the touch target; the button (its click bubbles here) names it for assistive technology.
    <section className="screen attract-screen" data-testid="attract-screen" onClick={onStart}>
      <h1 className="attract-title">
        <InEveryLanguage texts={texts} render={(t) => t('app.title')} />
      </h1>
      <div className="attract-welcome">
        {texts.map(({ language, t }) => (
          <p key={language} lang={language} className={`attract-lang attract-lang--${language}`}>
            {t('access.attract.welcome')}
          </p>
        ))}
      </div>
      <ul className="attract-features">
        {features.map((feature, index) => (
          <li key={feature} className="attract-feature" style={{ animationDelay: `${index * 2}s` }}>
            <InEveryLanguage texts={texts} render={(t) => t(`home.${feature}`)} />
          </li>
        ))}
      </ul>
      <OnTimeSummaryPanel stats={stats} texts={texts} />
      <button type="button" className="button button--primary button--large attract-start">
        <InEveryLanguage texts={texts} render={(t) => t('access.attract.touchToStart')} />
      </button>
    </section>
  );
}

type LanguageTexts = readonly { language: Language; t: TFunction }[];

/** One text in every language, each marked with its language, Vietnamese first. */
function InEveryLanguage({ texts, render }: { texts: LanguageTexts; render: (t: TFunction, language: Language) => string }): React.JSX.Element {
  return (
    <>
      {texts.map(({ language, t }) => (
        <span key={language} lang={language} className={`attract-lang attract-lang--${language}`}>
          {render(t, language)}
        </span>
      ))}
    </>
  );
}

function OnTimeSummaryPanel({ stats, texts }: { stats: KioskApi['stats']; texts: LanguageTexts }): React.JSX.Element | null {
  const load = useOnTimeBoard(stats, 'month');
  if (load.name !== 'loaded' || load.view.board === null || load.view.board.agencies.length === 0) return null;
  const { board, fetchedAt, stale } = load.view;
  const summary = summariseBoard(board);
  const { onTimeShare, satisfactionShare } = summary;
  return (
    <section className="attract-board" data-testid="attract-board" data-stale={stale}>
      <h2>
        <InEveryLanguage texts={texts} render={(t) => t('board.title')} />
      </h2>
      <p className="board-date" data-testid="attract-board-date">
        <InEveryLanguage texts={texts} render={(t, language) => t('board.asOf', { period: board.period.label, time: formatDateTime(fetchedAt ?? board.generatedAt, language) })} />
      </p>
      {stale && (
        <p className="board-stale" data-testid="attract-board-stale">
          <InEveryLanguage texts={texts} render={(t) => t('board.stale')} />
        </p>
      )}
      <div className="board-bar attract-board__bar" aria-hidden="true">
        {boardSegments.map((segment) =>
          summary[segment] === 0 ? null : (
            <span key={segment} className={`board-bar__segment board-segment--${segment}`} style={{ flexGrow: summary[segment] }}>
              {summary[segment]}
            </span>
          ),
        )}
      </div>
      <ul className="board-legend attract-board__legend">
        {boardSegments.map((segment) => (
          <li key={segment} className={`board-legend__item board-segment--${segment}`}>
            <InEveryLanguage texts={texts} render={(t) => `${t(`board.segments.${segment}`)}: ${summary[segment]}`} />
          </li>
        ))}
      </ul>
      {onTimeShare !== null && (
        <p className="attract-board__figure" data-testid="attract-on-time">
          <InEveryLanguage texts={texts} render={(t, language) => t('access.attract.onTimeShare', { share: formatPercent(onTimeShare, language) })} />
        </p>
      )}
      {satisfactionShare !== null && (
        <p className="attract-board__figure" data-testid="attract-satisfied">
          <InEveryLanguage texts={texts} render={(t, language) => t('access.attract.satisfied', { share: formatPercent(satisfactionShare, language) })} />
        </p>
      )}
    </section>
  );
}
