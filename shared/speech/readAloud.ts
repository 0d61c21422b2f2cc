/**
 * Text as a person reads it aloud, for voice guidance in either engine (the platform's voice or eSpeak NG): dates,
 * times, amounts, percentages, ordinals, phone numbers and codes spelt out in words of the language, abbreviations
 * letter by letter. Pure: the words are data in spokenWords.ts.
 */
import type { SpeechLanguage } from '../contract/speech';
import { STRUCTURED_CODE_PATTERN } from '../receipt/parseReceipt';
import {
  abbreviationWords,
  currencyWords,
  englishLetters,
  englishMonths,
  englishOrdinalWords,
  englishScales,
  englishSmall,
  englishTens,
  vietnameseDigits,
  vietnameseLetters,
  vietnameseScales,
} from './spokenWords';

/** Past this a number is read digit by digit: no one reads a 16-digit number as an amount. */
const MAX_CARDINAL_DIGITS = 15;

export function readAloud(text: string, language: SpeechLanguage): string {
  const words = language === 'vi' ? vietnamese : english;
  return text
    .replace(tokenPattern(language), (match: string, ...rest: unknown[]) => {
      const groups = rest.at(-1) as Record<string, string | undefined>;
      const offset = rest.at(-3) as number;
      return ` ${words.token(match, groups, text.slice(0, offset))} `;
    })
    .replace(/\s+-\s+/g, ', ') // a dash between words or times is a pause, not "minus"
    .replace(/\s+([,.;:?!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const patterns = new Map<SpeechLanguage, RegExp>();

function tokenPattern(language: SpeechLanguage): RegExp {
  let pattern = patterns.get(language);
  if (pattern !== undefined) return pattern;
  const [thousands, decimal] = language === 'vi' ? ['\\.', ','] : [',', '\\.'];
  const integer = `\\d{1,3}(?:${thousands}\\d{3})+|\\d+`;
  const currency = language === 'vi' ? 'đồng|VNĐ|VND|đ|₫' : 'dong|VND|₫';
  const abbreviations = Object.keys(abbreviationWords[language]).sort((a, b) => b.length - a.length).map((word) => word.replace(/[.]/g, '\\.'));
  const alternatives = [
    `(?<abbreviation>${abbreviations.join('|')})`,
    `(?<code>${STRUCTURED_CODE_PATTERN.replace(/\((?!\?)/g, '(?:')})`,
    '(?<day>\\d{1,2})/(?<month>\\d{1,2})/(?<year>\\d{4})',
    '(?<hour>\\d{1,2}):(?<minute>\\d{2})',
    ...(language === 'vi' ? ['(?<hourH>\\d{1,2})h(?<minuteH>\\d{2})?'] : []),
    '(?<phone>(?:\\+84 ?|0)\\d{2,3}(?:[ .]?\\d{3,4}){2}|1[89]00[ .]?\\d{4})',
    // The space may be a no-break one, as Intl's currency format writes it; English puts the code first ("VND 150,000").
    `(?<amount>${integer})(?:${decimal}(?<amountFraction>\\d+))?[ \u00a0]?(?:${currency})`,
    `(?:VNĐ|VND|₫)[ \u00a0]?(?<amountAfterCurrency>${integer})`,
    `(?<percent>${integer})(?:${decimal}(?<percentFraction>\\d+))? ?%`,
    language === 'vi' ? '(?<ordinalWord>[Tt]hứ) (?<ordinal>\\d{1,2})' : '(?<ordinal>\\d{1,3})(?:st|nd|rd|th)',
    '(?<numerator>\\d+)/(?<denominator>\\d+)',
    `(?<integer>${integer})(?:${decimal}(?<fraction>\\d+))?`,
    '(?<letterCode>[A-ZĐ]+\\d[A-ZĐ\\d]*|\\d+[A-ZĐ][A-ZĐ\\d]*)',
    '(?<capitals>\\p{Lu}{2,})',
  ];
  pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  patterns.set(language, pattern);
  return pattern;
}

interface LanguageWords {
  token(match: string, groups: Record<string, string | undefined>, before: string): string;
}

type Groups = Record<string, string | undefined>;
const digitsOf = (text: string) => text.replace(/\D/g, '');

/** The reading shared by both languages; `words` supplies the language's numbers, dates and times. */
function tokenReader(words: {
  cardinal(n: number): string;
  digit(d: number): string;
  letters: Record<string, string>;
  date(day: number, month: number, year: number, before: string): string;
  time(hour: number, minute: number): string;
  ordinal(n: number, word: string | undefined): string;
  decimalPoint: string;
  percent: string;
  fraction(numerator: string, denominator: string): string;
  language: SpeechLanguage;
}): LanguageWords {
  const digitByDigit = (text: string) => [...digitsOf(text)].map((d) => words.digit(Number(d))).join(' ');
  const number = (integerText: string, fractionText?: string) => {
    const integer = digitsOf(integerText);
    // A number with a leading zero (a code, a phone number), or past what anyone reads as an amount: digit by digit.
    const whole = integer.length > MAX_CARDINAL_DIGITS || (integer.length > 2 && integer.startsWith('0')) ? digitByDigit(integer) : words.cardinal(Number(integer));
    if (fractionText === undefined) return whole;
    const fraction = fractionText.startsWith('0') ? digitByDigit(fractionText) : words.cardinal(Number(fractionText));
    return `${whole} ${words.decimalPoint} ${fraction}`;
  };
  const spell = (text: string) =>
    [...text.toLowerCase()].map((char) => (/\d/.test(char) ? words.digit(Number(char)) : words.letters[char] ?? char)).join(' ');
  return {
    token(match, groups: Groups, before) {
      if (groups.abbreviation !== undefined) return abbreviationWords[words.language][groups.abbreviation] ?? match;
      if (groups.code !== undefined) return groups.code.split(/[.-]/).map(spell).join(', ');
      if (groups.day !== undefined) {
        const [day, month, year] = [Number(groups.day), Number(groups.month), Number(groups.year)];
        if (day < 1 || day > 31 || month < 1 || month > 12) return [groups.day, groups.month, groups.year].map((part) => number(part!)).join(' ');
        return words.date(day, month, year, before);
      }
      if (groups.hour !== undefined || groups.hourH !== undefined) {
        const hour = Number(groups.hour ?? groups.hourH);
        const minute = Number(groups.minute ?? groups.minuteH ?? 0);
        if (hour > 23 || minute > 59) return `${number(String(hour))} ${number(String(minute))}`;
        return words.time(hour, minute);
      }
      if (groups.phone !== undefined) return groups.phone.replace('+', ' +').split(/[ .]+/).filter(Boolean).map((part) => (part === '+84' ? `${words.language === 'vi' ? 'cộng' : 'plus'} ${digitByDigit(part)}` : digitByDigit(part))).join(', ');
      if (groups.amount !== undefined) return `${number(groups.amount, groups.amountFraction)} ${currencyWords[words.language]}`;
      if (groups.amountAfterCurrency !== undefined) return `${number(groups.amountAfterCurrency, undefined)} ${currencyWords[words.language]}`;
      if (groups.percent !== undefined) return `${number(groups.percent, groups.percentFraction)} ${words.percent}`;
      if (groups.ordinal !== undefined) return words.ordinal(Number(groups.ordinal), groups.ordinalWord);
      if (groups.numerator !== undefined) return words.fraction(number(groups.numerator), number(groups.denominator!));
      if (groups.integer !== undefined) {
        // Five digits or more with no grouping are an identifier (a phone number, a record number), not an amount.
        return /^\d{5,}$/.test(groups.integer) ? digitByDigit(groups.integer) : number(groups.integer, groups.fraction);
      }
      if (groups.letterCode !== undefined) return spell(groups.letterCode);
      if (groups.capitals !== undefined) return isAbbreviation(groups.capitals, words.language) ? spell(groups.capitals) : match;
      return match;
    },
  };
}

// A Vietnamese syllable: an initial consonant, one to three vowels, a final consonant (diacritics folded away).
const vietnameseSyllable = /^(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;
const foldDiacritics = (word: string) => word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

/**
 * Capitals that are not a word: in Vietnamese, any that cannot be one syllable (CCCD, UBND, GPLX; not "TRA CỨU"
 * written in capitals); in English, any of plain letters (ID, QR), short of a word a person would read as one.
 */
function isAbbreviation(capitals: string, language: SpeechLanguage): boolean {
  if (language === 'vi') return !vietnameseSyllable.test(foldDiacritics(capitals));
  return /^[A-ZĐ]{2,6}$/.test(capitals);
}

function vietnameseBelowThousand(n: number, leading: boolean): string {
  const [hundreds, tens, units] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (hundreds > 0 || !leading) words.push(vietnameseDigits[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0) words.push(...(words.length > 0 ? ['linh'] : []), vietnameseDigits[units]!);
  } else {
    words.push(tens === 1 ? 'mười' : `${vietnameseDigits[tens]} mươi`);
    if (units === 1 && tens > 1) words.push('mốt');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(vietnameseDigits[units]!);
  }
  return words.join(' ');
}

export function vietnameseCardinal(n: number): string {
  if (n === 0) return vietnameseDigits[0];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue; // "một triệu năm trăm", not "một triệu không nghìn năm trăm"
    words.push(vietnameseBelowThousand(group, i === groups.length - 1), vietnameseScales[i]!);
  }
  return words.filter(Boolean).join(' ');
}

const vietnamese = tokenReader({
  language: 'vi',
  cardinal: vietnameseCardinal,
  digit: (d) => vietnameseDigits[d]!,
  letters: vietnameseLetters,
  // "tháng tư", not "tháng bốn"; "ngày" once when the text already says it ("hẹn trả ngày 25/12/2026").
  date: (day, month, year, before) =>
    `${/ngày\s*$/i.test(before) ? '' : 'ngày '}${vietnameseCardinal(day)} tháng ${month === 4 ? 'tư' : vietnameseCardinal(month)} năm ${vietnameseCardinal(year)}`,
  time: (hour, minute) => `${vietnameseCardinal(hour)} giờ${minute === 0 ? '' : ` ${vietnameseCardinal(minute)} phút`}`,
  ordinal: (n, word = 'thứ') => `${word} ${n === 1 ? 'nhất' : n === 4 ? 'tư' : vietnameseCardinal(n)}`,
  decimalPoint: 'phẩy',
  percent: 'phần trăm',
  fraction: (numerator, denominator) => `${numerator} trên ${denominator}`,
});

function englishBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = hundreds > 0 ? [englishSmall[hundreds]!, 'hundred'] : [];
  if (rest > 0 && rest < 20) words.push(englishSmall[rest]!);
  else if (rest >= 20) words.push(rest % 10 === 0 ? englishTens[rest / 10]! : `${englishTens[Math.floor(rest / 10)]}-${englishSmall[rest % 10]}`);
  return words.join(' ');
}

export function englishCardinal(n: number): string {
  if (n === 0) return englishSmall[0];
  const words: string[] = [];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  for (let i = groups.length - 1; i >= 0; i--) if (groups[i]! > 0) words.push(englishBelowThousand(groups[i]!), englishScales[i]!);
  return words.filter(Boolean).join(' ');
}

function englishOrdinal(n: number): string {
  const cardinal = englishCardinal(n);
  const last = /[a-z]+$/.exec(cardinal)![0];
  const ordinal = englishOrdinalWords[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return cardinal.slice(0, -last.length) + ordinal;
}

/** Years as English speakers say them: two thousand and five, twenty twenty-six, nineteen ninety-nine. */
function englishYear(year: number): string {
  const [century, rest] = [Math.floor(year / 100), year % 100];
  if (century < 10 || (year >= 2000 && year < 2010)) return englishCardinal(year);
  return `${englishCardinal(century)} ${rest === 0 ? 'hundred' : rest < 10 ? `oh ${englishSmall[rest]}` : englishCardinal(rest)}`;
}

const english = tokenReader({
  language: 'en',
  cardinal: englishCardinal,
  digit: (d) => englishSmall[d]!,
  letters: englishLetters,
  date: (day, month, year) => `the ${englishOrdinal(day)} of ${englishMonths[month - 1]} ${englishYear(year)}`,
  time: (hour, minute) => {
    const clock = englishCardinal(hour % 12 === 0 ? 12 : hour % 12);
    const minutes = minute === 0 ? '' : minute < 10 ? ` oh ${englishSmall[minute]}` : ` ${englishCardinal(minute)}`;
    return `${clock}${minutes} ${hour < 12 ? 'a m' : 'p m'}`;
  },
  ordinal: englishOrdinal,
  decimalPoint: 'point',
  percent: 'percent',
  fraction: (numerator, denominator) => `${numerator} of ${denominator}`,
});
