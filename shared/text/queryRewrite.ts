/**
 * A citizen's words turned into what the catalogue search looks for, without I/O: each "concept" of the query (a
 * word, or a phrase of the dictionary) with the spellings that may stand for it, each with how sure the rewrite is.
 * Handled here: Telex left in the text (ddawng kys), words typed together (dangky), the dictionary's everyday names,
 * abbreviations, renamed things, situation words and fillers, regional spellings (s/x, ch/tr, d/gi/r, l/n, final
 * n/ng, t/c), tone and vowel marks (folded away by the search key), typos by edit distance, numbers as digits or
 * words, and the word being typed as the words it begins. The scoring (catalogueSearch.ts) decides which spelling
 * the catalogue bears out; a correction that matches nothing costs nothing.
 */
import type { Dictionary, DictionaryEntry } from './dictionary';
import { editDistance } from './editDistance';
import { foldedWords, unifyFinalY } from './fold';

/** What the rewrite asks of the catalogue's words; catalogueSearch.ts answers from its index. */
export interface Vocabulary {
  /** Whether any indexed text has the word. */
  has(word: string): boolean;
  /** Procedures with the word in their name or everyday names. */
  titleFrequency(word: string): number;
  /** Words of names and everyday names within `max` edits of `word`, the closest and most frequent first. */
  near(word: string, max: number): string[];
  /** Index words that begin with `prefix`, or null when there are too many to list. */
  completions(prefix: string): string[] | null;
  /** Whether some name has `first` then `second` side by side. */
  pair(first: string, second: string): boolean;
}

export interface Alternative {
  /** Search-key words, all of which must be in one field. */
  terms: readonly string[];
  /** The words count fully only side by side, as typed (a phrase the citizen typed); a meaning's words anywhere. */
  together: boolean;
  /** 1 for what was typed; less the further the rewrite went. */
  quality: number;
}

export interface Concept {
  /** As typed, folded. */
  typed: string;
  alternatives: Alternative[];
  /** A word that says nothing about the procedure (làm, xin, cho, ở đâu): it weighs little. */
  filler: boolean;
}

export const QUALITY = { typed: 1, dictionary: 1, completion: 0.9, inContext: 0.9, regional: 0.85, typo: 0.75, typoOfRealWord: 0.5 } as const;

/** Spellings within this many edits count as the same word: none for one or two letters, two from seven. */
export const typoBudget = (word: string): number => (word.length < 3 ? 0 : word.length < 7 ? 1 : 2);
/** Alternatives kept per misspelt word: enough for a typo, few enough to keep the search quick. */
const MAX_TYPO_ALTERNATIVES = 6;

/** Telex keys left in unconverted text: đ as dd, ă/â as aw/aa, ê as ee, ô/ơ as oo/ow, ư as uw or w; a tone key at the end. */
export function decodeTelex(word: string): string {
  const marks = word
    .replace(/dd/g, 'd')
    .replace(/a[aw]/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/o[ow]/g, 'o')
    .replace(/uw/g, 'u')
    .replace(/w/g, 'u');
  // No Vietnamese syllable ends in s, f, r, x or j: there it is a tone key.
  return marks.length > 1 ? marks.replace(/[sfrxj]$/, '') : marks;
}

const INITIAL_SWAPS: readonly (readonly [string, readonly string[]])[] = [
  ['ngh', ['ng']],
  ['ng', ['ngh']],
  ['gh', ['g']],
  ['gi', ['d', 'r']],
  ['ch', ['tr']],
  ['tr', ['ch']],
  ['s', ['x']],
  ['x', ['s']],
  ['d', ['gi', 'r', 'v']],
  ['r', ['d', 'gi']],
  ['v', ['d']],
  ['l', ['n']],
  ['n', ['l']],
  ['g', ['gh']],
];
const FINAL_SWAPS: readonly (readonly [string, readonly string[]])[] = [
  ['ng', ['n']],
  ['nh', ['n']],
  ['n', ['ng', 'nh']],
  ['t', ['c']],
  ['c', ['t']],
  ['ch', ['t']],
];

/** Regional and sound-alike spellings of a folded syllable: initial s/x, ch/tr, d/gi/r, l/n; final n/ng, t/c. */
export function regionalSpellings(word: string): string[] {
  const initials = [word];
  for (const [from, tos] of INITIAL_SWAPS) {
    if (word.startsWith(from) && !(from === 'g' && word.startsWith('gi')) && !(from === 'n' && word.startsWith('ng'))) {
      initials.push(...tos.map((to) => to + word.slice(from.length)));
      break;
    }
  }
  const spellings = new Set<string>();
  for (const initial of initials) {
    spellings.add(initial);
    for (const [from, tos] of FINAL_SWAPS) {
      if (initial.endsWith(from) && initial.length > from.length) {
        for (const to of tos) spellings.add(initial.slice(0, -from.length) + to);
        break;
      }
    }
  }
  spellings.delete(word);
  return [...spellings];
}

