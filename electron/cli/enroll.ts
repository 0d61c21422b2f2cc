/**
 * `cli enroll`: provisions a kiosk's data directory from the command line. The CLI has no OS keychain, so the token
 * is written in the plain box (the file is 0600); the Electron kiosk seals it with safeStorage when it first loads.
 */
import { mkdirSync } from 'node:fs';
import { configPath } from '../core/config/configFile';
import { plainSecretBox } from '../core/config/secretBox';
import { loadHardwareId } from '../core/enrollment';
import { createLogger } from '../core/logger';
import { provisionKiosk, type ProvisionFailure, type ProvisionOutcome } from '../core/setup/provisionKiosk';

/** Beside the lookup's codes (cli.ts): 3 no such location, 4 server down, 5 code refused, 6 not a kiosk server. */
export const enrollExitCodes: Record<ProvisionFailure, number> = {
  UNKNOWN_LOCATION: 3,
  UNAVAILABLE: 4,
  ENROLLMENT_REFUSED: 5,
  NOT_A_KIOSK_SERVER: 6,
};

export async function enrollFromCli(opts: {
  centralUrl: string;
  enrollmentCode: string;
  locationId: string;
  name?: string;
  dataDir: string;
}): Promise<(ProvisionOutcome & { ok: false }) | (ProvisionOutcome & { ok: true; configFile: string })> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  // Nothing worth a log file: the outcome is printed, and stdout must stay pure JSON with --json.
  const configStore = { dataDir: opts.dataDir, secretBox: plainSecretBox, logger: createLogger({ level: 'silent' }) };
  // The CLI prepares Electron kiosks (mass roll-out): the id is the one the Electron app will keep using.
  const outcome = await provisionKiosk({ ...opts, configStore, hardwareId: loadHardwareId(opts.dataDir, 'electron') });
  return outcome.ok ? { ...outcome, configFile: configPath(opts.dataDir) } : outcome;
}
