/**
 * Returns the kiosk to its start after a period without anyone touching it. Activity is any pointer, touch or
 * key-down on the window, or a change of `activityKey` (a new screen opened by a scan from the main process).
 * Time comes from Date.now and setInterval, so tests drive it with vitest fake timers.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

export interface IdleCountdownOptions {
  timeoutSeconds: number;
  /** The countdown is shown for this many last seconds. */
  warningSeconds: number;
  /** Off while there is nothing to clear (the home screen). */
  enabled: boolean;
  activityKey: unknown;
  onIdle: () => void;
}

export interface IdleCountdown {
  /** Seconds left while the countdown shows, else null. */
  secondsLeft: number | null;
  /** Counts as activity (the "continue" button). */
  keepAlive: () => void;
}

const tickMs = 250;
const activityEvents = ['pointerdown', 'touchstart', 'keydown'] as const;

export function useIdleCountdown({
  timeoutSeconds,
  warningSeconds,
  enabled,
  activityKey,
  onIdle,
}: IdleCountdownOptions): IdleCountdown {
  // Tagged with the activity key it was computed for, so a new screen never shows the previous screen's countdown.
  const [countdown, setCountdown] = useState<{ forKey: unknown; secondsLeft: number } | null>(null);
  const lastActivityAt = useRef(0);
  const fireIdle = useEffectEvent(onIdle);

  const keepAlive = useCallback(() => {
    lastActivityAt.current = Date.now();
    setCountdown(null);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    lastActivityAt.current = Date.now();
    for (const type of activityEvents) window.addEventListener(type, keepAlive, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const remainingMs = timeoutSeconds * 1000 - (Date.now() - lastActivityAt.current);
      if (remainingMs <= 0) {
        keepAlive();
        fireIdle();
        return;
      }
      const warning = remainingMs <= warningSeconds * 1000;
      setCountdown(warning ? { forKey: activityKey, secondsLeft: Math.ceil(remainingMs / 1000) } : null);
    }, tickMs);
    return () => {
      for (const type of activityEvents) window.removeEventListener(type, keepAlive, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, timeoutSeconds, warningSeconds, activityKey, keepAlive]);

  const secondsLeft = enabled && countdown !== null && countdown.forKey === activityKey ? countdown.secondsLeft : null;
  return { secondsLeft, keepAlive };
}
