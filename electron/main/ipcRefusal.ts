/**
 * How the main process refuses an invoke, and how the preload reads the refusal. Pure, so the sandboxed preload can
 * bundle it.
 *
 * Convention: a refused `ipcMain.handle` call throws an Error whose message is exactly `KIOSK_IPC_REFUSED:<code>`.
 * Electron carries only the message to `ipcRenderer.invoke`, wrapped as "Error invoking remote method '<channel>':
 * Error: <message>", so the preload looks for the marker anywhere in the message. For channels whose reply is a
 * Result (dossier:lookup) the preload turns the refusal into `{ ok: false, error }`; other channels reject.
 */
import type { KioskError } from '../../shared/contract/kiosk';

export const ipcRefusalCodes = [
  'SENDER_REFUSED', // not the app's own main frame
  'BAD_REQUEST', // the payload does not match the contract
  'INTERNAL', // the handler failed or its reply did not match the contract
] as const;
export type IpcRefusalCode = (typeof ipcRefusalCodes)[number];

const MARKER = 'KIOSK_IPC_REFUSED:';

export function ipcRefusal(code: IpcRefusalCode): Error {
  return new Error(`${MARKER}${code}`);
}

/** The refusal code carried by an invoke rejection; anything unrecognised is INTERNAL. */
export function ipcRefusalCodeOf(rejection: unknown): IpcRefusalCode {
  const message = rejection instanceof Error ? rejection.message : String(rejection);
  const found = new RegExp(`${MARKER}([A-Z_]+)`).exec(message)?.[1];
  return ipcRefusalCodes.find((code) => code === found) ?? 'INTERNAL';
}

export function kioskErrorFromRefusal(rejection: unknown): KioskError {
  return ipcRefusalCodeOf(rejection) === 'BAD_REQUEST'
    ? { code: 'BAD_REQUEST', message: 'Request does not match the contract' }
    : { code: 'INTERNAL', message: 'The kiosk could not handle the request' };
}
