/** Technician handlers for the Electron wiring tests: a kiosk whose technician mode stays locked. */
import { plainSecretBox } from '../../electron/core/config/secretBox';
import { createRecentErrors, type Logger } from '../../electron/core/logger';
import { technicianConfigFrom } from '../../electron/core/technician/configPort';
import type { TechnicianHandlers, TechnicianHostPorts } from '../../electron/core/technician/technicianModule';

const locked = { ok: false as const, error: { code: 'SESSION_REQUIRED' as const, message: 'Technician mode is locked' } };

export function fakeTechnicianHandlers(): TechnicianHandlers {
  return {
    'technician:unlock': async () => ({ result: 'wrong', attemptsLeft: 4 }),
    'technician:lock': async () => ({ locked: true }),
    'technician:diagnostics': async () => locked,
    'technician:usbTargets': async () => locked,
    'technician:exportLogs': async () => locked,
    'technician:logTail': async () => locked,
    'technician:settings': async () => locked,
    'technician:updateSettings': async () => locked,
    'technician:reenroll': async () => locked,
    'technician:restart': async () => locked,
    'technician:exitToDesktop': async () => locked,
  };
}

/** Technician ports for a core built in a test: the real configuration file in `dataDir`, controls that only record. */
export function testTechnicianPorts(dataDir: string, logger: Logger): TechnicianHostPorts & { controlled: string[] } {
  const controlled: string[] = [];
  return {
    config: technicianConfigFrom({ dataDir, secretBox: plainSecretBox, logger }),
    controls: { restart: () => controlled.push('restart'), exitToDesktop: () => controlled.push('exit') },
    logDir: null,
    recentErrors: createRecentErrors(),
    mediaRoots: [],
    dataDir,
    controlled,
  };
}
