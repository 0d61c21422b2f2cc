import { useTranslation } from 'react-i18next';

export function LoadingScreen(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen loading-screen" role="status" data-testid="lookup-loading">
      <div className="spinner" aria-hidden="true" />
      <p className="lead">{t('loading.text')}</p>
    </section>
  );
}
