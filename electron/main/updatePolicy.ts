/**
 * When a downloaded update may be installed. Installing restarts the app, so it happens only while the kiosk has
 * sat idle on its home screen (the attract screen) for a while: never in front of a citizen, and not in the instant
 * someone walks up. Pure: the updater wiring feeds it the facts and acts on the answer.
 */

/** How long the kiosk must have been idle at home before an update restarts it. */
export const INSTALL_AFTER_IDLE_MS = 60_000;

export interface UpdateFacts {
  /** The version downloaded and ready to install, or null. */
  downloadedVersion: string | null;
  /** Since when (ms) the kiosk has been idle at home, or null while in use. */
  idleAtHomeSince: number | null;
  now: number;
}

export type UpdateDecision =
  | { kind: 'nothing' } // no update ready, or the kiosk is in use: decide again when that changes
  | { kind: 'waitIdle'; ms: number } // idle at home, not long enough yet: decide again after `ms`
  | { kind: 'install'; version: string };

export function decideUpdate({ downloadedVersion, idleAtHomeSince, now }: UpdateFacts, installAfterIdleMs = INSTALL_AFTER_IDLE_MS): UpdateDecision {
  if (downloadedVersion === null || idleAtHomeSince === null) return { kind: 'nothing' };
  const idleFor = now - idleAtHomeSince;
  if (idleFor < installAfterIdleMs) return { kind: 'waitIdle', ms: installAfterIdleMs - idleFor };
  return { kind: 'install', version: downloadedVersion };
}

/**
 * Whether this installation updates itself: the NSIS install on Windows and the AppImage on Linux. A .deb is the
 * system package manager's to update (electron-updater would ask for a root password on the kiosk's screen).
 */
export function updatesApplyHere(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): boolean {
  if (platform === 'win32') return true;
  return platform === 'linux' && env.APPIMAGE !== undefined;
}
