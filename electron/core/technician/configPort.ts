/**
 * Technician mode's view of the kiosk configuration file (electron/core/config): the PIN hash, the settings it may
 * change, and forgetting the enrolment for a re-enrolment. Read at each call, so a PIN set by the CLI counts at once.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { TechnicianSettings } from '../../../shared/contract/technician';
import { configPath, loadKioskConfig, updateKioskConfig, type ConfigStore } from '../config/configFile';
import { defaultKioskSettings, type KioskSettings } from '../config/kioskConfig';
import { ENROLLMENT_FILE } from '../enrollment';
import type { TechnicianConfig } from './technicianModule';

export function technicianConfigFrom(store: ConfigStore): TechnicianConfig {
  const settingsOf = (config: KioskSettings): TechnicianSettings => ({
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    language: config.language,
    scannerMode: config.scannerMode,
    catalogueSyncMinutes: config.catalogueSyncMinutes,
    cameraDeviceId: config.camera.deviceId,
  });
  const loadedSettings = () => {
    const loaded = loadKioskConfig(store);
    return loaded.kind === 'ok' ? loaded.config : defaultKioskSettings;
  };
  return {
    pinHash() {
      const loaded = loadKioskConfig(store);
      return loaded.kind === 'ok' ? loaded.config.technicianPinHash : null;
    },
    settings: () => settingsOf(loadedSettings()),
    updateSettings({ cameraDeviceId, ...sameNamed }) {
      // The camera is one field of the configuration's camera settings; the resolution and formats stay.
      const camera = cameraDeviceId === undefined ? {} : { camera: { ...loadedSettings().camera, deviceId: cameraDeviceId } };
      return settingsOf(updateKioskConfig(store, { ...sameNamed, ...camera }));
    },
    clearEnrollment() {
      // Moved aside, not deleted: a re-enrolment started by mistake loses nothing a technician cannot put back.
      for (const file of [configPath(store.dataDir), join(store.dataDir, ENROLLMENT_FILE)]) {
        if (existsSync(file)) renameSync(file, `${file}.before-reenroll-${Date.now()}`);
      }
    },
  };
}
