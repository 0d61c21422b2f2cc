import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { Location } from '../../shared/api/catalogue';
import type { ProvisioningScan, SetupApi, SetupErrorCode } from '../../shared/contract/setup';

const alreadyProvisioned = { ok: false as const, error: { code: 'ALREADY_PROVISIONED' as const, message: 'set up' } };

/** What a provisioned kiosk's core answers on the setup channels (the kiosk screens never call the others). */
export function kioskModeSetup(): SetupApi {
  return {
    state: async () => ({ mode: 'kiosk', reason: null }),
    checkServer: async () => alreadyProvisioned,
    locations: async () => alreadyProvisioned,
    enroll: async () => alreadyProvisioned,
    complete: async () => alreadyProvisioned,
    onProvisioningScan: () => () => undefined,
  };
}

export const testLocations: Location[] = [
  { id: 'loc-centre', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'centre', address: 'Số 1', parent: null },
  { id: 'loc-branch', name: 'Chi nhánh Thành phố', kind: 'branch', address: 'Số 2', parent: 'loc-centre' },
];

const failure = (code: SetupErrorCode) => ({ ok: false as const, error: { code, message: code } });

/**
 * A central server as the setup channels see it: `serverUrl` answers, `code` enrolls, anything else fails the way
 * the core reports it. `down` makes every server call UNAVAILABLE.
 */
export function fakeSetupCore({ serverUrl = 'https://hcc.example.vn', code = 'GOOD-CODE', down = false } = {}) {
  const provisioningListeners = new Set<(scan: ProvisioningScan) => void>();
  const reach = (url: string) => (down ? failure('UNAVAILABLE') : !/^https?:\/\//.test(url) ? failure('BAD_URL') : url !== serverUrl ? failure('UNAVAILABLE') : null);
  const api = {
    state: vi.fn<SetupApi['state']>(async () => ({ mode: 'setup', reason: 'missing' })),
    checkServer: vi.fn<SetupApi['checkServer']>(async ({ url }) => reach(url) ?? { ok: true, version: '0.1.0', latencyMs: 12 }),
    locations: vi.fn<SetupApi['locations']>(async ({ url }) => reach(url) ?? { ok: true, locations: testLocations }),
    enroll: vi.fn<SetupApi['enroll']>(async (request) => reach(request.url) ?? (request.code === code ? { ok: true, kioskId: 'kiosk-1' } : failure('ENROLLMENT_REFUSED'))),
    complete: vi.fn<SetupApi['complete']>(async () => ({ ok: true })),
    onProvisioningScan(listener: (scan: ProvisioningScan) => void) {
      provisioningListeners.add(listener);
      return () => provisioningListeners.delete(listener);
    },
  } satisfies SetupApi;
  return {
    api,
    /** Delivers a provisioning scan the way the scanner adapter would. */
    scanProvisioning(scan: ProvisioningScan) {
      act(() => {
        for (const listener of provisioningListeners) listener(scan);
      });
    },
  };
}
