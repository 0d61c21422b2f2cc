import { useEffect, useState } from 'react';
import type { Screen } from '../state/kioskState';

/** How long a lookup runs before the loading screen replaces the screen it started from. */
export const LOADING_SCREEN_DELAY_MS = 300;

/**
 * The screen to show: the current one, except while a lookup is young, when the screen it started from stays up
 * (`held`: the caller makes it inert) until LOADING_SCREEN_DELAY_MS have passed. Most lookups answer well before
 * that, so the answer replaces the previous screen directly: no blank or flashing loading frame, and on a kiosk
 * that paints in software no frame drawn while the request is out, taking the CPU the lookup needs.
 */
export function useScreenDuringLookup(screen: Screen): { shown: Screen; held: boolean } {
  // The last screen shown in full: not a young lookup (React's pattern for keeping a value from an earlier render).
  const [settled, setSettled] = useState(screen);
  if (screen.name !== 'loading' && screen !== settled) setSettled(screen);

  const lookup = screen.name === 'loading' ? screen : null;
  useEffect(() => {
    if (lookup === null) return;
    const timer = setTimeout(() => setSettled(lookup), LOADING_SCREEN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [lookup]);

  // Once the loading screen is up, a scan that supersedes its lookup keeps it up.
  if (screen.name !== 'loading' || settled.name === 'loading') return { shown: screen, held: false };
  return { shown: settled, held: true };
}