/** A word typed without its spaces (dangky, khaisinh) as two to four words of names, or null. */
export function splitRunTogether(word: string, isNameWord: (part: string) => boolean): string[] | null {
  if (word.length < 4 || /\d/.test(word)) return null;
  let best: string[] | null = null;
  const search = (rest: string, parts: string[]) => {
    if (rest === '') {
      if (parts.length >= 2 && (best === null || parts.length < best.length)) best = [...parts];
      return;
    }
    // Another part could not make a split with fewer parts than the best one found.
    if (parts.length === 4 || (best !== null && parts.length + 1 >= (best as string[]).length)) return;
    // Longest part first: "thuongtru" is "thuong tru", not "thu ong tru".
    for (let end = Math.min(rest.length, 7); end >= 1; end--) {
      const part = unifyFinalY(rest.slice(0, end));
      if (isNameWord(part)) search(rest.slice(end), [...parts, part]);
    }
  };
  search(word, []);
  return best;
}

/** The word as the catalogue may know it: typed, with its Telex decoded, or split where it was typed together. */
function normalise(word: string, dictionary: Dictionary, vocabulary: Vocabulary): string[] {
  if (dictionary.entries.has(word) || vocabulary.has(word)) return [word];
  const decoded = unifyFinalY(decodeTelex(word));
  if (decoded !== word && (dictionary.entries.has(decoded) || vocabulary.has(decoded))) return [decoded];
  return splitRunTogether(word, (part) => vocabulary.titleFrequency(part) > 0) ?? [word];
}

/** Alternatives of one word: itself, its regional spellings, its typos, and while typed the words it begins. */
function wordAlternatives(word: string, vocabulary: Vocabulary, beingTyped: boolean): Alternative[] {
  const known = vocabulary.has(word);
  const alternatives: Alternative[] = [{ terms: [word], quality: QUALITY.typed, together: true }];
  const seen = new Set([word]);
  const add = (term: string, quality: number) => {
    if (seen.has(term)) return;
    seen.add(term);
    alternatives.push({ terms: [term], quality, together: true });
  };
  // Numbers are parts of codes and counts: a wrong digit is another number.
  if (!/\d/.test(word)) {
    for (const spelling of regionalSpellings(word)) if (vocabulary.titleFrequency(spelling) > 0) add(spelling, QUALITY.regional);
    const budget = typoBudget(word);
    if (budget > 0) {
      // All of them: those the words around bear out are kept beyond the first few (inContext).
      for (const term of vocabulary.near(word, known ? 1 : budget)) add(term, known ? QUALITY.typoOfRealWord : QUALITY.typo);
    }
  }
  if (beingTyped) for (const term of vocabulary.completions(word) ?? []) add(term, QUALITY.completion);
  // Best first: the scoring stops at the first spelling that cannot beat what it found.
  return alternatives.sort((a, b) => b.quality - a.quality);
}

/** Phrases of two or three words are also looked up with one word's regional spelling ("bị mấc" is "bị mất"). */
const RESPELT_PHRASE_WORDS = 3;

/** The dictionary's entry for these words as typed or, for a short phrase, with regional spellings of them. */
function phraseAt(words: readonly string[], dictionary: Dictionary): { phrase: string; entry: DictionaryEntry } | null {
  const typed = words.join(' ');
  const entry = dictionary.entries.get(typed);
  if (entry) return { phrase: typed, entry };
  if (words.length < 2 || words.length > RESPELT_PHRASE_WORDS) return null;
  // One word respelt at a time: a phrase of the dictionary typed with one slip.
  const spellings = words.flatMap((word, index) =>
    regionalSpellings(word).map((form) => [...words.slice(0, index), form, ...words.slice(index + 1)].join(' ')),
  );
  for (const phrase of spellings) {
    const respelt = dictionary.entries.get(phrase);
    // A filler respelt is not worth the guess.
    if (respelt && !respelt.filler) return { phrase, entry: respelt };
  }
  return null;
}

/**
 * The query's concepts, in order. `beingTyped`: the last word has no space after it yet, so it may be the start of a
 * longer word.
 */
