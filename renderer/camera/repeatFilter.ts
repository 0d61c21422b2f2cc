/**
 * The camera sees a held receipt in frame after frame: the same text read again within a few seconds is the same
 * receipt, not a new request, so it is looked up once. Pure; the clock is the caller's.
 */

/** How long a text read must be out of view before reading it again counts as a new scan. */
export const REPEAT_WINDOW_MS = 4000;

export interface RepeatFilter {
  /** True when this read is a new scan; false for the same text seen within the window of its last sighting. */
  accept(text: string, now: number): boolean;
}

export function createRepeatFilter(windowMs: number = REPEAT_WINDOW_MS): RepeatFilter {
  let last: { text: string; seenAt: number } | null = null;
  return {
    accept(text, now) {
      const repeat = last !== null && last.text === text && now - last.seenAt < windowMs;
      // Every sighting renews the window: a receipt left in view is never looked up again while it stays there.
      last = { text, seenAt: now };
      return !repeat;
    },
  };
}
