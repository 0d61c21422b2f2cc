/**
 * A citizen's search box text, parsed into what the catalogue search needs. User input is never FTS5 syntax: every
 * word becomes a quoted string, so quotes, stars, NEAR, AND/OR or column filters typed at the kiosk mean nothing.
 */
import { foldedWords, unifyFinalY } from './fold';
import { everydayNames } from './synonyms';

/** A national procedure code: 1.001193, with a case suffix where it exists (1.001193.01). */
const PROCEDURE_CODE = /^\d\.\d{6}(?:\.\d{2})?$/;

export interface ParsedQuery {
  /** Search-key words, in order, everyday names replaced by the official words they stand for. */
  words: string[];
  /** A procedure code typed as such. */
  code: string | null;
  /**
   * The last word is still being typed (no space after it): matched as a prefix. Not when an everyday name ends
   * the query: its official words are whole words.
   */
  prefixLast: boolean;
}

export function parseQuery(input: string): ParsedQuery {
  const trimmed = input.trim();
  if (PROCEDURE_CODE.test(trimmed)) return { words: [], code: trimmed, prefixLast: false };
  const { words, endsWithEverydayName } = expandEverydayNames(foldedWords(input).map(unifyFinalY));
  return { words, code: null, prefixLast: words.length > 0 && !endsWithEverydayName && !/\s$/u.test(input) };
}

/** Longest everyday name first, left to right: "bằng lái xe" wins over "bằng lái". */
function expandEverydayNames(words: string[]): { words: string[]; endsWithEverydayName: boolean } {
  const out: string[] = [];
  let endsWithEverydayName = false;
  for (let start = 0; start < words.length; ) {
    let matched = 0;
    for (let end = words.length; end > start && matched === 0; end--) {
      const official = everydayNames.get(words.slice(start, end).join(' '));
      if (official !== undefined) {
        out.push(...official.split(' '));
        matched = end - start;
      }
    }
    if (matched === 0) out.push(words[start] as string);
    start += matched || 1;
    endsWithEverydayName = matched > 0;
  }
  return { words: out, endsWithEverydayName };
}

/** One word as an FTS5 string: double quotes doubled, never an operator. */
export function ftsString(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** All words must match; the last one as a prefix while it is being typed. */
export function ftsMatchAll(words: readonly string[], prefixLast: boolean): string {
  return words.map((word, index) => ftsString(word) + (prefixLast && index === words.length - 1 ? '*' : '')).join(' AND ');
}

/** Any of several spellings of each word, all words required: the typo fallback's query. */
export function ftsMatchAlternatives(alternatives: readonly (readonly string[])[]): string {
  return alternatives.map((options) => `(${options.map(ftsString).join(' OR ')})`).join(' AND ');
}
