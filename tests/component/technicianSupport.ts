/** A fake core's technician mode for component tests: one right PIN, five attempts, then a lockout, as the core's policy. */
import { vi } from 'vitest';
import type { Diagnostics, TechnicianApi, UnlockReply } from '../../shared/contract/technician';

export const RIGHT_PIN = '2468';
export const LOCKED_UNTIL = '2026-11-22T08:05:00.000Z';

export const sampleDiagnostics: Diagnostics = {
  version: '0.1.0',
  host: 'web',
  uptimeSeconds: 3 * 3600 + 25 * 60,
  kioskId: 'kiosk-7',
  server: { url: 'https://hcc.example.vn', reachable: true, latencyMs: 42, serverVersion: '0.1.0' },
  catalogue: { lastSyncAt: '2026-11-22T01:00:00.000Z', online: true, counts: { procedures: 120, agencies: 8, fields: 15, locations: 3 } },
  disk: { freeBytes: 12.5 * 1024 ** 3, totalBytes: 64 * 1024 ** 3 },
  outboxPending: 2,
  devices: { scanner: 'ok', camera: 'fault' },
  voice: { program: 'espeak-ng', available: false },
  errors: { count: 1, recent: [{ at: '2026-11-22T07:59:00.000Z', event: 'heartbeat.failed', message: 'heartbeat not delivered' }] },
};

const sessionRequired = { ok: false as const, error: { code: 'SESSION_REQUIRED' as const, message: 'Technician mode is locked' } };

export function fakeTechnician() {
  let failures = 0;
  let unlocked = false;
  const inSession = <T,>(value: T) => async () => (unlocked ? { ok: true as const, value } : sessionRequired);
  const api: TechnicianApi = {
    unlock: vi.fn(async ({ pin }): Promise<UnlockReply> => {
      if (failures >= 5) return { result: 'locked', until: LOCKED_UNTIL };
      if (pin === RIGHT_PIN) {
        unlocked = true;
        return { result: 'ok', expiresAt: '2026-11-22T08:05:00.000Z' };
      }
      failures += 1;
      return failures >= 5 ? { result: 'locked', until: LOCKED_UNTIL } : { result: 'wrong', attemptsLeft: 5 - failures };
    }),
    lock: vi.fn(async () => {
      unlocked = false;
      return { locked: true as const };
    }),
    diagnostics: vi.fn(inSession(sampleDiagnostics)),
    usbTargets: vi.fn(inSession([])),
    exportLogs: vi.fn(async () => sessionRequired),
    logTail: vi.fn(inSession(['{"level":30,"msg":"kiosk started"}'])),
    settings: vi.fn(inSession({ idleTimeoutSeconds: 60, language: 'vi' as const, scannerMode: 'wedge' as const, catalogueSyncMinutes: 15, cameraDeviceId: null })),
    updateSettings: vi.fn(async (change) => (unlocked ? { ok: true as const, value: { idleTimeoutSeconds: 60, language: 'vi' as const, scannerMode: 'wedge' as const, catalogueSyncMinutes: 15, cameraDeviceId: null, ...change } } : sessionRequired)),
    reenroll: vi.fn(inSession({ restarting: true as const })),
    restart: vi.fn(inSession({ restarting: true as const })),
    exitToDesktop: vi.fn(inSession({ exiting: true as const })),
  };
  return {
    api,
    /** The core ends the session on its own clock (expiry), as a technician left idle would see. */
    expireSession: () => {
      unlocked = false;
    },
  };
}
