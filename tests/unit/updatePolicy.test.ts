import { describe, expect, it } from 'vitest';
import { decideUpdate, INSTALL_AFTER_IDLE_MS, updatesApplyHere } from '../../electron/main/updatePolicy';

const minute = 60_000;

describe('when an update installs', () => {
  it('does nothing without a downloaded update, however idle the kiosk is', () => {
    expect(decideUpdate({ downloadedVersion: null, idleAtHomeSince: 0, now: 60 * minute })).toEqual({ kind: 'nothing' });
  });

  it('never installs while the kiosk is in use', () => {
    expect(decideUpdate({ downloadedVersion: '0.2.0', idleAtHomeSince: null, now: 60 * minute })).toEqual({ kind: 'nothing' });
  });

  it('waits until the kiosk has been idle at home long enough, and says how much longer', () => {
    expect(decideUpdate({ downloadedVersion: '0.2.0', idleAtHomeSince: 100_000, now: 100_000 })).toEqual({ kind: 'waitIdle', ms: INSTALL_AFTER_IDLE_MS });
    expect(decideUpdate({ downloadedVersion: '0.2.0', idleAtHomeSince: 100_000, now: 100_000 + INSTALL_AFTER_IDLE_MS - 1 })).toEqual({ kind: 'waitIdle', ms: 1 });
  });

  it('installs once the kiosk has been idle at home for the whole wait', () => {
    expect(decideUpdate({ downloadedVersion: '0.2.0', idleAtHomeSince: 100_000, now: 100_000 + INSTALL_AFTER_IDLE_MS })).toEqual({ kind: 'install', version: '0.2.0' });
  });

  it('honours a different wait', () => {
    expect(decideUpdate({ downloadedVersion: '0.2.0', idleAtHomeSince: 0, now: 5 * minute }, 10 * minute)).toEqual({ kind: 'waitIdle', ms: 5 * minute });
  });
});

describe('which installations update themselves', () => {
  it.each([
    ['the Windows installer', 'win32', {}, true],
    ['the AppImage', 'linux', { APPIMAGE: '/home/kiosk/HCC-Kiosk.AppImage' }, true],
    ['the .deb (apt updates it)', 'linux', {}, false],
    ['an unsupported platform', 'darwin', { APPIMAGE: '/x' }, false],
  ] as const)('%s: %s', (_name, platform, env, expected) => {
    expect(updatesApplyHere(platform, env)).toBe(expected);
  });
});
