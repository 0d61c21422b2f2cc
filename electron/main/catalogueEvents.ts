/**
 * The catalogue's status (sync progress, online/offline) pushed to the renderer as the contract's
 * 'catalogue:status' event, for as long as the window lives.
 */
import type { BrowserWindow } from 'electron';
import type { EventChannel } from '../../shared/contract/kiosk';
import type { CatalogueService } from '../core/catalogue/catalogueService';

const STATUS_CHANNEL = 'catalogue:status' satisfies EventChannel;

export function forwardCatalogueStatus({ window, catalogue }: { window: BrowserWindow; catalogue: Pick<CatalogueService, 'onStatus'> }): void {
  const contents = window.webContents;
  const unsubscribe = catalogue.onStatus((status) => {
    if (!contents.isDestroyed()) contents.send(STATUS_CHANNEL, status);
  });
  window.on('closed', unsubscribe);
}
