import { describe, expect, it } from 'vitest';
import { ftsString, procedureCodeOf } from '../../shared/text/query';

describe('procedureCodeOf', () => {
  it('reads a national procedure code, with its case suffix, and nothing else', () => {
    expect(procedureCodeOf(' 1.001193 ')).toBe('1.001193');
    expect(procedureCodeOf('1.001193.01')).toBe('1.001193.01');
    expect(procedureCodeOf('1.00119')).toBeNull();
    expect(procedureCodeOf('khai sinh 1.001193')).toBeNull();
  });
});

describe('ftsString', () => {
  it('quotes a word so that no FTS5 operator typed at the kiosk is one', () => {
    expect(['near', 'or', 'and', '*'].map(ftsString)).toEqual(['"near"', '"or"', '"and"', '"*"']);
    expect(ftsString('a"b')).toBe('"a""b"');
  });
});
