import { useTranslation } from 'react-i18next';
import { CameraPreview } from '../camera/CameraPreview';
import type { KioskCamera } from '../camera/useKioskCamera';
import { HomeButton } from '../components/HomeButton';

export function LookupScreen({
  onTypeCode,
  onHome,
  camera = null,
}: {
  onTypeCode: () => void;
  onHome: () => void;
  /** Present when the kiosk scans with its camera too. */
  camera?: KioskCamera | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <h1>{t('lookup.title')}</h1>
      <p className="lead scan-instructions">{t('lookup.howToScan')}</p>
      {camera && <CameraPreview settings={camera.settings} onText={camera.onText} onHealth={camera.onHealth} />}
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
