import { describe, expect, it } from 'vitest';
import { defaultScannerSettings } from '../../shared/contract/camera';
import { createLiveSettings, type RunningSettings } from '../../electron/core/liveSettings';

const initial: RunningSettings = { idleTimeoutSeconds: 60, language: 'vi', scanner: { ...defaultScannerSettings, mode: 'both' }, catalogueSyncMinutes: 15 };

describe('the running settings', () => {
  it("take a technician's change, keeping what the change leaves out (the camera's own settings too)", () => {
    const settings = createLiveSettings(initial);
    settings.apply({ scannerMode: 'camera', catalogueSyncMinutes: 30 });
    expect(settings.current()).toEqual({ ...initial, scanner: { ...initial.scanner, mode: 'camera' }, catalogueSyncMinutes: 30 });
    settings.apply({ language: 'en', cameraDeviceId: 'usb-cam-2' });
    expect(settings.current()).toEqual({
      idleTimeoutSeconds: 60,
      language: 'en',
      scanner: { mode: 'camera', camera: { ...initial.scanner.camera, deviceId: 'usb-cam-2' } },
      catalogueSyncMinutes: 30,
    });
  });

  it('tell every listener the settings before and after each change, until it unsubscribes', () => {
    const settings = createLiveSettings(initial);
    const seen: Array<[number, number]> = [];
    const unsubscribe = settings.onChange((next, previous) => seen.push([previous.catalogueSyncMinutes, next.catalogueSyncMinutes]));
    settings.apply({ catalogueSyncMinutes: 5 });
    unsubscribe();
    settings.apply({ catalogueSyncMinutes: 60 });
    expect(seen).toEqual([[15, 5]]);
  });
});
