/**
 * Provisioning without the wizard, for `cli enroll` (mass roll-out): checks that the server knows the location,
 * exchanges the enrollment code and writes the configuration file the kiosk will start with. A data directory
 * that already has a configuration keeps its settings and PIN; only the enrolment and the place change.
 */
import { CentralError, createCentralClient } from '../centralClient';
import { loadKioskConfig, saveKioskConfig, type ConfigStore } from '../config/configFile';
import { DEFAULT_KIOSK_NAME, defaultKioskSettings, type KioskConfig } from '../config/kioskConfig';
import { EnrollmentError, enrollWithCode } from '../enrollment';

export type ProvisionFailure = 'UNAVAILABLE' | 'NOT_A_KIOSK_SERVER' | 'UNKNOWN_LOCATION' | 'ENROLLMENT_REFUSED';

export type ProvisionOutcome =
  | { ok: true; config: KioskConfig; replaced: boolean }
  | { ok: false; reason: ProvisionFailure; message: string };

export async function provisionKiosk(opts: {
  configStore: ConfigStore;
  centralUrl: string;
  enrollmentCode: string;
  locationId: string;
  name?: string;
  hardwareId: string;
  fetch?: typeof fetch;
}): Promise<ProvisionOutcome> {
  const client = createCentralClient({ baseUrl: opts.centralUrl, fetch: opts.fetch });
  let locationIds: string[];
  try {
    locationIds = (await client.getLocations()).locations.map((location) => location.id);
  } catch (error) {
    const unavailable = error instanceof CentralError && error.kind === 'unavailable';
    return { ok: false, reason: unavailable ? 'UNAVAILABLE' : 'NOT_A_KIOSK_SERVER', message: (error as Error).message };
  }
  // Checked before the code is spent: a one-time code used for a kiosk placed nowhere would be lost.
  if (!locationIds.includes(opts.locationId)) {
    return { ok: false, reason: 'UNKNOWN_LOCATION', message: `The server has no location "${opts.locationId}" (it has ${locationIds.length})` };
  }
  const stored = loadKioskConfig(opts.configStore);
  const previous = stored.kind === 'ok' ? stored.config : null;
  const kioskName = opts.name ?? previous?.kioskName ?? DEFAULT_KIOSK_NAME;
  let enrollment;
  try {
    enrollment = await enrollWithCode({ centralUrl: opts.centralUrl, enrollmentCode: opts.enrollmentCode, hardwareId: opts.hardwareId, name: kioskName, fetch: opts.fetch });
  } catch (error) {
    if (error instanceof EnrollmentError && (error.code === 'ENROLLMENT_REFUSED' || error.code === 'HARDWARE_ENROLLED')) return { ok: false, reason: 'ENROLLMENT_REFUSED', message: error.message };
    return { ok: false, reason: 'UNAVAILABLE', message: (error as Error).message };
  }
  const config: KioskConfig = { ...defaultKioskSettings, technicianPinHash: null, ...previous, ...enrollment, kioskName, locationId: opts.locationId };
  saveKioskConfig(opts.configStore, config);
  return { ok: true, config, replaced: previous !== null };
}
