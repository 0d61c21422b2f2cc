import { describe, expect, it } from 'vitest';
import { editDistance } from '../../shared/text/editDistance';
import { foldText, searchKey, unifyFinalY } from '../../shared/text/fold';

/** Every base vowel with each of the six tones (none, huyền, sắc, hỏi, ngã, nặng), lower then upper case. */
const toneRows: [string, string][] = [
  ['a', 'a à á ả ã ạ'],
  ['a', 'ă ằ ắ ẳ ẵ ặ'],
  ['a', 'â ầ ấ ẩ ẫ ậ'],
  ['e', 'e è é ẻ ẽ ẹ'],
  ['e', 'ê ề ế ể ễ ệ'],
  ['i', 'i ì í ỉ ĩ ị'],
  ['o', 'o ò ó ỏ õ ọ'],
  ['o', 'ô ồ ố ổ ỗ ộ'],
  ['o', 'ơ ờ ớ ở ỡ ợ'],
  ['u', 'u ù ú ủ ũ ụ'],
  ['u', 'ư ừ ứ ử ữ ự'],
  ['y', 'y ỳ ý ỷ ỹ ỵ'],
];

describe('foldText', () => {
  it.each(toneRows)('folds every tone of the vowels to %s, in both cases', (base, vowels) => {
    for (const vowel of vowels.split(' ')) {
      expect(foldText(vowel)).toBe(base);
      expect(foldText(vowel.toUpperCase())).toBe(base);
    }
  });

  it('folds đ and Đ to d, which FTS5 remove_diacritics leaves alone', () => {
    expect(foldText('Đăng ký đất đai')).toBe('dang ky dat dai');
  });

  it('keeps the consonants of the alphabet as they are, lower-cased', () => {
    expect(foldText('B C D G H K L M N P Q R S T V X')).toBe('b c d g h k l m n p q r s t v x');
  });

  it('folds precomposed and combining-mark spellings alike', () => {
    expect(foldText('Thủ tục')).toBe(foldText('Thu\u0309 tu\u0323c'));
  });

  it('collapses runs of whitespace, tabs and non-breaking spaces and trims the ends', () => {
    expect(foldText('  Giấy \t khai\u00a0\n sinh ')).toBe('giay khai sinh');
  });
});

describe('searchKey', () => {
  it('spells a final y after consonants as i, so ký/kí and lý/lí meet', () => {
    expect(searchKey('Đăng ký')).toBe(searchKey('đăng kí'));
    expect(searchKey('Lý lịch')).toBe(searchKey('lí lịch'));
    expect(searchKey('quy định')).toBe(searchKey('qui định'));
  });

  it('leaves a y inside a syllable alone: tay and tai stay apart', () => {
    expect(unifyFinalY('tay')).toBe('tay');
    expect(unifyFinalY('giay')).toBe('giay');
    expect(unifyFinalY('y')).toBe('y');
  });

  it('splits on punctuation, keeping letters and digits', () => {
    expect(searchKey('Công ty TNHH (một thành viên); 1.001193')).toBe('cong ti tnhh mot thanh vien 1 001193');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('khai', 'khai', 2)).toBe(0);
    expect(editDistance('khai', 'kai', 2)).toBe(1);
    expect(editDistance('khai', 'khaii', 2)).toBe(1);
    expect(editDistance('khai', 'khoi', 2)).toBe(1);
    expect(editDistance('khai', 'khia', 2)).toBe(1);
    expect(editDistance('thuong', 'thoung', 2)).toBe(1);
  });

  it('stops past the budget, answering one more than it', () => {
    expect(editDistance('sinh', 'hoang', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('answers the same for short words after long ones (its rows are reused between calls)', () => {
    expect(editDistance('chungthucbansao', 'chungthucbansoa', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('', 'ab', 2)).toBe(2);
    expect(editDistance('sinhh', 'sinh', 1)).toBe(1);
  });
});
