/**
 * Vietnamese input without an OS input method: Telex and VNI key sequences composed into Vietnamese letters, as a
 * pure function of the text so far and the key pressed. Only the word being typed (the trailing letters) changes.
 * The tone mark goes on the vowel that the modern rules ("kiểu mới": hoà, thuý) choose, and moves when the word
 * grows (a tone typed early lands right once the word is complete).
 */

export type InputMode = 'telex' | 'vni' | 'plain';

// Unicode combining marks: NFD splits a Vietnamese letter into its base, its shape mark and its tone mark.
const tones = { acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323' } as const;
type Tone = (typeof tones)[keyof typeof tones];
const toneMarks: ReadonlySet<string> = new Set(Object.values(tones));
const circumflex = '\u0302';
const breve = '\u0306';

const telexTones: Readonly<Record<string, Tone>> = { s: tones.acute, f: tones.grave, r: tones.hook, x: tones.tilde, j: tones.dot };
const vniTones: Readonly<Record<string, Tone>> = { '1': tones.acute, '2': tones.grave, '3': tones.hook, '4': tones.tilde, '5': tones.dot };
const vowelBases = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const shapedVowels = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const letter = /\p{L}/u;

/** One letter of the word: its shaped base (â, ơ, đ…), lowercase; its tone mark; whether it was uppercase. */
interface Letter {
  base: string;
  tone: Tone | null;
  upper: boolean;
}

/** The text after pressing `key` (one character) in `mode`. */
export function typeKey(text: string, key: string, mode: InputMode): string {
  if (mode === 'plain' || (!letter.test(key) && !/^\d$/.test(key))) return text + key;
  const start = wordStart(text);
  const word = decompose(text.slice(start));
  const composed = mode === 'telex' ? telexKey(word, key) : vniKey(word, key);
  if (composed !== null) return text.slice(0, start) + compose(composed);
  // A plain letter can still move the tone: "toas" is toá, "toasn" is toán.
  return letter.test(key) ? text.slice(0, start) + compose(retone([...word, literal(key)])) : text + key;
}

/** Applies a sequence of keys from an empty text: what a citizen typing `keys` sees. */
export function typeKeys(keys: string, mode: InputMode): string {
  let text = '';
  for (const key of keys) text = typeKey(text, key, mode);
  return text;
}

function telexKey(word: Letter[], key: string): Letter[] | null {
  const lower = key.toLowerCase();
  if (word.length === 0) return null;
  const tone = telexTones[lower];
  if (tone !== undefined) return withTone(word, tone, key);
  if (lower === 'z') return hasTone(word) ? withTone(word, null, key) : null;
  if (lower === 'a' || lower === 'e' || lower === 'o') return withShape(word, lower, circumflex, key);
  if (lower === 'w') return withHorn(word, key);
  if (lower === 'd') return withStroke(word, key);
  return null;
}

function vniKey(word: Letter[], key: string): Letter[] | null {
  if (word.length === 0) return null;
  const tone = vniTones[key];
  if (tone !== undefined) return withTone(word, tone, key);
  switch (key) {
    case '0':
      return hasTone(word) ? withTone(word, null, key) : null;
    case '6':
      return withShape(word, 'aeo', circumflex, key);
    case '7':
      return withHorn(word, key);
    case '8':
      return withShape(word, 'a', breve, key);
    case '9':
      return withStroke(word, key);
    default:
      return null;
  }
}

/** Sets the word's tone (null: removes it). Typing the tone the word already has undoes it and types the key. */
function withTone(word: Letter[], tone: Tone | null, key: string): Letter[] | null {
  const target = toneTarget(word);
  if (target === null) return null;
  const current = word.find((l) => l.tone !== null)?.tone ?? null;
  const cleared = word.map((l) => ({ ...l, tone: null }));
  if (tone !== null && tone === current) return [...cleared, literal(key)];
  return placeTone(cleared, tone);
}

/**
 * Adds `mark` to the last vowel whose plain base is in `bases` (Telex: the same letter typed again; VNI: the
 * digit). A vowel that already has the mark loses it and the key is typed, so "aaa" gives "aa".
 */
function withShape(word: Letter[], bases: string, mark: string, key: string): Letter[] | null {
  for (let i = word.length - 1; i >= 0; i -= 1) {
    const current = word[i];
    if (current === undefined || !vowelBases.has(current.base)) continue;
    const plain = plainOf(current.base);
    if (!bases.includes(plain)) continue;
    const shaped = (plain + mark).normalize('NFC');
    if (current.base === shaped) return retone([...replaceAt(word, i, plain), literal(key)]);
    return retone(replaceAt(word, i, shaped));
  }
  return null;
}

/** Telex w / VNI 7: ươ for uo, else a horn on the last o or u, or a breve on the last a (Telex only: aw → ă). */
function withHorn(word: Letter[], key: string): Letter[] | null {
  for (let i = word.length - 1; i >= 0; i -= 1) {
    const current = word[i];
    if (current === undefined || !vowelBases.has(current.base)) continue;
    const plain = plainOf(current.base);
    const before = word[i - 1];
    if (plain === 'o' && before !== undefined && plainOf(before.base) === 'u') {
      if (current.base === 'ơ' && before.base === 'ư') return null;
      return retone(replaceAt(replaceAt(word, i - 1, 'ư'), i, 'ơ'));
    }
    const shaped = plain === 'o' ? 'ơ' : plain === 'u' ? 'ư' : plain === 'a' && /^[wW]$/.test(key) ? 'ă' : null;
    if (shaped === null) continue;
    if (current.base === shaped) return retone([...replaceAt(word, i, plain), literal(key)]);
    return retone(replaceAt(word, i, shaped));
  }
  return null;
}

/** Telex dd / VNI 9: đ for the word's initial d. */
function withStroke(word: Letter[], key: string): Letter[] | null {
  const first = word[0]?.base;
  if (first === 'd') return retone(replaceAt(word, 0, 'đ'));
  if (first === 'đ' && /^[dD]$/.test(key)) return [...replaceAt(word, 0, 'd'), literal(key)];
  return null;
}

function replaceAt(word: Letter[], index: number, base: string): Letter[] {
  return word.map((l, i) => (i === index ? { ...l, base } : l));
}

/** Moves the word's tone to where it belongs now that the letters changed. */
function retone(word: Letter[]): Letter[] {
  const tone = word.find((l) => l.tone !== null)?.tone ?? null;
  if (tone === null) return word;
  return placeTone(
    word.map((l) => ({ ...l, tone: null })),
    tone,
  );
}

function placeTone(word: Letter[], tone: Tone | null): Letter[] {
  if (tone === null) return word;
  const target = toneTarget(word);
  if (target === null) return word;
  return word.map((l, i) => (i === target ? { ...l, tone } : l));
}

/** Index of the vowel that carries the tone, by the modern rules; null when the word has no vowel. */
function toneTarget(word: readonly Letter[]): number | null {
  const bases = word.map((l) => l.base);
  const isVowel = (i: number) => vowelBases.has(bases[i] ?? '');
  let first = bases.findIndex((base) => vowelBases.has(base));
  if (first === -1) return null;
  // The u of qu and the i of gi are part of the consonant when another vowel follows (quý, giá; but gì).
  const pair = `${bases[first - 1] ?? ''}${bases[first] ?? ''}`;
  if ((pair === 'qu' || pair === 'gi') && isVowel(first + 1)) first += 1;
  let last = first;
  while (isVowel(last + 1)) last += 1;
  const cluster = bases.slice(first, last + 1);
  for (let i = cluster.length - 1; i >= 0; i -= 1) if (shapedVowels.has(cluster[i] ?? '')) return first + i;
  if (cluster.length === 1) return first;
  // With a final consonant the last vowel carries it (toán, hoạch); without, the modern rules put it on the
  // second of oa, oe, uy (hoà, thuý), the middle of three (ngoài), else the first (mùa, tài).
  if (last < word.length - 1) return last;
  if (['oa', 'oe', 'uy'].includes(cluster.join(''))) return first + 1;
  return cluster.length === 3 ? first + 1 : first;
}

function hasTone(word: Letter[]): boolean {
  return word.some((l) => l.tone !== null);
}

function literal(key: string): Letter {
  return { base: key.toLowerCase(), tone: null, upper: key !== key.toLowerCase() };
}

function plainOf(base: string): string {
  return base === 'đ' ? 'd' : base.normalize('NFD').charAt(0);
}

function wordStart(text: string): number {
  let start = text.length;
  while (start > 0 && letter.test(text.charAt(start - 1))) start -= 1;
  return start;
}

function decompose(word: string): Letter[] {
  return [...word].map((char) => {
    const lower = char.toLowerCase();
    const parts = [...lower.normalize('NFD')];
    const tone = (parts.find((p) => toneMarks.has(p)) ?? null) as Tone | null;
    const base = parts
      .filter((p) => !toneMarks.has(p))
      .join('')
      .normalize('NFC');
    return { base, tone, upper: char !== lower };
  });
}

function compose(word: Letter[]): string {
  return word
    .map((l) => {
      const char = (l.base + (l.tone ?? '')).normalize('NFC');
      return l.upper ? char.toUpperCase() : char;
    })
    .join('');
}
