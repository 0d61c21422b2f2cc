import { describe, expect, it } from 'vitest';
import { buildDictionary, shippedDictionary } from '../../shared/text/dictionary';
import { createTypoIndex, decodeTelex, planQuery, QUALITY, regionalSpellings, splitRunTogether, type Vocabulary } from '../../shared/text/queryRewrite';

/** Words of a few procedure names, as the catalogue search's vocabulary offers them. */
const names = ['dang ki khai sinh', 'dang ki thuong tru', 'dang ki tam tru', 'cap lai the can cuoc', 'chung thuc ban sao', 'giay phep lai xe', 'cap doi giay chung nhan quyen su dung dat'];
const words = [...new Set(names.flatMap((name) => name.split(' ')))];
const frequency = new Map(words.map((word) => [word, names.filter((name) => name.split(' ').includes(word)).length]));
const pairs = new Set(names.flatMap((name) => name.split(' ').slice(1).map((word, index) => `${name.split(' ')[index]} ${word}`)));
const typos = createTypoIndex(words);
const vocabulary: Vocabulary = {
  has: (word) => frequency.has(word),
  titleFrequency: (word) => frequency.get(word) ?? 0,
  near: (word, max) => typos.near(word, max),
  completions: (prefix) => words.filter((word) => word.startsWith(prefix)),
  pair: (first, second) => pairs.has(`${first} ${second}`),
};
const plan = (query: string, beingTyped = false) => planQuery(query, shippedDictionary, vocabulary, beingTyped);
const spellings = (query: string) => plan(query).map((concept) => concept.alternatives.map((alternative) => alternative.terms.join(' ')));

describe('query rewriting', () => {
  it('decodes Telex left in unconverted text', () => {
    expect(['ddawng', 'kys', 'thuowngf', 'truws', 'khai'].map(decodeTelex)).toEqual(['dang', 'ky', 'thuong', 'tru', 'khai']);
  });

  it('offers regional spellings: s/x, ch/tr, d/gi/r, l/n, final n/ng and t/c', () => {
    expect(regionalSpellings('chu')).toContain('tru');
    expect(regionalSpellings('se')).toContain('xe');
    expect(regionalSpellings('giay')).toEqual(expect.arrayContaining(['day', 'ray']));
    expect(regionalSpellings('nam')).toContain('lam');
    expect(regionalSpellings('than')).toEqual(expect.arrayContaining(['thang', 'thanh']));
    expect(regionalSpellings('mac')).toContain('mat');
  });

  it('splits words typed together into words of names', () => {
    expect(splitRunTogether('dangky', (part) => frequency.has(part))).toEqual(['dang', 'ki']);
    expect(splitRunTogether('thuongtru', (part) => frequency.has(part))).toEqual(['thuong', 'tru']);
    expect(splitRunTogether('xyzzy', (part) => frequency.has(part))).toBeNull();
  });

  it('reads a query with Telex, words run together and a regional spelling as the words of the name', () => {
    expect(plan('ddawng kys khai sinh').map((concept) => concept.typed)).toEqual(['dang', 'ki', 'khai', 'sinh']);
    expect(plan('dangky khaisinh').map((concept) => concept.typed)).toEqual(['dang', 'ki', 'khai', 'sinh']);
    expect(spellings('thuong chu')[1]).toContain('tru');
  });

  it('replaces everyday names, abbreviations and renamed things by the dictionary, the longest phrase first', () => {
    expect(spellings('cccd')).toEqual([['cccd', 'can cuoc']]);
    expect(spellings('chứng minh nhân dân')).toEqual([['chung minh nhan dan', 'can cuoc']]);
    expect(spellings('hộ khẩu')).toEqual([['ho khau', 'thuong tru', 'cu tru']]);
    expect(spellings('sổ đỏ')[0]).toContain('giay chung nhan quyen su dung dat');
    // Situation words: lost or damaged is issued again.
    expect(spellings('bị mất')[0]).toContain('cap lai');
  });

  it('marks fillers, which the scoring weighs little', () => {
    const concepts = plan('xin cấp lại căn cước ở đâu');
    expect(concepts.filter((concept) => concept.filler).map((concept) => concept.typed)).toEqual(['o dau']);
  });

  it('corrects a slip that is a real word when the word beside it says so, and a typo of an unknown word', () => {
    const sao = plan('chung thuc ban sau')[3]?.alternatives.find((alternative) => alternative.terms[0] === 'sao');
    expect(sao?.quality).toBe(QUALITY.inContext);
    expect(spellings('khai sinhh')[1]).toContain('sinh');
  });

  it('completes the word being typed only while it is', () => {
    expect(spellings('khai si')[1]).not.toContain('sinh');
    expect(plan('khai si', true)[1]?.alternatives.map((alternative) => alternative.terms[0])).toContain('sinh');
  });

  it('reads numbers as digits or words', () => {
    expect(spellings('dưới 14 tuổi')[1]).toContain('muoi bon');
    expect(spellings('lần 1')).toEqual([['lan 1', 'lan dau']]);
  });
});

describe('the dictionary', () => {
  it('keys its phrases by their search keys, however they were written', () => {
    expect(shippedDictionary.entries.get('so do')?.means).toEqual(['giay chung nhan quyen su dung dat']);
    expect(shippedDictionary.entries.get('gplx')?.means).toEqual(['giay phep lai xe']);
  });

  it('takes the province\'s entries over its own, and adds new ones', () => {
    const province = buildDictionary([
      { phrase: 'Sổ đỏ', means: ['cấp đổi giấy chứng nhận'] },
      { phrase: 'thẻ xanh', means: ['thẻ bảo hiểm y tế'] },
    ]);
    expect(province.entries.get('so do')?.means).toEqual(['cap doi giay chung nhan']);
    expect(province.entries.get('the xanh')).toEqual({ means: ['the bao hiem y te'], filler: false });
    expect(shippedDictionary.entries.get('the xanh')).toBeUndefined();
  });

  it('holds no phrase twice and every phrase and meaning as a search key that is not empty', () => {
    for (const [phrase, entry] of shippedDictionary.entries) {
      expect(phrase).not.toBe('');
      for (const meaning of entry.means) expect(meaning).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
    }
  });
});
