/**
 * What a host starts with: the stored configuration; or, given a central URL and an enrollment code on its
 * command line, a new enrolment saved as the configuration (provisioning without the wizard); or setup mode.
 */
import { loadKioskConfig, saveKioskConfig, type ConfigStore } from '../config/configFile';
import { defaultKioskSettings, type KioskConfig } from '../config/kioskConfig';
import { EnrollmentError, enrollWithCode, sameCentral } from '../enrollment';

export type StartupConfig = { kind: 'run'; config: KioskConfig } | { kind: 'setup'; reason: 'missing' | 'invalid' };

/** Throws EnrollmentError (NOT_ENROLLED without a code for a new server, or the enrolment's own failure). */
export async function resolveStartupConfig(opts: {
  configStore: ConfigStore;
  hardwareId: string;
  /** From the command line; absent: the stored configuration, or setup mode. */
  centralUrl?: string;
  enrollmentCode?: string;
  /** The name a command-line enrolment gives the kiosk. */
  kioskName: string;
  fetch?: typeof fetch;
}): Promise<StartupConfig> {
  const loaded = loadKioskConfig(opts.configStore);
  const stored = loaded.kind === 'ok' ? loaded.config : null;
  if (opts.centralUrl === undefined) {
    return stored ? { kind: 'run', config: stored } : { kind: 'setup', reason: loaded.kind === 'invalid' ? 'invalid' : 'missing' };
  }
  if (stored && sameCentral(stored.centralUrl, opts.centralUrl)) return { kind: 'run', config: stored };
  if (!opts.enrollmentCode) {
    throw new EnrollmentError(
      'NOT_ENROLLED',
      stored
        ? `The kiosk is enrolled with ${stored.centralUrl}, not ${opts.centralUrl}; an enrollment code is needed`
        : 'The kiosk is not enrolled; an enrollment code is needed',
    );
  }
  const enrollment = await enrollWithCode({
    centralUrl: opts.centralUrl,
    enrollmentCode: opts.enrollmentCode,
    hardwareId: opts.hardwareId,
    name: opts.kioskName,
    fetch: opts.fetch,
  });
  // A kiosk moved to another server keeps its settings and PIN.
  const config: KioskConfig = { ...defaultKioskSettings, kioskName: opts.kioskName, technicianPinHash: null, ...stored, ...enrollment };
  saveKioskConfig(opts.configStore, config);
  return { kind: 'run', config };
}
