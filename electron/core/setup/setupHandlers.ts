/**
 * The setup wizard's handlers (shared/contract/setup.ts). In setup mode they check the server the technician
 * types, list its locations, enroll (keeping the token here, never sending it to the renderer) and, on
 * 'setup:complete', save the configuration and hand it to the host, which switches to the full kiosk core.
 */
import { setupChannels, type SetupChannel, type SetupErrorCode, type SetupFailure } from '../../../shared/contract/setup';
import { CameraSettings } from '../../../shared/contract/camera';
import { CentralError, createCentralClient, isCentralUrl } from '../centralClient';
import { saveKioskConfig, type ConfigStore } from '../config/configFile';
import { defaultKioskSettings, type KioskConfig } from '../config/kioskConfig';
import type { InvokeHandlers } from '../dispatch';
import { EnrollmentError, enrollWithCode, type Enrollment } from '../enrollment';
import { hashPin } from '../technician/pin';

export type SetupHandlers = Pick<InvokeHandlers, SetupChannel>;

export interface SetupHandlerOptions {
  configStore: ConfigStore;
  hardwareId: string;
  /** Why the kiosk is in setup mode, for 'setup:state'. */
  reason: 'missing' | 'invalid';
  /** Called once the configuration is saved; the host switches to the full core. */
  onComplete(config: KioskConfig): Promise<void>;
  fetch?: typeof fetch;
}

const failure = (code: SetupErrorCode, message: string): SetupFailure => ({ ok: false, error: { code, message } });
const badUrl = failure('BAD_URL', 'The address must be an http(s) URL without user, query or fragment');

export function createSetupHandlers(opts: SetupHandlerOptions): SetupHandlers {
  // Between 'setup:enroll' and 'setup:complete'; a second enrolment replaces it.
  let pending: { enrollment: Enrollment; kioskName: string; locationId: string } | null = null;
  let completed = false;
  const client = (url: string) => createCentralClient({ baseUrl: url, fetch: opts.fetch });

  return {
    'setup:state': async () => (completed ? { mode: 'kiosk', reason: null } : { mode: 'setup', reason: opts.reason }),
    'setup:checkServer': async ({ url }) => {
      if (!isCentralUrl(url)) return badUrl;
      const started = performance.now();
      try {
        const health = await client(url).health();
        return { ok: true, version: health.version, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return centralFailure(error);
      }
    },
    'setup:locations': async ({ url }) => {
      if (!isCentralUrl(url)) return badUrl;
      try {
        return { ok: true, locations: (await client(url).getLocations()).locations };
      } catch (error) {
        return centralFailure(error);
      }
    },
    'setup:enroll': async ({ url, code, name, locationId }) => {
      if (completed) return failure('ALREADY_PROVISIONED', 'The kiosk is already set up');
      if (!isCentralUrl(url)) return badUrl;
      try {
        const enrollment = await enrollWithCode({ centralUrl: url, enrollmentCode: code, hardwareId: opts.hardwareId, name, fetch: opts.fetch });
        pending = { enrollment, kioskName: name, locationId };
        return { ok: true, kioskId: enrollment.kioskId };
      } catch (error) {
        if (error instanceof EnrollmentError && error.code === 'ENROLLMENT_REFUSED') return failure('ENROLLMENT_REFUSED', error.message);
        if (error instanceof EnrollmentError && error.code === 'HARDWARE_ENROLLED') return failure('HARDWARE_ENROLLED', error.message);
        return failure('UNAVAILABLE', error instanceof Error ? error.message : 'Enrollment failed');
      }
    },
    'setup:complete': async (request) => {
      if (completed) return failure('ALREADY_PROVISIONED', 'The kiosk is already set up');
      if (pending === null) return failure('NOT_ENROLLED', 'Enroll the kiosk before finishing the setup');
      const config: KioskConfig = {
        ...defaultKioskSettings,
        ...pending.enrollment,
        kioskName: pending.kioskName,
        locationId: pending.locationId,
        language: request.language,
        idleTimeoutSeconds: request.idleTimeoutSeconds,
        scannerMode: request.scannerMode,
        camera: CameraSettings.parse({ deviceId: request.cameraDeviceId }),
        technicianPinHash: await hashPin(request.pin),
      };
      try {
        saveKioskConfig(opts.configStore, config);
      } catch (error) {
        opts.configStore.logger.error({ event: 'setup.save_failed', errorName: (error as Error).name }, 'kiosk configuration not saved');
        return failure('SAVE_FAILED', 'The configuration could not be saved in the data directory');
      }
      completed = true;
      opts.configStore.logger.info({ event: 'setup.completed', kioskId: config.kioskId, locationId: config.locationId }, 'kiosk set up');
      await opts.onComplete(config);
      return { ok: true };
    },
  };
}

/** What a provisioned kiosk's core answers on the setup channels. */
export const provisionedSetupHandlers: SetupHandlers = {
  'setup:state': async () => ({ mode: 'kiosk', reason: null }),
  'setup:checkServer': async () => failure('ALREADY_PROVISIONED', 'The kiosk is already set up'),
  'setup:locations': async () => failure('ALREADY_PROVISIONED', 'The kiosk is already set up'),
  'setup:enroll': async () => failure('ALREADY_PROVISIONED', 'The kiosk is already set up'),
  'setup:complete': async () => failure('ALREADY_PROVISIONED', 'The kiosk is already set up'),
};

export class NotProvisionedError extends Error {
  override readonly name = 'NotProvisionedError';
}

/** The whole handler table of setup mode: the setup channels, and every other channel refused (INTERNAL). */
export function setupModeHandlers(setup: SetupHandlers): InvokeHandlers {
  const refuse = async () => {
    throw new NotProvisionedError('The kiosk is in setup mode');
  };
  const table: Record<string, unknown> = {};
  for (const channel of Object.keys(setupChannels) as SetupChannel[]) table[channel] = setup[channel];
  return new Proxy(table, { get: (target, channel: string) => target[channel] ?? refuse }) as InvokeHandlers;
}

/** A handler table the host registers once and points at another one later (setup mode → full core). */
export function switchableHandlers(initial: InvokeHandlers): { handlers: InvokeHandlers; switchTo(next: InvokeHandlers): void } {
  let current = initial;
  const handlers = new Proxy({} as InvokeHandlers, { get: (_target, channel: string) => current[channel as keyof InvokeHandlers] });
  return { handlers, switchTo: (next) => void (current = next) };
}

function centralFailure(error: unknown): SetupFailure {
  if (error instanceof CentralError && error.kind === 'unavailable') return failure('UNAVAILABLE', error.message);
  return failure('NOT_A_KIOSK_SERVER', error instanceof Error ? error.message : 'Unexpected reply');
}
