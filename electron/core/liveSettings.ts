/**
 * The settings a technician may change while the kiosk runs, held by the core so that both hosts apply a change the
 * same way and at once: app:info and scanner:settings answer the current values (the renderer asks again when
 * technician mode closes), the heartbeat reports the current scanner mode, and the catalogue schedule restarts at a
 * new interval. The configuration file is written by the technician port; this only keeps the running kiosk in step.
 */
import type { ScannerSettings } from '../../shared/contract/camera';
import type { AppInfo } from '../../shared/contract/kiosk';
import type { TechnicianSettings } from '../../shared/contract/technician';

export interface RunningSettings {
  idleTimeoutSeconds: number;
  language: AppInfo['language'];
  scanner: ScannerSettings;
  catalogueSyncMinutes: number;
}

/** The running settings after a technician's change (pure): fields the change leaves out keep their value. */
function withTechnicianChange(current: RunningSettings, change: Partial<TechnicianSettings>): RunningSettings {
  return {
    idleTimeoutSeconds: change.idleTimeoutSeconds ?? current.idleTimeoutSeconds,
    language: change.language ?? current.language,
    scanner: {
      mode: change.scannerMode ?? current.scanner.mode,
      camera: change.cameraDeviceId === undefined ? current.scanner.camera : { ...current.scanner.camera, deviceId: change.cameraDeviceId },
    },
    catalogueSyncMinutes: change.catalogueSyncMinutes ?? current.catalogueSyncMinutes,
  };
}

export interface LiveSettings {
  current(): RunningSettings;
  apply(change: Partial<TechnicianSettings>): void;
  /** Called after every change with the settings before and after it; returns the unsubscribe function. */
  onChange(listener: (next: RunningSettings, previous: RunningSettings) => void): () => void;
}

export function createLiveSettings(initial: RunningSettings): LiveSettings {
  let current = initial;
  const listeners = new Set<(next: RunningSettings, previous: RunningSettings) => void>();
  return {
    current: () => current,
    apply(change) {
      const previous = current;
      current = withTechnicianChange(current, change);
      for (const listener of listeners) listener(current, previous);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
