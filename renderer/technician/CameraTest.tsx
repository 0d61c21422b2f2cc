/** The camera test: the kiosk's own camera preview (renderer/camera) and what it decoded, whatever the scanner mode. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, ScanEvent } from '../../shared/contract/kiosk';
import { scanEventFromText } from '../../shared/receipt/scanEvent';
import { CameraPreview } from '../camera/CameraPreview';
import { useLoad } from '../catalogue/useLoad';

export function CameraTest({ scanner }: { scanner: Pick<KioskApi['scanner'], 'settings'> }): React.JSX.Element {
  const { t } = useTranslation();
  const settings = useLoad('camera-settings', () => scanner.settings());
  const [read, setRead] = useState<ScanEvent | null>(null);
  return (
    <section className="technician-section" aria-labelledby="camera-test-title">
      <h3 id="camera-test-title">{t('technician.tabs.camera')}</h3>
      <p>{t('technician.camera.hint')}</p>
      {settings.state === 'loaded' ? (
        <CameraPreview settings={settings.value.camera} onText={(text) => setRead(scanEventFromText(text, 'camera'))} />
      ) : (
        <p>{settings.state === 'failed' ? t('technician.loadFailed') : t('technician.camera.loading')}</p>
      )}
      <p role="status" className="technician-outcome">
        {read?.ok === true ? t('technician.camera.decoded', { code: read.code }) : read?.ok === false ? t('technician.camera.refused', { reason: read.reason }) : null}
      </p>
    </section>
  );
}
