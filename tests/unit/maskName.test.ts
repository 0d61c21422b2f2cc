import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCode, maskPersonName } from '../../shared/privacy/maskName';

describe('maskPersonName', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V** A*'],
    ['Trần Thị Việt Anh', 'Trần T** V*** A**'],
    ['Đặng Đức Đạt', 'Đặng Đ** Đ**'],
    ['đỗ đình đức', 'đỗ đ*** đ**'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it('counts letters, not combining marks, when the name arrives decomposed (NFD)', () => {
    expect(maskPersonName('Nguyễn Thị Huệ'.normalize('NFD'))).toBe('Nguyễn T** H**');
  });

  it('normalises extra spaces, tabs and no-break spaces', () => {
    expect(maskPersonName('  Nguyễn \u00A0 Văn\tAn  ')).toBe('Nguyễn V** A*');
  });

  it('masks a single word too', () => {
    expect(maskPersonName('Hùng')).toBe('H***');
    expect(maskPersonName('  A ')).toBe('A');
  });

  it.each(['', '   ', '\t\n'])('returns an empty string for %j', (blank) => {
    expect(maskPersonName(blank)).toBe('');
  });

  it('never throws and never shows more than the family name and initials', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
        const masked = maskPersonName(name);
        const [, ...otherWords] = masked.split(' ');
        for (const word of otherWords) expect([...word].slice(1).every((char) => char === '*')).toBe(true);
      }),
    );
  });
});

describe('maskCode', () => {
  it('keeps the first 4 and the last 2 characters', () => {
    expect(maskCode('000.00.06.H56-231027-0361')).toBe(`000.${'*'.repeat(19)}61`);
    expect(maskCode('03706/2026/07906')).toBe('0370**********06');
  });

  it('hides short codes completely', () => {
    expect(maskCode('ABCD1234567')).toBe('***********');
    expect(maskCode('A123')).toBe('****');
    expect(maskCode('')).toBe('');
    expect(maskCode('ABCD12345678')).toBe('ABCD******78');
  });

  it('always hides at least half of the code and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z./_-]{0,80}$/), (code) => {
        const masked = maskCode(code);
        expect([...masked]).toHaveLength([...code].length);
        const hidden = [...masked].filter((char) => char === '*').length;
        expect(hidden * 2).toBeGreaterThanOrEqual([...code].length);
      }),
    );
  });
});
