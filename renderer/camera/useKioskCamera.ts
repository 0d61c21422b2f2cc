/**
 * The kiosk's camera scanning as the App wires it: the configured settings (the USB scanner alone until they arrive
 * or when they cannot be read), reads turned into the same scan events as the wedge's, each new code once, and the
 * camera's health reported to the core when it changes (for the fleet heartbeat).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReportedDeviceHealth } from '../../shared/contract/device';
import { usesCamera, type CameraSettings } from '../../shared/contract/camera';
import type { KioskApi, ScanEvent } from '../../shared/contract/kiosk';
import { scanEventFromText } from '../../shared/receipt/scanEvent';
import { createHealthReports } from '../../shared/scanner/deviceHealth';
import { createRepeatFilter } from './repeatFilter';

export interface KioskCamera {
  settings: CameraSettings;
  onText(text: string): void;
  /** The camera session showed whether it works (cameraHealthOf); repeats of the same health are not sent again. */
  onHealth(health: ReportedDeviceHealth): void;
}

/**
 * null when the kiosk's scanner mode leaves the camera out. The settings are read again whenever `settingsKey`
 * changes (technician mode closed: a new scanner mode applies at once).
 */
export function useKioskCamera(
  { scanner, device }: Pick<KioskApi, 'scanner' | 'device'>,
  onScan: (event: ScanEvent) => void,
  settingsKey: number,
): KioskCamera | null {
  const [settings, setSettings] = useState<CameraSettings | null>(null);
  // Outlives each screen's camera session: going back to the lookup screen with the same receipt in view is no new scan.
  const [repeats] = useState(createRepeatFilter);
  // Outlives the sessions too: each screen's camera starting again is no change of health.
  const [health] = useState(() => createHealthReports(device.health));

  useEffect(() => {
    let mounted = true;
    scanner.settings().then(
      (answer) => {
        if (mounted) setSettings(usesCamera(answer.mode) ? answer.camera : null);
      },
      () => undefined, // the USB scanner alone
    );
    return () => {
      mounted = false;
    };
  }, [scanner, settingsKey]);

  const onText = useCallback(
    (text: string) => {
      // The raw text stops here, as with the wedge: only the parsed code (or the reason it was refused) goes on.
      if (repeats.accept(text, Date.now())) onScan(scanEventFromText(text, 'camera'));
    },
    [repeats, onScan],
  );
  const onHealth = useCallback((cameraHealth: ReportedDeviceHealth) => health.report({ device: 'camera', health: cameraHealth }), [health]);
  return settings ? { settings, onText, onHealth } : null;
}
