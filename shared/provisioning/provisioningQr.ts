/**
 * The provisioning QR code a technician prints from the central server (GET /api/v1/admin/provisioning-qr) and
 * scans on a new kiosk so the setup wizard fills itself in. Its text, version 1:
 *
 *   hcc-kiosk:provision?v=1&central=<central server URL>&code=<enrollment code>&location=<location id>
 *
 * with each value percent-encoded. The scheme tells it apart from a dossier receipt (a code or a lookup URL) at
 * once; an unknown `v` is refused rather than half-read, so a later format can change anything.
 */
import type { ProvisioningScan } from '../contract/setup';

export const PROVISIONING_QR_PREFIX = 'hcc-kiosk:provision?';
export const PROVISIONING_QR_VERSION = 1;
const MAX_TEXT_LENGTH = 2048;

export interface Provisioning {
  centralUrl: string;
  enrollmentCode: string;
  locationId: string;
}

export type ProvisioningRejection =
  /** Not a provisioning code at all: a dossier receipt, another site's URL, text. */
  | { reason: 'FOREIGN' }
  | { reason: 'UNSUPPORTED_VERSION'; version: string }
  /** Ours, but damaged or incomplete: `field` says which part. */
  | { reason: 'MALFORMED'; field: 'text' | 'central' | 'code' | 'location' | 'v' };

export type ProvisioningParse = ({ ok: true } & Provisioning) | ({ ok: false } & ProvisioningRejection);

export function isProvisioningText(text: string): boolean {
  return text.trim().toLowerCase().startsWith(PROVISIONING_QR_PREFIX);
}

export function parseProvisioningQr(text: string): ProvisioningParse {
  if (!isProvisioningText(text)) return { ok: false, reason: 'FOREIGN' };
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT_LENGTH) return { ok: false, reason: 'MALFORMED', field: 'text' };
  const params = parseQuery(trimmed.slice(PROVISIONING_QR_PREFIX.length));
  if (params === null) return { ok: false, reason: 'MALFORMED', field: 'text' };
  const version = params.get('v');
  if (version === undefined) return { ok: false, reason: 'MALFORMED', field: 'v' };
  if (version !== String(PROVISIONING_QR_VERSION)) return { ok: false, reason: 'UNSUPPORTED_VERSION', version: version.slice(0, 16) };
  const centralUrl = params.get('central') ?? '';
  if (!isHttpUrl(centralUrl)) return { ok: false, reason: 'MALFORMED', field: 'central' };
  const enrollmentCode = (params.get('code') ?? '').trim();
  if (!/^[A-Za-z0-9-]{4,64}$/.test(enrollmentCode)) return { ok: false, reason: 'MALFORMED', field: 'code' };
  const locationId = (params.get('location') ?? '').trim();
  if (!/^[A-Za-z0-9._:-]{1,80}$/.test(locationId)) return { ok: false, reason: 'MALFORMED', field: 'location' };
  return { ok: true, centralUrl, enrollmentCode, locationId };
}

export function formatProvisioningQr(provisioning: Provisioning): string {
  const query = [
    ['v', String(PROVISIONING_QR_VERSION)],
    ['central', provisioning.centralUrl],
    ['code', provisioning.enrollmentCode],
    ['location', provisioning.locationId],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value!)}`)
    .join('&');
  return `${PROVISIONING_QR_PREFIX}${query}`;
}

/** Null when a value is not valid percent-encoding or a name repeats (two answers to one question: refuse). */
function parseQuery(query: string): Map<string, string> | null {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const name = (equals === -1 ? part : part.slice(0, equals)).toLowerCase();
    let value: string;
    try {
      value = decodeURIComponent((equals === -1 ? '' : part.slice(equals + 1)).replace(/\+/g, ' '));
    } catch {
      return null;
    }
    if (params.has(name)) return null;
    params.set(name, value);
  }
  return params;
}

/** Scheme, host, optional port and path; no credentials, query or fragment (the same rule as the central client). */
function isHttpUrl(value: string): boolean {
  return value.length <= 2048 && /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s?#@]*)?$/i.test(value);
}

/**
 * What a scanner adapter sends on 'setup:provisioningScan' for a scanned text that isProvisioningText: the parsed
 * fields, or why they cannot be used. Adapters send every other text down the receipt path (scanEventFromText).
 */
export function provisioningScanFromText(text: string): ProvisioningScan {
  const parsed = parseProvisioningQr(text);
  if (parsed.ok) return { ok: true, centralUrl: parsed.centralUrl, enrollmentCode: parsed.enrollmentCode, locationId: parsed.locationId };
  return { ok: false, reason: parsed.reason === 'UNSUPPORTED_VERSION' ? 'UNSUPPORTED_VERSION' : 'MALFORMED' };
}
