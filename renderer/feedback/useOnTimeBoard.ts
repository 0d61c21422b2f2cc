/** Loads the on-time board of a period through the core (fresh, or the cached copy when offline). */
import { useEffect, useState } from 'react';
import type { StatsPeriod } from '../../shared/api/feedback';
import type { OnTimeBoardView } from '../../shared/contract/feedback';
import type { KioskApi } from '../../shared/contract/kiosk';

export type OnTimeBoardLoad = { name: 'loading' } | { name: 'loaded'; view: OnTimeBoardView } | { name: 'failed' };

export function useOnTimeBoard(stats: KioskApi['stats'], period: StatsPeriod): OnTimeBoardLoad {
  // Tagged with its period, so a new period shows "loading" rather than the previous period's figures.
  const [load, setLoad] = useState<{ period: StatsPeriod; load: OnTimeBoardLoad } | null>(null);

  useEffect(() => {
    let current = true;
    stats.onTime({ period }).then(
      (view) => current && setLoad({ period, load: { name: 'loaded', view } }),
      () => current && setLoad({ period, load: { name: 'failed' } }),
    );
    return () => {
      current = false;
    };
  }, [stats, period]);

  return load !== null && load.period === period ? load.load : { name: 'loading' };
}
