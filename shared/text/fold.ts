/**
 * Folding Vietnamese text to a search key: what a citizen types without diacritics, in any case, must meet the
 * catalogue's text. FTS5's remove_diacritics does not fold đ (it is a letter, not d with a mark), so it is done here.
 */

/** Lower case, no tone or vowel marks, đ → d, runs of whitespace as one space, trimmed. */
export function foldText(text: string): string {
  return stripMarks(text).replace(/\s+/gu, ' ').trim();
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * A syllable ending in y after consonants is spelled with i as well (ký/kí, lý/lí, quy/qui): both spellings are
 * correct, so the search key keeps one. Only the final y of such a syllable changes: "tay" and "tai" stay apart.
 */
export function unifyFinalY(foldedWord: string): string {
  return /^(?:[bcdghklmnpqrstvx]+|qu)y$/.test(foldedWord) ? `${foldedWord.slice(0, -1)}i` : foldedWord;
}

/** Words of folded text: letters and digits only, punctuation is a separator. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** unifyFinalY over a whole text of folded words, in one pass. */
const FINAL_Y = /(?<![\p{L}\p{N}])((?:[bcdghklmnpqrstvx]+|qu))y(?![\p{L}\p{N}])/gu;

function searchKeyOfToken(token: string): string {
  return stripMarks(token).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(FINAL_Y, '$1i');
}

/** Search keys of whitespace-separated tokens seen before: a catalogue repeats a few thousand syllables. */
const tokenKeys = new Map<string, string>();
const MAX_REMEMBERED_TOKENS = 100_000;

/**
 * The text as it is indexed and searched: folded words, i/y unified, joined by spaces. Folded a token at a time
 * with each token's key remembered: indexing folds whole catalogues, and normalising and regex passes over all of
 * their text cost more than the rest of a sync. Whitespace separates words anyway, so the key is the same.
 */
export function searchKey(text: string): string {
  let key = '';
  for (const token of text.split(/\s+/u)) {
    let tokenKey = tokenKeys.get(token);
    if (tokenKey === undefined) {
      tokenKey = searchKeyOfToken(token);
      if (tokenKeys.size >= MAX_REMEMBERED_TOKENS) tokenKeys.clear();
      tokenKeys.set(token, tokenKey);
    }
    if (tokenKey !== '') key = key === '' ? tokenKey : `${key} ${tokenKey}`;
  }
  return key;
}
