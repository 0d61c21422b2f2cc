/**
 * The kiosk's Vietnamese dictionary of everyday names (dictionary.vi.json, shipped with the kiosk) with the
 * province's own entries from the catalogue feed laid over it, as search keys (fold.ts): a phrase however typed
 * meets its entry. One dictionary serves every catalogue; nothing about a particular procedure is written here.
 */
import type { EverydayName } from '../api/catalogue';
import shipped from './dictionary.vi.json' with { type: 'json' };
import { searchKey } from './fold';

export interface DictionaryEntry {
  /** Search keys of the official words it stands for, any of them; empty for a filler. */
  means: readonly string[];
  filler: boolean;
}

export interface Dictionary {
  /** By the phrase's search key. */
  entries: ReadonlyMap<string, DictionaryEntry>;
  /** Words in the longest phrase: how far a lookup looks ahead. */
  longestPhrase: number;
}

type WrittenEntry = Pick<EverydayName, 'phrase' | 'means'>;

/** The shipped dictionary, with `province` entries added; a province entry with a shipped phrase replaces it. */
export function buildDictionary(province: readonly WrittenEntry[] = []): Dictionary {
  const entries = new Map<string, DictionaryEntry>();
  for (const filler of shipped.fillers) entries.set(searchKey(filler), { means: [], filler: true });
  for (const { phrase, means } of [...shipped.entries, ...province]) {
    const key = searchKey(phrase);
    if (key === '') continue;
    const meansKeys = means.map(searchKey).filter((meaning) => meaning !== '');
    entries.set(key, { means: meansKeys, filler: meansKeys.length === 0 });
  }
  let longestPhrase = 1;
  for (const key of entries.keys()) longestPhrase = Math.max(longestPhrase, key.split(' ').length);
  return { entries, longestPhrase };
}

/** The shipped dictionary alone, built once. */
export const shippedDictionary: Dictionary = buildDictionary();
