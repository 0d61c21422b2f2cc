/**
 * The kiosk's camera scanning as the App wires it: the configured settings (the USB scanner alone until they arrive
 * or when they cannot be read), and reads turned into the same scan events as the wedge's, each new code once.
 */
import { useCallback, useEffect, useState } from 'react';
import { usesCamera, type CameraSettings } from '../../shared/contract/camera';
import type { KioskApi } from '../../shared/contract/kiosk';
import { scanEventFromText } from '../../shared/receipt/scanEvent';
import type { KioskAction } from '../state/kioskState';
import { createRepeatFilter } from './repeatFilter';

export interface KioskCamera {
  settings: CameraSettings;
  onText(text: string): void;
}

/** null when the kiosk's scanner mode leaves the camera out. */
export function useKioskCamera(scanner: KioskApi['scanner'], dispatch: (action: KioskAction) => void): KioskCamera | null {
  const [settings, setSettings] = useState<CameraSettings | null>(null);
  // Outlives each screen's camera session: going back to the lookup screen with the same receipt in view is no new scan.
  const [repeats] = useState(createRepeatFilter);

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
  }, [scanner]);

  const onText = useCallback(
    (text: string) => {
      // The raw text stops here, as with the wedge: only the parsed code (or the reason it was refused) goes on.
      if (repeats.accept(text, Date.now())) dispatch({ type: 'scanned', event: scanEventFromText(text, 'camera') });
    },
    [repeats, dispatch],
  );
  return settings ? { settings, onText } : null;
}
