import { useTranslation } from 'react-i18next';

/** The last seconds before the kiosk returns to its start, with a way to stay. */
export function IdleCountdown({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="idle-overlay">
      <div className="idle-dialog" role="alertdialog" aria-live="assertive" aria-labelledby="idle-countdown-text" data-testid="idle-countdown">
        <p className="idle-seconds" aria-hidden="true">
          {secondsLeft}
        </p>
        <p id="idle-countdown-text">{t('idle.countdown', { seconds: secondsLeft })}</p>
        <button type="button" className="button button--primary" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
