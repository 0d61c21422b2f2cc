import { useTranslation } from 'react-i18next';
import { HomeButton } from '../components/HomeButton';

/** What the error boundary shows instead of a blank screen. */
export function CrashScreen({ onHome }: { onHome: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen" role="alert" data-testid="screen-crash">
      <h1>{t('crash.title')}</h1>
      <p className="lead">{t('crash.text')}</p>
      <div className="actions">
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
