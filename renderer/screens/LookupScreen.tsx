import { useTranslation } from 'react-i18next';
import { ScanScreen, type ScanScreenProps } from './ScanScreen';

export function LookupScreen(props: ScanScreenProps): React.JSX.Element {
  const { t } = useTranslation();
  return <ScanScreen title={t('lookup.title')} instructions={<p className="lead scan-instructions">{t('lookup.howToScan')}</p>} {...props} />;
}
