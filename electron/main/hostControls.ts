/** Technician mode's restart and exit in Electron (electron/core/technician/hostControls.ts). */
import type { App } from 'electron';
import { RESTART_EXIT_CODE, type HostControls } from '../core/technician/hostControls';

/** Set by the systemd unit (build/linux/hcc-kiosk.service): the supervisor restarts a failed exit itself. */
export const SUPERVISOR_ENV = 'HCC_SUPERVISOR';

export function electronHostControls(app: Pick<App, 'relaunch' | 'exit'>, { supervised }: { supervised: boolean }): HostControls {
  return {
    // Under a supervisor a relaunched child would share the unit's cgroup and be killed with it: let it restart us.
    // Otherwise relaunch only schedules the new instance; exit (not quit) skips beforeunload handlers a page may hold.
    restart: () => {
      if (supervised) return app.exit(RESTART_EXIT_CODE);
      app.relaunch();
      app.exit(0);
    },
    // 0 is the one exit the supervisor leaves stopped (Restart=on-failure).
    exitToDesktop: () => app.exit(0),
  };
}