export function planQuery(input: string, dictionary: Dictionary, vocabulary: Vocabulary, beingTyped: boolean): Concept[] {
  const words = foldedWords(input)
    .map(unifyFinalY)
    .flatMap((word) => normalise(word, dictionary, vocabulary));
  const concepts: Concept[] = [];
  for (let start = 0; start < words.length; ) {
    let matched = 0;
    // Longest phrase of the dictionary first: "chứng minh nhân dân" before "chứng minh".
    for (let end = Math.min(words.length, start + dictionary.longestPhrase); end > start && matched === 0; end--) {
      const found = phraseAt(words.slice(start, end), dictionary);
      if (!found) continue;
      const { phrase, entry } = found;
      matched = end - start;
      // A word of the dictionary may also be a slip for another ("sáu" typed for "sao"): its own spellings follow.
      const respellings =
        matched === 1 && !entry.filler ? wordAlternatives(phrase, vocabulary, beingTyped && end === words.length).slice(1) : [];
      concepts.push({
        typed: phrase,
        filler: entry.filler,
        alternatives: [
          { terms: phrase.split(' '), quality: QUALITY.typed, together: true },
          ...entry.means
            .filter((meaning) => meaning !== phrase)
            .map((meaning) => ({ terms: meaning.split(' '), quality: QUALITY.dictionary, together: false })),
          ...respellings,
        ],
      });
    }
    if (matched === 0) {
      const word = words[start] as string;
      concepts.push({ typed: word, filler: false, alternatives: wordAlternatives(word, vocabulary, beingTyped && start === words.length - 1) });
      matched = 1;
    }
    start += matched;
  }
  return inContext(concepts, vocabulary);
}

/**
 * A respelling that names have beside the word before or after it, where the word as typed is not, is likely what
 * was meant ("bản sau" is "bản sao", "lái sẽ" is "lái xe", "bị mấc" is "bị mất"): it counts nearly as typed.
 */
function inContext(concepts: Concept[], vocabulary: Vocabulary): Concept[] {
  const typedLast = (concept: Concept | undefined) => concept?.alternatives[0]?.terms.at(-1);
  const typedFirst = (concept: Concept | undefined) => concept?.alternatives[0]?.terms[0];
  return concepts.map((concept, index) => {
    if (concept.alternatives[0]?.terms.length !== 1 || !concept.alternatives[0].together) return concept;
    const typed = concept.alternatives[0].terms[0] as string;
    const before = typedLast(concepts[index - 1]);
    const after = typedFirst(concepts[index + 1]);
    const fits = (word: string) => (before !== undefined && vocabulary.pair(before, word)) || (after !== undefined && vocabulary.pair(word, after));
    const typedFits = fits(typed);
    let typos = 0;
    const alternatives = concept.alternatives.flatMap((alternative) => {
      if (alternative.quality >= QUALITY.regional) return [alternative];
      if (!typedFits && fits(alternative.terms[0] as string)) return [{ ...alternative, quality: QUALITY.inContext }];
      return typos++ < MAX_TYPO_ALTERNATIVES ? [alternative] : [];
    });
    return { ...concept, alternatives: alternatives.sort((a, b) => b.quality - a.quality) };
  });
}

/** Every string made by deleting up to `max` letters of `word` (the word itself included). */
function deletions(word: string, max: number, into: Set<string> = new Set()): Set<string> {
  into.add(word);
  if (max === 0 || word.length <= 1) return into;
  for (let index = 0; index < word.length; index++) {
    const shorter = word.slice(0, index) + word.slice(index + 1);
    if (!into.has(shorter)) deletions(shorter, max - 1, into);
  }
  return into;
}

/**
 * The words of names within a few edits of a word, found through their deletions (the symmetric-delete method):
 * two words within d edits share a string made by deleting at most d letters from each, so a lookup reads a few
 * dozen keys instead of comparing the word with every word of the catalogue. Built once per sync.
 */
export function createTypoIndex(terms: readonly string[], maxEdits = 2) {
  const byDeletion = new Map<string, string[]>();
  const order = new Map(terms.map((term, index) => [term, index]));
  for (const term of terms) {
    if (term.length < 3) continue;
    for (const key of deletions(term, maxEdits)) {
      const list = byDeletion.get(key);
      if (list) list.push(term);
      else byDeletion.set(key, [term]);
    }
  }
  return {
    /** Words within `max` edits (at most the index's), closest first, in the order `terms` gave them within a distance. */
    near(word: string, max: number): string[] {
      const found = new Map<string, number>();
      for (const key of deletions(word, Math.min(max, maxEdits))) {
        for (const term of byDeletion.get(key) ?? []) {
          if (term === word || found.has(term)) continue;
          const distance = editDistance(word, term, max);
          if (distance <= max) found.set(term, distance);
        }
      }
      return [...found].sort((a, b) => a[1] - b[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0)).map(([term]) => term);
    },
  };
}
