/**
 * USB keyboard-wedge scanning in the page, for the web host (the Electron host scans in its main process).
 * Key-downs go to the shared WedgeDecoder, which tells a scanner's burst from a person typing; each scanned text
 * becomes a ScanEvent through the shared receipt parser, or, for a provisioning QR code, a ProvisioningScan, so
 * the raw text (a QR URL may carry an ID number) goes no further than this module.
 */
import type { ScanEvent } from '../../shared/contract/kiosk';
import type { ProvisioningScan } from '../../shared/contract/setup';
import { isProvisioningText, provisioningScanFromText } from '../../shared/provisioning/provisioningQr';
import { scanEventFromText } from '../../shared/receipt/scanEvent';
import { defaultWedgeTiming, WedgeDecoder } from '../../shared/scanner/wedgeDecoder';

export type WedgeListeners = {
  scan?: (event: ScanEvent) => void;
  provisioning?: (scan: ProvisioningScan) => void;
  /** Any burst read at scanner speed, whatever it held: the scanner works. */
  burst?: () => void;
};

/**
 * Listens to key-downs on `win` (capture phase) and calls the listener of the scan's kind: a receipt scan (or a
 * refused one) or a provisioning QR code. Returns the unsubscribe function.
 */
export function listenForWedgeScans(win: Window, listeners: WedgeListeners): () => void {
  const decoder = new WedgeDecoder();
  const { silenceMs } = defaultWedgeTiming;
  let silenceTimer: number | undefined;

  const emit = (text: string | null) => {
    if (text === null) return;
    listeners.burst?.();
    if (isProvisioningText(text)) listeners.provisioning?.(provisioningScanFromText(text));
    else listeners.scan?.(scanEventFromText(text, 'wedge'));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // A person typing in a field is never a scan.
    if (isEditable(event.target)) return;
    win.clearTimeout(silenceTimer);
    const scanned = decoder.push({ key: event.key, time: event.timeStamp, repeat: event.repeat });
    if (scanned !== null) {
      // Only an Enter or Tab ending a scan returns text: keep it from pressing the focused button.
      event.preventDefault();
      emit(scanned);
      return;
    }
    // For scanners set up without a suffix. The timer fires once `silenceMs` passed after this key, in the
    // events' own time base.
    const lastKeyAt = event.timeStamp;
    silenceTimer = win.setTimeout(() => emit(decoder.flush(lastKeyAt + silenceMs)), silenceMs);
  };

  win.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    win.clearTimeout(silenceTimer);
  };
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null
  );
}
