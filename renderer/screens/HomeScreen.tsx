import { useTranslation } from 'react-i18next';

export function HomeScreen({
  onLookup,
  onProcedures,
  onRate,
  onBoard,
}: {
  onLookup: () => void;
  onProcedures: () => void;
  onRate: () => void;
  onBoard: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen home-screen">
      <h1 className="home-title">{t('app.title')}</h1>
      <div className="home-choices">
        <button type="button" className="button button--choice button--primary" onClick={onLookup}>
          <span className="choice-label">{t('home.lookup')}</span>
          <span className="choice-hint">{t('home.lookupHint')}</span>
        </button>
        <button type="button" className="button button--choice" onClick={onProcedures}>
          <span className="choice-label">{t('home.procedures')}</span>
          <span className="choice-hint">{t('home.proceduresHint')}</span>
        </button>
        <button type="button" className="button button--choice" onClick={onRate}>
          <span className="choice-label">{t('home.rate')}</span>
          <span className="choice-hint">{t('home.rateHint')}</span>
        </button>
        <button type="button" className="button button--choice" onClick={onBoard}>
          <span className="choice-label">{t('home.board')}</span>
          <span className="choice-hint">{t('home.boardHint')}</span>
        </button>
      </div>
      <p className="scan-anytime">{t('app.scanAnytime')}</p>
    </section>
  );
}
