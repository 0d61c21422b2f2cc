/**
 * The USB keyboard-wedge scanner in the Electron host. The scanner types into the window like a keyboard; the main
 * process sees every key first (`before-input-event`), tells a scanner from a person by timing (the shared
 * WedgeDecoder) and sends the renderer only the parsed ScanEvent (or, for a provisioning QR code, the parsed
 * ProvisioningScan): the raw text never crosses, because a QR lookup
 * URL can carry the citizen's ID number. Logs carry the redacted code only.
 */
import type { BrowserWindow } from 'electron';
import type { EventChannel } from '../../shared/contract/kiosk';
import { isProvisioningText, provisioningScanFromText } from '../../shared/provisioning/provisioningQr';
import { scanEventFromText } from '../../shared/receipt/scanEvent';
import { WedgeDecoder, defaultWedgeTiming } from '../../shared/scanner/wedgeDecoder';
import type { Logger, Redactor } from '../core/logger';

const SCAN_CHANNEL = 'scanner:scan' satisfies EventChannel;
const PROVISIONING_SCAN_CHANNEL = 'setup:provisioningScan' satisfies EventChannel;

/** `onScan`: a burst was read at scanner speed, so the scanner works (the fleet heartbeat reports it). */
export function attachWedgeScanner({ window, logger, redactor, onScan }: { window: BrowserWindow; logger: Logger; redactor: Redactor; onScan?: () => void }): void {
  const contents = window.webContents;
  const decoder = new WedgeDecoder();
  let silenceTimer: NodeJS.Timeout | undefined;

  const deliver = (scannedText: string) => {
    onScan?.();
    if (isProvisioningText(scannedText)) {
      // Holds an enrollment code: only whether it could be read is logged.
      const scan = provisioningScanFromText(scannedText);
      logger.info({ ok: scan.ok, reason: scan.ok ? undefined : scan.reason }, 'provisioning scan');
      if (!contents.isDestroyed()) contents.send(PROVISIONING_SCAN_CHANNEL, scan);
      return;
    }
    const event = scanEventFromText(scannedText, 'wedge');
    if (event.ok) logger.info({ code: redactor.code(event.code), kind: event.kind }, 'scan');
    else logger.info({ reason: event.reason }, 'unreadable scan');
    if (!contents.isDestroyed()) contents.send(SCAN_CHANNEL, event);
  };

  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    clearTimeout(silenceTimer);
    const scanned = decoder.push({ key: input.key, time: performance.now(), repeat: input.isAutoRepeat });
    if (scanned !== null) {
      // The Enter/Tab that ended a scan must not also press whatever button has focus.
      event.preventDefault();
      deliver(scanned);
      return;
    }
    // Scanners configured without a terminator: the burst ends with silence.
    silenceTimer = setTimeout(() => {
      const flushed = decoder.flush(performance.now());
      if (flushed !== null) deliver(flushed);
    }, defaultWedgeTiming.silenceMs);
  });
  window.on('closed', () => clearTimeout(silenceTimer));
}
