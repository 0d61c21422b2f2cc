import { useTranslation } from 'react-i18next';
import { HomeButton } from '../components/HomeButton';

/** Placeholder until the procedure catalogue reaches the renderer. */
export function ProceduresScreen({ onHome }: { onHome: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('procedures.title')}</h1>
      <p className="lead">{t('procedures.comingSoon')}</p>
      <div className="actions">
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
