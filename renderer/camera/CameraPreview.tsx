/**
 * The live camera view with the guide frame showing where to hold the receipt, and what the camera is doing: starting,
 * scanning, or why it cannot (the USB scanner keeps working either way). Reusable: the technician's camera test embeds it.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraSettings } from '../../shared/contract/camera';
import type { ReportedDeviceHealth } from '../../shared/contract/device';
import { cameraHealthOf } from '../../shared/scanner/deviceHealth';
import type { CameraEnvironment } from './cameraSession';
import { useCameraScanner } from './useCameraScanner';
import './camera.css';

export function CameraPreview({
  settings,
  onText,
  environment,
  onHealth,
  paused,
}: {
  settings: CameraSettings;
  onText: (text: string) => void;
  environment?: CameraEnvironment;
  /** Told when the session starts scanning or hits a problem, not per frame (the fleet heartbeat's camera health). */
  onHealth?: (health: ReportedDeviceHealth) => void;
  /** The camera off, the preview's place kept: the kiosk is looking up what it read. */
  paused?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { videoRef, state, justRead } = useCameraScanner({ settings, onText, environment, paused });
  useEffect(() => {
    const health = cameraHealthOf(state.kind);
    if (health !== null) onHealth?.(health);
  }, [state.kind, onHealth]);
  const { region } = settings;
  const guide = { left: `${region.x * 100}%`, top: `${region.y * 100}%`, width: `${region.width * 100}%`, height: `${region.height * 100}%` };
  const message =
    state.kind === 'problem' ? t(`camera.problem.${state.problem}`) : state.kind === 'starting' ? t('camera.starting') : t('camera.holdHere');
  return (
    <figure
      className={`camera-preview${justRead ? ' camera-preview--read' : ''}${state.kind === 'problem' ? ' camera-preview--problem' : ''}`}
      style={{ aspectRatio: `${settings.width} / ${settings.height}` }}
      aria-label={t('camera.label')}
    >
      <video ref={videoRef} className="camera-preview__video" muted playsInline autoPlay aria-hidden="true" />
      {state.kind !== 'problem' && <div className="camera-preview__guide" style={guide} aria-hidden="true" />}
      <figcaption className="camera-preview__message" role={state.kind === 'problem' ? 'alert' : 'status'}>
        {justRead ? t('camera.read') : message}
      </figcaption>
    </figure>
  );
}
