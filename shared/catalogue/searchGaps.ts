/**
 * Search gaps: what citizens searched for and did not find, counted by the kiosk and sent with its heartbeat so
 * that the province can add the everyday names its catalogue lacks. A citizen sometimes types their own data into
 * the search box (an ID number, a phone number, the dossier code from the receipt, an email, their name): such a
 * query is dropped, never counted, never sent. Pure; the kiosk core and the reference server apply the same rules.
 */
import { foldText } from '../text/fold';

/** `noResult`: the search found nothing. `openedNothing`: it found procedures and the citizen opened none. */
export const searchGapOutcomes = ['noResult', 'openedNothing'] as const;
export type SearchGapOutcome = (typeof searchGapOutcomes)[number];

/** Longer queries are cut: a gap is a few words, and the heartbeat stays small. */
export const MAX_GAP_QUERY_CHARS = 100;

export type PersonalDataKind = 'digits' | 'email' | 'dossierCode' | 'name';

/**
 * Five digits or more in one run, separators between digit groups allowed (012 345 678 901, 0912.345.678,
 * 12/05/1990): a CCCD (12), a CMND (9), a phone number (10 or 11, +84...), a date of birth, a dossier code's date and
 * sequence. Administrative queries carry short numbers only (nghị định 61, 2 con, năm 2025).
 */
const DIGIT_RUN = /\d(?:[\s./\-–]*\d){4,}/u;
const EMAIL = /\S@\S/u;
/** A dossier code's shape even when written with few digits: letters and digits joined by dots and dashes (H56-231). */
const CODE_SHAPE = /[\p{L}\d]+[.\-/][\p{L}\d]*\d[\p{L}\d]*[.\-/][\p{L}\d]+/u;

/**
 * Common Vietnamese family names, with their marks: 'Hồ' (hồ sơ) or 'Lê' (lệ phí) only count when typed as names.
 * Typed without marks, a family name needs a middle name after it (see nameLike), since unmarked syllables collide
 * with everyday words (dang ky = Đặng Kỳ).
 */
const FAMILY_NAMES = [
  'nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý',
  'đinh', 'đào', 'đoàn', 'trương', 'lâm', 'mai', 'trịnh', 'lương', 'cao', 'tô', 'hà', 'lưu', 'chu', 'quách', 'tạ', 'vương',
  'thái', 'kiều', 'châu', 'triệu', 'tăng', 'mạc', 'khổng', 'tôn', 'thân', 'lò', 'hứa',
] as const;

/** Middle names that make an unmarked name certain enough (nguyen van an). */
const MIDDLE_NAMES = ['văn', 'thị', 'hữu', 'đức', 'đình', 'ngọc', 'minh', 'thanh', 'quốc', 'xuân', 'công', 'quang', 'kim', 'thu', 'hồng', 'bảo', 'gia', 'trọng', 'tiến', 'mạnh'] as const;

/** Common given and middle names, with their marks. A name is a family name followed by these. */
const GIVEN_NAMES = [
  ...MIDDLE_NAMES,
  'an', 'anh', 'bình', 'chi', 'chí', 'cường', 'dũng', 'duy', 'dung', 'dương', 'đạt', 'điệp', 'giang', 'hà', 'hải', 'hạnh',
  'hằng', 'hân', 'hiền', 'hiếu', 'hiệp', 'hòa', 'hoa', 'hoài', 'hoàng', 'hùng', 'huy', 'huyền', 'huệ', 'hương', 'hưng',
  'khánh', 'khang', 'khoa', 'khôi', 'lan', 'linh', 'loan', 'lộc', 'lợi', 'long', 'luân', 'ly', 'mai', 'my', 'nam', 'nga',
  'ngân', 'nghĩa', 'nguyên', 'nhân', 'nhi', 'nhung', 'oanh', 'phát', 'phong', 'phú', 'phúc', 'phương', 'phượng', 'quân',
  'quyên', 'quỳnh', 'sơn', 'tâm', 'tân', 'thảo', 'thắng', 'thành', 'thịnh', 'thủy', 'thúy', 'thư', 'tiên', 'toàn', 'trang',
  'trâm', 'trí', 'trinh', 'trung', 'tú', 'tuấn', 'tùng', 'tuyết', 'uyên', 'vân', 'việt', 'vinh', 'vy', 'yến', 'hậu', 'hiển',
  'nhật', 'thơ', 'thy', 'trúc', 'vũ', 'khải', 'lâm', 'lực', 'tài', 'thiện', 'tín', 'tuệ', 'vĩnh', 'ánh', 'diệp', 'bích',
  'thùy', 'diễm', 'khai', 'như', 'quý', 'sang', 'thông', 'trường', 'phước', 'tường', 'đông', 'hạ', 'xuyến',
] as const;

