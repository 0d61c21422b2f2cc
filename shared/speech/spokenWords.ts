/**
 * The words voice guidance reads numbers, letters and months with, per language: data, kept in one place
 * (shared/speech/readAloud.ts applies them).
 */
import type { SpeechLanguage } from '../contract/speech';

export const vietnameseDigits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Groups of three digits, from the right: nghìn (the North's and the standard's word, not ngàn), triệu, tỷ. */
export const vietnameseScales = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ'] as const;

export const englishSmall = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
] as const;
export const englishTens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
export const englishScales = ['', 'thousand', 'million', 'billion', 'trillion'] as const;
export const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** Ordinals whose last word is not the cardinal plus "th". */
export const englishOrdinalWords: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** Letters as Vietnamese read an abbreviation aloud: CCCD xê xê xê đê, UBND u bê en đê (D said as đê, N as en, there). */
export const vietnameseLetters: Record<string, string> = {
  a: 'a', b: 'bê', c: 'xê', d: 'đê', đ: 'đê', e: 'e', f: 'ép', g: 'giê', h: 'hát', i: 'i', j: 'gi', k: 'ca', l: 'e lờ', m: 'em mờ',
  n: 'en', o: 'o', p: 'pê', q: 'qui', r: 'e rờ', s: 'ét xì', t: 'tê', u: 'u', v: 'vê', w: 'vê kép', x: 'ích xì', y: 'i dài', z: 'dét',
};

export const englishLetters: Record<string, string> = {
  a: 'ay', b: 'bee', c: 'see', d: 'dee', đ: 'dee', e: 'ee', f: 'ef', g: 'jee', h: 'aitch', i: 'eye', j: 'jay', k: 'kay', l: 'el', m: 'em',
  n: 'en', o: 'oh', p: 'pee', q: 'cue', r: 'ar', s: 'ess', t: 'tee', u: 'you', v: 'vee', w: 'double you', x: 'ex', y: 'why', z: 'zed',
};

/** Abbreviations a person reads as words, not letter by letter. */
export const abbreviationWords: Record<SpeechLanguage, Record<string, string>> = {
  vi: { 'TP.HCM': 'Thành phố Hồ Chí Minh', 'TP.': 'thành phố', QR: 'kiu a' },
  en: { 'TP.HCM': 'Ho Chi Minh City' },
};

/** What a currency sign or code after an amount is read as. */
export const currencyWords: Record<SpeechLanguage, string> = { vi: 'đồng', en: 'dong' };
