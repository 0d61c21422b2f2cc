/**
 * The contract's request/reply channels over Electron IPC (style practice 4, security checklist B1 item 17): one
 * `ipcMain.handle` per contract channel, each accepting only the app's own main frame, then the shared
 * dispatchInvoke, which validates the payload and the reply with the contract's zod schemas. Refusals follow the
 * convention in ipcRefusal.ts. Payloads are never logged: a lookup carries a dossier code.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { invokeChannels } from '../../shared/contract/kiosk';
import { dispatchInvoke, type InvokeHandlers } from '../core/dispatch';
import type { Logger } from '../core/logger';
import { ipcRefusal } from './ipcRefusal';
import { isSameOrigin } from './origin';

export function registerInvokeHandlers({
  ipcMain,
  handlers,
  appOrigin,
  logger,
}: {
  ipcMain: Pick<IpcMain, 'handle'>;
  handlers: InvokeHandlers;
  appOrigin: string;
  logger: Logger;
}): void {
  for (const channel of Object.keys(invokeChannels)) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isAppMainFrame(event, appOrigin)) {
        logger.warn({ channel }, 'refused IPC from a sender that is not the app main frame');
        throw ipcRefusal('SENDER_REFUSED');
      }
      const outcome = await dispatchInvoke(handlers, channel, payload);
      if (outcome.ok) return outcome.response;
      if (outcome.failure) logger.error({ channel, error: outcome.failure }, 'IPC handler failed');
      logger.warn({ channel, code: outcome.error.code }, 'refused IPC request');
      throw ipcRefusal(outcome.error.code === 'BAD_REQUEST' ? 'BAD_REQUEST' : 'INTERNAL');
    });
  }
}

/** `senderFrame` is null once the frame has navigated away or gone; a sub-frame is never trusted. */
function isAppMainFrame(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, appOrigin: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isSameOrigin(frame.url, appOrigin);
}