/** Places whose names read as a person's (thành phố Hồ Chí Minh, tỉnh Thái Bình): searched for as places. */
const PLACE_NAMES = ['hồ chí minh', 'hà giang', 'hà nam', 'thái bình', 'thái nguyên', 'hoàng mai', 'lý sơn'] as const;

interface NameTable {
  /** The entries as written (lower case, with marks). */
  marked: ReadonlySet<string>;
  /** The same folded (no marks), for words typed without marks. */
  folded: ReadonlySet<string>;
}

const table = (names: readonly string[]): NameTable => ({ marked: new Set(names), folded: new Set(names.map(foldText)) });
const family = table(FAMILY_NAMES);
const given = table(GIVEN_NAMES);
const middle = table(MIDDLE_NAMES);

type NameMatch = 'certain' | 'unmarked' | null;

/**
 * 'certain': the word as typed is the name as written (with its marks, or a name that has none: Phan, An).
 * 'unmarked': typed without marks, folds to a name. A word with marks that are not the name's is not the name.
 */
function matchName(word: string, names: NameTable): NameMatch {
  if (names.marked.has(word)) return 'certain';
  return foldText(word) === word && names.folded.has(word) ? 'unmarked' : null;
}

/** Lower case, NFC, words of letters and digits separated by single spaces (punctuation dropped). */
export function normaliseGapQuery(text: string): string {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  let normalised = '';
  for (const word of words) {
    const next = normalised === '' ? word : `${normalised} ${word}`;
    if (next.length > MAX_GAP_QUERY_CHARS) break;
    normalised = next;
  }
  return normalised;
}

/**
 * A family name followed by given names, anywhere in the words: with their marks (Nguyễn Văn An, Lê An), or typed
 * without marks with a middle name and one more (nguyen van an, tran thi bich ngoc).
 */
function nameLike(words: readonly string[]): boolean {
  for (let i = 0; i < words.length - 1; i++) {
    const familyMatch = matchName(words[i] ?? '', family);
    if (familyMatch === null) continue;
    const givens: NameMatch[] = [];
    for (let j = i + 1; j < words.length; j++) {
      const match = matchName(words[j] ?? '', given);
      if (match === null) break;
      givens.push(match);
    }
    if (givens.length === 0) continue;
    const allCertain = familyMatch === 'certain' && givens.every((match) => match === 'certain');
    const withMiddleName = givens.length >= 2 && matchName(words[i + 1] ?? '', middle) !== null;
    if (allCertain || withMiddleName) return true;
  }
  return false;
}

/** What of a person's data the text looks like it holds, or null. Judged on the text as typed. */
export function personalDataIn(text: string): PersonalDataKind | null {
  const nfc = text.normalize('NFC');
  if (EMAIL.test(nfc)) return 'email';
  if (DIGIT_RUN.test(nfc)) return 'digits';
  if (CODE_SHAPE.test(nfc)) return 'dossierCode';
  let words = normaliseGapQuery(nfc);
  for (const place of PLACE_NAMES) words = words.replaceAll(place, ' ');
  if (nameLike(words.split(' ').filter((word) => word !== ''))) return 'name';
  return null;
}

/** The query as it may be counted and sent: normalised, or null when it is empty or looks like a person's data. */
export function searchGapQuery(text: string): string | null {
  if (personalDataIn(text) !== null) return null;
  const normalised = normaliseGapQuery(text);
  return normalised === '' ? null : normalised;
}
