import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraPreview } from '../camera/CameraPreview';
import type { KioskCamera } from '../camera/useKioskCamera';
import { HomeButton } from '../components/HomeButton';

/** What every screen waiting for a receipt is given: the ways out, and the camera when the kiosk scans with one. */
export interface ScanScreenProps {
  onTypeCode: () => void;
  onHome: () => void;
  /** Present when the kiosk scans with its camera too. */
  camera?: KioskCamera | null;
  /** The screen stays up while what the camera read is looked up: the camera is off meanwhile. */
  cameraPaused?: boolean;
}

/**
 * A screen waiting for a receipt (to look it up, or to rate its dossier): what to do, the camera's preview, typing
 * the code instead, and home. The USB scanner needs nothing here: a scan is taken on any screen.
 */
export function ScanScreen({
  title,
  instructions,
  className = 'screen',
  testId,
  onTypeCode,
  onHome,
  camera = null,
  cameraPaused = false,
}: ScanScreenProps & {
  title: string;
  /** Above the preview: how to scan, and anything else the screen says before it. */
  instructions: ReactNode;
  className?: string;
  testId?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className={className} data-testid={testId}>
      <h1>{title}</h1>
      {instructions}
      {camera && <CameraPreview settings={camera.settings} onText={camera.onText} onHealth={camera.onHealth} paused={cameraPaused} />}
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
