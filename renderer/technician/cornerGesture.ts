/**
 * The hidden gesture that opens technician mode: `taps` taps in the screen's top-left corner within `windowMs`.
 * A tap anywhere else starts the count again, so a citizen touching the screen normally never opens it. Pure: the
 * App feeds it pointer-downs with their position and time.
 */

export interface CornerGesture {
  taps: number;
  windowMs: number;
  /** Side of the square corner area, in CSS pixels. */
  cornerPx: number;
}

export const defaultCornerGesture: CornerGesture = { taps: 5, windowMs: 3000, cornerPx: 80 };

export interface Tap {
  x: number;
  y: number;
  /** Milliseconds, monotonic (Event.timeStamp). */
  time: number;
}

/** Times of the recent corner taps, oldest first. */
export type TapHistory = readonly number[];

export function recordTap(history: TapHistory, tap: Tap, gesture: CornerGesture = defaultCornerGesture): { history: TapHistory; opened: boolean } {
  if (tap.x > gesture.cornerPx || tap.y > gesture.cornerPx || tap.x < 0 || tap.y < 0) return { history: [], opened: false };
  const recent = [...history.filter((time) => tap.time - time < gesture.windowMs && time <= tap.time), tap.time];
  if (recent.length >= gesture.taps) return { history: [], opened: true };
  return { history: recent, opened: false };
}
