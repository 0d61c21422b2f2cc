/**
 * A scanned code's lookup, sent in the scan's own task, before React renders the screen that waits for it: the host
 * and the central server work on it while the page renders. The effect that runs the loading screen's lookup takes
 * that request rather than sending another; a code nobody started ahead (typed on the keypad, a retry) is sent then.
 */
import type { DossierView, Result } from '../../shared/contract/kiosk';

export interface LookupAhead {
  /** Sends the lookup of `code` now. */
  start(code: string): void;
  /** The lookup of `code`: the one started ahead, taken once, or else a new one. */
  take(code: string): Promise<Result<DossierView>>;
}

export function createLookupAhead(lookup: (code: string) => Promise<Result<DossierView>>): LookupAhead {
  let ahead: { code: string; reply: Promise<Result<DossierView>> } | null = null;
  return {
    start(code) {
      ahead = { code, reply: lookup(code) };
    },
    take(code) {
      const reply = ahead?.code === code ? ahead.reply : lookup(code);
      ahead = null;
      return reply;
    },
  };
}
