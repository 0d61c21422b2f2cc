import type { ScanEvent } from '../contract/kiosk';
import { parseReceipt } from './parseReceipt';

/**
 * The ScanEvent for a scanned text. Every scanner adapter goes through here, so the raw text (a QR lookup URL can
 * carry the citizen's ID number) stops at the adapter and only the parsed code, or the reason it was refused, goes on.
 */
export function scanEventFromText(text: string, source: ScanEvent['source']): ScanEvent {
  const parsed = parseReceipt(text);
  return parsed.ok ? { ok: true, code: parsed.code, kind: parsed.kind, source } : { ok: false, reason: parsed.reason, source };
}
