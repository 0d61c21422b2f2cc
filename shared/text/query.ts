/**
 * A citizen's search box text, as the catalogue search first reads it: a procedure code typed as such, or words
 * (rewritten by queryRewrite.ts). User input is never FTS5 syntax: every word becomes a quoted string, so quotes,
 * stars, NEAR, AND/OR or column filters typed at the kiosk mean nothing.
 */

/** A national procedure code: 1.001193, with a case suffix where it exists (1.001193.01). */
const PROCEDURE_CODE = /^\d\.\d{6}(?:\.\d{2})?$/;

/** The procedure code the input is, or null when it is words. */
export function procedureCodeOf(input: string): string | null {
  const trimmed = input.trim();
  return PROCEDURE_CODE.test(trimmed) ? trimmed : null;
}

/** One word as an FTS5 string: double quotes doubled, never an operator. */
export function ftsString(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}
