// The Electron main entry on an unprovisioned kiosk, with `electron` replaced at its boundary and the real reference
// central server: what a technician setting the kiosk up would notice. The window opens the setup wizard, the
// wizard's channels enrol the kiosk, and without a restart the same window's calls reach the full kiosk core.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configPath } from '../../electron/core/config/configFile';
import { APP_ENTRY_URL } from '../../electron/main/protocol';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { FleetList, fleetPaths } from '../../shared/api/fleet';
import { apiCaller } from '../support/api';
import { FakeBrowserWindow, fakeEvent, ipcRenderer } from './fakeElectron';
import { useMainEntryRuns } from './mainEntry';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

const entry = useMainEntryRuns('electron-setup');

let central: RunningCentralServer;
beforeAll(async () => {
  central = await startCentralServer({ demo: true });
});
afterAll(() => central.close());

/** A renderer call as the preload makes it, from the app's own page. */
const invoke = (channel: string, request: unknown = {}) => ipcRenderer.invoke(channel, request);

const settings = { language: 'en', idleTimeoutSeconds: 90, scannerMode: 'both', cameraDeviceId: null, pin: '482916' } as const;

// A real server, scrypt and the heartbeat: more than the main project's default 5 s on a loaded machine.
describe('an unprovisioned Electron kiosk', { timeout: 30_000 }, () => {
  it('opens the kiosk page in setup mode, where only the wizard is answered', async () => {
    const window = await entry.firstWindow();
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    await expect(invoke('setup:state')).resolves.toEqual({ mode: 'setup', reason: 'missing' });
    await expect(invoke('app:info')).rejects.toThrow(/INTERNAL/);
    expect(existsSync(configPath(entry.userDataDir))).toBe(false);
  });

  it('is enrolled through the wizard, then answers as the full kiosk without a restart and reports to the fleet', async () => {
    const window = await entry.firstWindow();
    const locations = (await invoke('setup:locations', { url: central.url })) as { ok: true; locations: Array<{ id: string }> };
    const locationId = locations.locations[0]?.id;
    if (locationId === undefined) throw new Error('the reference server lists no location');
    await expect(invoke('setup:enroll', { url: central.url, code: 'WRONG-CODE', name: 'Quầy 3', locationId })).resolves.toMatchObject({
      ok: false,
      error: { code: 'ENROLLMENT_REFUSED' },
    });
    const enrolled = (await invoke('setup:enroll', { url: central.url, code: DEMO_ENROLLMENT_CODE, name: 'Quầy 3', locationId })) as { ok: true; kioskId: string };
    expect(enrolled).toMatchObject({ ok: true, kioskId: expect.any(String) });
    await expect(invoke('setup:complete', settings)).resolves.toEqual({ ok: true });

    // The same window, no reload: its calls now reach the kiosk core, with the settings chosen in the wizard.
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
    await expect(invoke('setup:state')).resolves.toEqual({ mode: 'kiosk', reason: null });
    await expect(invoke('app:info')).resolves.toMatchObject({ host: 'electron', idleTimeoutSeconds: 90, language: 'en' });
    await expect(invoke('scanner:settings')).resolves.toMatchObject({ mode: 'both' });
    await expect(invoke('dossier:lookup', { code: demoDossierCode('processing') })).resolves.toMatchObject({ ok: true, value: { code: demoDossierCode('processing') } });

    // Written for the next start: the enrolment, the location and the settings, without the token in clear or the PIN.
    const saved = readFileSync(configPath(entry.userDataDir), 'utf8');
    expect(JSON.parse(saved)).toMatchObject({ kioskId: enrolled.kioskId, locationId, language: 'en', idleTimeoutSeconds: 90, scannerMode: 'both' });
    expect(saved).not.toContain(settings.pin);

    // The core's heartbeat started with it: the fleet view knows the kiosk and where it stands.
    await vi.waitFor(
      async () => {
        const fleet = FleetList.parse(await (await apiCaller(central.url)(fleetPaths.adminKiosks, { token: central.adminToken })).json());
        expect(fleet.kiosks.find((kiosk) => kiosk.id === enrolled.kioskId)).toMatchObject({ health: 'ok', location: { id: locationId } });
      },
      { timeout: 10_000 },
    );
  });

  it("then carries the scanner's and the camera's health to the fleet, and applies a technician's settings at once", async () => {
    const window = await entry.firstWindow();
    const { locations } = (await invoke('setup:locations', { url: central.url })) as { locations: Array<{ id: string }> };
    const enrolled = (await invoke('setup:enroll', { url: central.url, code: DEMO_ENROLLMENT_CODE, name: 'Quầy 4', locationId: locations[0]?.id })) as { kioskId: string };
    await invoke('setup:complete', settings);

    // A burst at scanner speed in the window (the main process decodes the wedge here), and the page's camera report,
    // made before the core's first heartbeat: that is a timer, and these calls settle without leaving the microtask queue.
    for (const key of [...demoDossierCode('processing'), 'Enter']) {
      window.webContents.emit('before-input-event', fakeEvent(), { type: 'keyDown', key, isAutoRepeat: false });
    }
    await expect(invoke('device:health', { device: 'camera', health: 'fault' })).resolves.toEqual({});
    await expect(invoke('device:health', { device: 'camera', health: 'off' })).rejects.toThrow(/BAD_REQUEST/);
    const fleetEntry = async () =>
      FleetList.parse(await (await apiCaller(central.url)(fleetPaths.adminKiosks, { token: central.adminToken })).json()).kiosks.find(
        (kiosk) => kiosk.id === enrolled.kioskId,
      );
    await vi.waitFor(async () => expect(await fleetEntry()).toMatchObject({ health: 'warning', heartbeat: { scanner: 'ok', camera: 'fault' } }), { timeout: 10_000 });

    await expect(invoke('technician:unlock', { pin: settings.pin })).resolves.toMatchObject({ result: 'ok' });
    await expect(invoke('technician:updateSettings', { idleTimeoutSeconds: 120, language: 'vi' })).resolves.toMatchObject({ ok: true });
    await expect(invoke('app:info')).resolves.toMatchObject({ idleTimeoutSeconds: 120, language: 'vi' });
  });
});
