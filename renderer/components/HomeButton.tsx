import { useTranslation } from 'react-i18next';

export function HomeButton({ onHome }: { onHome: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--home" onClick={onHome}>
      {t('nav.home')}
    </button>
  );
}
