/**
 * What technician mode asks of the host process: restart the app, or leave it for the desktop. Electron implements
 * it with app.relaunch + app.exit (electron/main/hostControls.ts); the web host exits with RESTART_EXIT_CODE, which
 * its supervisor (systemd `Restart=on-failure`, or the shell loop that runs it) restarts, or with 0, which it does not.
 */
export interface HostControls {
  restart(): void;
  exitToDesktop(): void;
}

/** EX_TEMPFAIL: "try again", the code a supervisor restarts. Exit code 0 means "leave me stopped". */
export const RESTART_EXIT_CODE = 75;
