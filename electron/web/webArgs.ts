/** Command line of `npm run kiosk:web`, parsed into the web kiosk's options or one clear error line. */
import { parseArgs } from 'node:util';
import { isCentralUrl } from '../core/centralClient';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../core/kioskCore';

export const WEB_KIOSK_USAGE =
  'usage: npm run kiosk:web -- --port <port> --central <url> --data-dir <dir> [--enrollment-code <code>] [--idle-timeout <seconds>] [--renderer-dir <dir>] [--catalogue-sync-minutes <minutes>]';

export interface WebKioskArgs {
  port: number;
  centralUrl: string;
  dataDir: string;
  enrollmentCode?: string;
  idleTimeoutSeconds: number;
  rendererDir?: string;
  catalogueSyncMinutes?: number;
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
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const port = parseWholeNumber(values.port);
  if (port === null || port > 65535) return { kind: 'error', message: '--port must be a port number (0 picks a free one)' };
  if (!values.central || !isCentralUrl(values.central)) return { kind: 'error', message: '--central must be an http(s) URL' };
  if (!values['data-dir']) return { kind: 'error', message: '--data-dir is required' };
  const idleTimeoutSeconds =
    values['idle-timeout'] === undefined ? DEFAULT_IDLE_TIMEOUT_SECONDS : parseWholeNumber(values['idle-timeout']);
  if (!idleTimeoutSeconds) return { kind: 'error', message: '--idle-timeout must be a whole number of seconds above 0' };
  const catalogueSyncMinutes = values['catalogue-sync-minutes'] === undefined ? undefined : parseWholeNumber(values['catalogue-sync-minutes']);
  if (catalogueSyncMinutes === 0 || catalogueSyncMinutes === null) {
    return { kind: 'error', message: '--catalogue-sync-minutes must be a whole number of minutes above 0' };
  }
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
    },
  };
}

function parseWholeNumber(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null;
}
