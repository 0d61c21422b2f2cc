import { useTranslation } from 'react-i18next';
import { HomeButton } from '../components/HomeButton';

export function LookupScreen({
  onTypeCode,
  onHome,
}: {
  onTypeCode: () => void;
  onHome: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('lookup.title')}</h1>
      <p className="lead scan-instructions">{t('lookup.howToScan')}</p>
      <p>{t('lookup.orType')}</p>
      <div className="actions">
        <button type="button" className="button button--primary button--large" onClick={onTypeCode}>
          {t('lookup.typeCode')}
        </button>
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
