/** Command line of `npm run kiosk:web`, parsed into the web kiosk's options or one clear error line. */
import { parseArgs } from 'node:util';
import { ScannerMode, scannerModes } from '../../shared/contract/camera';
import { isCentralUrl } from '../core/centralClient';

export const WEB_KIOSK_USAGE =
  'usage: npm run kiosk:web -- --port <port> --data-dir <dir> [--central <url> [--enrollment-code <code>]] [--idle-timeout <seconds>] [--renderer-dir <dir>] [--catalogue-sync-minutes <minutes>] [--scanner-mode wedge|camera|both] [--heartbeat-seconds <seconds>]';

export interface WebKioskArgs {
  port: number;
  /** Absent: the stored configuration, or the setup wizard when there is none. */
  centralUrl?: string;
  dataDir: string;
  enrollmentCode?: string;
  /** Absent: the configuration's. */
  idleTimeoutSeconds?: number;
  rendererDir?: string;
  catalogueSyncMinutes?: number;
  /** Which scanners the kiosk listens to; the USB scanner only when absent. */
  scannerMode?: ScannerMode;
  /** Seconds between heartbeats to the central server; default DEFAULT_HEARTBEAT_SECONDS. */
  heartbeatSeconds?: number;
}

export type ParsedWebKioskArgs = { kind: 'run'; args: WebKioskArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export function parseWebKioskArgs(argv: string[]): ParsedWebKioskArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        central: { type: 'string' },
        'data-dir': { type: 'string' },
        'enrollment-code': { type: 'string' },
        'idle-timeout': { type: 'string' },
        'renderer-dir': { type: 'string' },
        'catalogue-sync-minutes': { type: 'string' },
        'scanner-mode': { type: 'string' },
        'heartbeat-seconds': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const port = parseWholeNumber(values.port);
  if (port === null || port > 65535) return { kind: 'error', message: '--port must be a port number (0 picks a free one)' };
  if (values.central !== undefined && !isCentralUrl(values.central)) return { kind: 'error', message: '--central must be an http(s) URL' };
  if (values['enrollment-code'] !== undefined && values.central === undefined) return { kind: 'error', message: '--enrollment-code needs --central' };
  if (!values['data-dir']) return { kind: 'error', message: '--data-dir is required' };
  const idleTimeoutSeconds = values['idle-timeout'] === undefined ? undefined : parseWholeNumber(values['idle-timeout']);
  if (idleTimeoutSeconds === null || idleTimeoutSeconds === 0) return { kind: 'error', message: '--idle-timeout must be a whole number of seconds above 0' };
  const catalogueSyncMinutes = values['catalogue-sync-minutes'] === undefined ? undefined : parseWholeNumber(values['catalogue-sync-minutes']);
  if (catalogueSyncMinutes === 0 || catalogueSyncMinutes === null) {
    return { kind: 'error', message: '--catalogue-sync-minutes must be a whole number of minutes above 0' };
  }
  const heartbeatSeconds = values['heartbeat-seconds'] === undefined ? undefined : parseWholeNumber(values['heartbeat-seconds']);
  // The API's bounds (shared/api/fleet.ts Heartbeat.intervalSeconds): a kiosk may not flood the server.
  if (heartbeatSeconds === null || (heartbeatSeconds !== undefined && (heartbeatSeconds < 10 || heartbeatSeconds > 86_400))) {
    return { kind: 'error', message: '--heartbeat-seconds must be a whole number of seconds from 10 to 86400' };
  }
  const scannerMode = values['scanner-mode'] === undefined ? undefined : ScannerMode.safeParse(values['scanner-mode']);
  if (scannerMode && !scannerMode.success) return { kind: 'error', message: `--scanner-mode must be one of ${scannerModes.join(', ')}` };
  return {
    kind: 'run',
    args: {
      port,
      centralUrl: values.central,
      dataDir: values['data-dir'],
      enrollmentCode: values['enrollment-code'],
      idleTimeoutSeconds,
      rendererDir: values['renderer-dir'],
      catalogueSyncMinutes,
      scannerMode: scannerMode?.data,
      heartbeatSeconds,
    },
  };
}

function parseWholeNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null;
}
