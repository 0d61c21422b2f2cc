/**
 * The kiosk's configuration: one versioned JSON file in the data directory (`kiosk-config.json`), validated here.
 * In memory the token is plain text; on disk it is sealed by a SecretBox (see secretBox.ts) and says which box.
 */
import { z } from 'zod';
import { CameraSettings, ScannerMode } from '../../../shared/contract/camera';

export const KIOSK_CONFIG_FILE = 'kiosk-config.json';
export const CURRENT_CONFIG_VERSION = 1;

export const DEFAULT_CATALOGUE_SYNC_MINUTES = 15;
export const DEFAULT_KIOSK_NAME = 'HCC Kiosk';

export const KioskLanguage = z.enum(['vi', 'en']);
export type KioskLanguage = z.infer<typeof KioskLanguage>;

/** The settings a technician chooses (wizard, technician mode); the rest of the file is the enrolment. */
export const KioskSettings = z.object({
  kioskName: z.string().trim().min(1).max(100),
  /** A catalogue `location` id; null for a kiosk enrolled before locations were chosen. */
  locationId: z.string().min(1).max(80).nullable(),
  language: KioskLanguage,
  idleTimeoutSeconds: z.number().int().min(15).max(3600),
  scannerMode: ScannerMode,
  camera: CameraSettings,
  catalogueSyncMinutes: z.number().int().min(1).max(24 * 60),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

export const defaultKioskSettings: KioskSettings = {
  kioskName: DEFAULT_KIOSK_NAME,
  locationId: null,
  language: 'vi',
  idleTimeoutSeconds: 60,
  scannerMode: 'wedge',
  camera: CameraSettings.parse({}),
  catalogueSyncMinutes: DEFAULT_CATALOGUE_SYNC_MINUTES,
};

export const KioskConfig = KioskSettings.extend({
  centralUrl: z.string().url().max(2048),
  kioskId: z.string().min(1).max(128),
  token: z.string().min(16).max(4096),
  /**
   * When the token expires, as the server said at enrolment or renewal; null: never. Absent (a kiosk enrolled before
   * tokens expired): unknown, so the kiosk renews at once to learn it.
   */
  tokenExpiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** hashPin's output (electron/core/technician/pin.ts); null until a technician sets a PIN. */
  technicianPinHash: z.string().min(1).max(512).nullable(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

export const SealedToken = z.object({ box: z.enum(['safeStorage', 'plain']), data: z.string().min(1).max(8192) });

/** The file as written by version 1. */
export const KioskConfigFileV1 = KioskConfig.omit({ token: true }).extend({
  version: z.literal(1),
  token: SealedToken,
});
export type KioskConfigFileV1 = z.infer<typeof KioskConfigFileV1>;
