/**
 * A catalogue call's state for a screen: loading, failed (with a retry) or loaded. A reply that arrives after
 * its inputs changed is dropped, so quick typing never shows the results of an older query.
 */
import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type Load<T> =
  /** `previous`: the last value loaded, for screens that keep showing it while the next one loads. */
  | { state: 'loading'; previous: T | null }
  | { state: 'failed'; retry: () => void }
  | { state: 'loaded'; value: T };

/** `key` names the request: a new key loads again. `delayMs` waits for the key to settle first (typing). */
export function useLoad<T>(key: string, load: () => Promise<T>, delayMs = 0): Load<T> {
  const [result, setResult] = useState<{ key: string; attempt: number; load: Load<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const run = useEffectEvent(load);

  useEffect(() => {
    let current = true;
    const settle = (settled: Load<T>) => {
      if (current) setResult({ key, attempt, load: settled });
    };
    const timer = setTimeout(() => {
      run().then(
        (value) => settle({ state: 'loaded', value }),
        () => settle({ state: 'failed', retry }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, attempt, delayMs, retry]);

  if (result !== null && result.key === key && result.attempt === attempt) return result.load;
  return { state: 'loading', previous: result?.load.state === 'loaded' ? result.load.value : null };
}
