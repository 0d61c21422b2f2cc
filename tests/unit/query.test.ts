import { describe, expect, it } from 'vitest';
import { ftsMatchAll, ftsMatchAlternatives, parseQuery } from '../../shared/text/query';

describe('parseQuery', () => {
  it('recognises a procedure code typed alone, with or without a case suffix', () => {
    expect(parseQuery(' 1.001193 ')).toEqual({ words: [], code: '1.001193', prefixLast: false });
    expect(parseQuery('1.001193.01').code).toBe('1.001193.01');
    expect(parseQuery('1.00119').code).toBeNull();
  });

  it('folds the words and marks the last one as a prefix while it is being typed', () => {
    expect(parseQuery('ĐĂNG KÝ kết')).toEqual({ words: ['dang', 'ki', 'ket'], code: null, prefixLast: true });
    expect(parseQuery('đăng ký kết ').prefixLast).toBe(false);
  });

  it('replaces everyday names by the official words, the longest name first', () => {
    expect(parseQuery('sổ đỏ').words).toEqual(['giay', 'chung', 'nhan', 'quyen', 'su', 'dung', 'dat']);
    expect(parseQuery('cccd').words).toEqual(['can', 'cuoc']);
    expect(parseQuery('bang lai xe').words).toEqual(['giay', 'phep', 'lai', 'xe']);
    expect(parseQuery('cấp lại bằng lái').words).toEqual(['cap', 'lai', 'giay', 'phep', 'lai', 'xe']);
  });

  it('takes the official words of an everyday name at the end as whole words, not as a prefix', () => {
    expect(parseQuery('hộ khẩu')).toEqual({ words: ['thuong', 'tru'], code: null, prefixLast: false });
    expect(parseQuery('hộ khẩu cho').prefixLast).toBe(true);
  });

  it('is empty for blank input or punctuation only', () => {
    expect(parseQuery('   ').words).toEqual([]);
    expect(parseQuery('"*()').words).toEqual([]);
  });
});

describe('FTS5 match expressions', () => {
  it('quotes every word, so operators and syntax typed by a citizen are plain words', () => {
    expect(ftsMatchAll(['near', 'or', 'and'], false)).toBe('"near" AND "or" AND "and"');
    expect(ftsMatchAll(['khai', 'si'], true)).toBe('"khai" AND "si"*');
  });

  it('doubles a double quote inside a word', () => {
    expect(ftsMatchAll(['a"b'], false)).toBe('"a""b"');
  });

  it('requires every word while allowing each of its spellings', () => {
    expect(ftsMatchAlternatives([['khai'], ['sinh', 'sing']])).toBe('("khai") AND ("sinh" OR "sing")');
  });
});
