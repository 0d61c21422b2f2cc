/**
 * Where the Electron kiosk gets its central server and token at start-up. With `--demo` (or HCC_DEMO=1) it embeds
 * the reference central server, seeded with demo dossiers, and enrolls with the demo code. Otherwise it uses the
 * kiosk configuration in userData (electron/core/config), enrolling first when `--central <url> --enrollment-code
 * <code>` are given; with neither, the kiosk opens the setup wizard. It never throws: a kiosk that cannot start
 * says why (the fallback page) instead of crashing into a restart loop.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isCentralUrl } from '../core/centralClient';
import type { KioskConfig } from '../core/config/kioskConfig';
import type { SecretBox } from '../core/config/secretBox';
import { ensureEnrolled, EnrollmentError, loadHardwareId, type Enrollment } from '../core/enrollment';
import type { Logger } from '../core/logger';
import { resolveStartupConfig } from '../core/setup/startupConfig';

export interface StartupArgs {
  demo: boolean;
  /** Present when given; may be malformed (checked by resolveKioskStartup, which reports it). */
  centralUrl?: string;
  enrollmentCode?: string;
}

export type StartupFailure = 'NOT_ENROLLED' | 'ENROLLMENT_REFUSED' | 'HARDWARE_ENROLLED' | 'UNAVAILABLE' | 'BAD_ARGUMENTS' | 'DEMO_FAILED' | 'INTERNAL';

export type KioskStartup =
  | { ok: true; enrollment: Enrollment; demo: boolean; stopDemo?: () => Promise<void>; /** Absent in demo mode. */ config?: KioskConfig }
  /** No (valid) configuration and nothing on the command line: the setup wizard. */
  | { ok: false; reason: 'NOT_ENROLLED'; setup: 'missing' | 'invalid' }
  | { ok: false; reason: StartupFailure };

/** Electron and Chromium put switches of their own (and the app path) on the command line: unknown ones are ignored. */
export function parseStartupArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): StartupArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, central: { type: 'string' }, 'enrollment-code': { type: 'string' } },
  });
  // Without strict parsing, a string option given with no value comes back as `true`: keep it as an empty string.
  const optionText = (value: unknown) => (value === undefined ? undefined : typeof value === 'string' ? value : '');
  return {
    demo: values.demo === true || env.HCC_DEMO === '1',
    centralUrl: optionText(values.central),
    enrollmentCode: optionText(values['enrollment-code']),
  };
}

export async function resolveKioskStartup(opts: { args: StartupArgs; userDataDir: string; logger: Logger; secretBox: SecretBox }): Promise<KioskStartup> {
  try {
    return await chooseStartup(opts);
  } catch (error) {
    opts.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'the kiosk could not start');
    return { ok: false, reason: 'INTERNAL' };
  }
}

async function chooseStartup({
  args,
  userDataDir,
  logger,
  secretBox,
}: {
  args: StartupArgs;
  userDataDir: string;
  logger: Logger;
  secretBox: SecretBox;
}): Promise<KioskStartup> {
  if (args.demo) return startDemo(userDataDir, logger);
  const given = args.centralUrl !== undefined || args.enrollmentCode !== undefined;
  if (given && (args.centralUrl === undefined || !isCentralUrl(args.centralUrl) || args.enrollmentCode === '')) {
    logger.error('--central must be an http(s) URL, and --enrollment-code needs --central and a value');
    return { ok: false, reason: 'BAD_ARGUMENTS' };
  }
  try {
    const startup = await resolveStartupConfig({
      configStore: { dataDir: userDataDir, secretBox, logger },
      hardwareId: loadHardwareId(userDataDir, 'electron'),
      centralUrl: args.centralUrl,
      enrollmentCode: args.enrollmentCode,
      kioskName: 'HCC Kiosk',
    });
    if (startup.kind === 'setup') {
      logger.warn({ reason: startup.reason }, 'no valid kiosk configuration: opening the setup wizard');
      return { ok: false, reason: 'NOT_ENROLLED', setup: startup.reason };
    }
    const { centralUrl, kioskId, token } = startup.config;
    return { ok: true, enrollment: { centralUrl, kioskId, token }, demo: false, config: startup.config };
  } catch (error) {
    if (!(error instanceof EnrollmentError)) throw error;
    logger.error({ code: error.code, error: error.message }, 'enrollment failed');
    return { ok: false, reason: error.code };
  }
}

async function startDemo(userDataDir: string, logger: Logger): Promise<KioskStartup> {
  // Its own directory, so the demo's enrolment never replaces a real one.
  const dataDir = join(userDataDir, 'demo');
  let central;
  try {
    mkdirSync(dataDir, { recursive: true });
    // Loaded only in demo mode: a production kiosk never runs the reference server's code.
    const { startCentralServer, DEMO_ENROLLMENT_CODE } = await import('../../server/centralServer');
    // An in-memory database: the demo dossiers are seeded afresh, dated relative to today, at every start.
    central = await startCentralServer({
      demo: true,
      port: 0,
      log: (line) => logger.info({ component: 'demo-central' }, line),
    });
    logger.info({ url: central.url }, 'demo central server started');
    const started = await enroll({ dataDir, centralUrl: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE, name: 'HCC Kiosk demo' }, logger);
    if (!started.ok) {
      await central.close();
      return started;
    }
    return { ...started, demo: true, stopDemo: central.close };
  } catch (error) {
    logger.error({ error: error instanceof Error ? error.message : String(error) }, 'demo mode could not start');
    await central?.close();
    return { ok: false, reason: 'DEMO_FAILED' };
  }
}

async function enroll(
  request: { dataDir: string; centralUrl: string; enrollmentCode?: string; name: string },
  logger: Logger,
): Promise<KioskStartup> {
  try {
    const enrollment = await ensureEnrolled({ ...request, hardwareId: loadHardwareId(request.dataDir, 'electron') });
    logger.info({ kioskId: enrollment.kioskId, centralUrl: enrollment.centralUrl }, 'kiosk enrolled');
    return { ok: true, enrollment, demo: false };
  } catch (error) {
    if (!(error instanceof EnrollmentError)) throw error;
    logger.error({ code: error.code, error: error.message }, 'enrollment failed');
    return { ok: false, reason: error.code };
  }
}
