/**
 * Turns what a scanner or a person entered into a dossier code (mã hồ sơ), or says why it is not one.
 * Code formats and QR lookup URLs: ../shared/domain.md section 1 (beside the repository).
 *
 * Decisions:
 * - Structured codes are `<agency id in 4 dot groups>-<yyMMdd>-<4..6 digit sequence>` with a real calendar date.
 *   Short agency forms (`H56.14`) appear only in portal settings and links, never seen inside a dossier code, so a
 *   code such as `H56.14-231027-0361` is accepted as 'unstructured' rather than guessed into agency fields.
 * - Anything else within the length and alphabet limits is accepted as 'unstructured' (other agencies' numbers such
 *   as `03706/2026/07906`): a scan is never refused just because it does not match the national format.
 * - From an http(s) URL only the dossier code parameter is taken. The citizen's ID number (`SGT`) and every other
 *   parameter are dropped, and no rejection carries any part of the input.
 */

export const receiptRejections = [
  'EMPTY',
  'TOO_SHORT',
  'TOO_LONG',
  'CONTROL_CHARS',
  'MARKUP',
  'BAD_CHARS',
  'URL_WITHOUT_CODE',
] as const;
export type ReceiptRejection = (typeof receiptRejections)[number];

export interface StructuredCode {
  agencyId: string;
  /** Date the dossier was received, yyMMdd. */
  receivedOn: string;
  sequence: string;
}

export type ParsedReceipt =
  | { ok: true; code: string; kind: 'structured'; structured: StructuredCode }
  | { ok: true; code: string; kind: 'unstructured' }
  | { ok: false; reason: ReceiptRejection };

/** Raw input limit: a QR lookup URL is much longer than the code it carries. */
export const MAX_RECEIPT_INPUT_LENGTH = 1024;
export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 40;

// Non-printing characters: C0/C1 controls (STX, ETX, GS, CR, LF, Tab), format characters (BOM, zero-width space)
// and line/paragraph separators.
const nonPrinting = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const leadingNoise = /^[\p{Cc}\p{Cf}\p{Z}]+/u;
const trailingNoise = /[\p{Cc}\p{Cf}\p{Z}]+$/u;
// AIM symbology identifier some scanners prepend (`]C0` Code 128, `]A0` Code 39, `]Q1` QR): `]` never starts a code.
const aimSymbologyPrefix = /^\][A-Za-z][0-9A-Za-z]/;
const markup = /[<>"'`]/;
const interiorSpaces = /\p{Zs}+/gu;
const codeAlphabet = /^[A-Za-z0-9./_-]+$/;
const letterOrDigit = /[A-Za-z0-9]/;
/** A national dossier code's form (agency id, receiving date, sequence); voice guidance finds codes in text with it. */
export const STRUCTURED_CODE_PATTERN = String.raw`([0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2})-(\d{6})-(\d{4,6})`;
const structuredCode = new RegExp(`^${STRUCTURED_CODE_PATTERN}$`);
const httpUrl = /^https?:\/\//i;
const codeParameterNames = new Set(['mahs', 'mhs', 'mahoso']);

export function parseReceipt(input: string): ParsedReceipt {
  // Checked before any work so that a flood of input costs nothing.
  if (input.length > MAX_RECEIPT_INPUT_LENGTH) return reject('TOO_LONG');
  const text = stripScannerNoise(input);
  const problem = screen(text);
  if (problem) return reject(problem);
  if (!httpUrl.test(text)) return parseCode(text);

  const value = codeParameter(text);
  if (value === null) return reject('URL_WITHOUT_CODE');
  // The parameter was percent-decoded, so it is screened again: `%3Cscript%3E` is markup too.
  const code = stripScannerNoise(value);
  const codeProblem = screen(code);
  if (codeProblem === 'EMPTY') return reject('URL_WITHOUT_CODE');
  if (codeProblem) return reject(codeProblem);
  return parseCode(code);
}

function reject(reason: ReceiptRejection): ParsedReceipt {
  return { ok: false, reason };
}

function stripScannerNoise(text: string): string {
  const trim = (s: string) => s.replace(leadingNoise, '').replace(trailingNoise, '');
  return trim(trim(text).replace(aimSymbologyPrefix, ''));
}

function screen(text: string): ReceiptRejection | null {
  if (text === '') return 'EMPTY';
  if (nonPrinting.test(text)) return 'CONTROL_CHARS';
  if (markup.test(text)) return 'MARKUP';
  return null;
}

/** The first non-empty dossier code parameter, in the query or, for hash-routed portals, inside the fragment. */
function codeParameter(url: string): string | null {
  const start = url.search(/[?#]/);
  if (start < 0) return null;
  for (const pair of url.slice(start + 1).split(/[?#&]/)) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = percentDecoded(pair.slice(0, separator)).toLowerCase();
    const value = percentDecoded(pair.slice(separator + 1));
    if (codeParameterNames.has(name) && value !== '') return value;
  }
  return null;
}

/** Malformed escapes are kept as they are; the `%` then fails the alphabet check. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseCode(text: string): ParsedReceipt {
  // People type spaces around the dashes; no code contains a space.
  const cleaned = text.replace(interiorSpaces, '');
  // Characters first: for a pasted sentence or a schemeless link, "too long" would be the less helpful answer.
  if (!codeAlphabet.test(cleaned) || !letterOrDigit.test(cleaned)) return reject('BAD_CHARS');
  if (cleaned.length > MAX_CODE_LENGTH) return reject('TOO_LONG');
  if (cleaned.length < MIN_CODE_LENGTH) return reject('TOO_SHORT');

  // Codes are case-insensitive; the alphabet is ASCII, so upper-casing keeps the length.
  const code = cleaned.toUpperCase();
  const [, agencyId, receivedOn, sequence] = structuredCode.exec(code) ?? [];
  if (agencyId && receivedOn && sequence && isCalendarDate(receivedOn)) {
    return { ok: true, code, kind: 'structured', structured: { agencyId, receivedOn, sequence } };
  }
  return { ok: true, code, kind: 'unstructured' };
}

function isCalendarDate(yyMMdd: string): boolean {
  const year = 2000 + Number(yyMMdd.slice(0, 2));
  const month = Number(yyMMdd.slice(2, 4));
  const day = Number(yyMMdd.slice(4, 6));
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}
