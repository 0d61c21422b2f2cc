import { describe, expect, it } from 'vitest';
import { typeKey, typeKeys } from '../../renderer/input/telex';

describe('Telex', () => {
  it.each([
    ['ddaawng kys khai sinh', 'đăng ký khai sinh'],
    ['ddaang kys', 'đâng ký'],
    ['tieenf', 'tiền'],
    ['muoons', 'muốn'],
    ['nguwowif', 'người'],
    ['nguowif', 'người'],
    ['hoaf', 'hoà'],
    ['thuyr', 'thuỷ'],
    ['toasn', 'toán'],
    ['hoacj', 'hoạc'],
    ['quys', 'quý'],
    ['gias', 'giá'],
    ['gif', 'gì'],
    ['muaf', 'mùa'],
    ['ngoaif', 'ngoài'],
    ['khuyru', 'khuỷu'],
    ['huwux', 'hữu'],
    ['cuwr tri', 'cử tri'],
    ['chuwsng thuwjc', 'chứng thực'],
    ['trong', 'trong'],
    ['xaa', 'xâ'],
    ['tows', 'tớ'],
    ['thur tucj cho trer em duwowis saus tuooir taij uyr ban nhaan daan xax', 'thủ tục cho trẻ em dưới sáu tuổi tại uỷ ban nhân dân xã'],
  ])('%s → %s', (keys, expected) => {
    expect(typeKeys(keys, 'telex')).toBe(expected);
  });

  it('moves a tone typed early to the vowel the finished word needs', () => {
    expect(typeKeys('tosan', 'telex')).toBe('toán');
    expect(typeKeys('hofa', 'telex')).toBe('hoà');
  });

  it('replaces a tone with another and removes it with z', () => {
    expect(typeKeys('asf', 'telex')).toBe('à');
    expect(typeKeys('asz', 'telex')).toBe('a');
  });

  it('undoes a mark typed twice and types the key itself', () => {
    expect(typeKeys('ass', 'telex')).toBe('as');
    expect(typeKeys('aaa', 'telex')).toBe('aa');
    expect(typeKeys('ddd', 'telex')).toBe('dd');
    expect(typeKeys('uww', 'telex')).toBe('uw');
  });

  it('types tone keys as letters where there is no vowel to carry them', () => {
    expect(typeKeys('s', 'telex')).toBe('s');
    expect(typeKeys('tr', 'telex')).toBe('tr');
    expect(typeKeys('z', 'telex')).toBe('z');
  });

  it('keeps capitals', () => {
    expect(typeKeys('DDaawng Kys', 'telex')).toBe('Đăng Ký');
  });

  it('changes only the word being typed', () => {
    expect(typeKey('đăng ký khai sin', 'h', 'telex')).toBe('đăng ký khai sinh');
    expect(typeKey('hồ sơ 12 ', 's', 'telex')).toBe('hồ sơ 12 s');
    expect(typeKey('hồ sơ', ' ', 'telex')).toBe('hồ sơ ');
  });

  it('leaves digits alone', () => {
    expect(typeKeys('1.001193', 'telex')).toBe('1.001193');
  });
});

describe('VNI', () => {
  it.each([
    ['d9ang8 ky1 khai sinh', 'đăng ký khai sinh'],
    ['dang81 ky1', 'dắng ký'],
    ['tie6n2', 'tiền'],
    ['nguo7i2', 'người'],
    ['hoa2', 'hoà'],
    ['chu7ng1 thu7c5', 'chứng thực'],
    ['a10', 'a'],
  ])('%s → %s', (keys, expected) => {
    expect(typeKeys(keys, 'vni')).toBe(expected);
  });

  it('types digits where no letter can take them, so codes stay typeable', () => {
    expect(typeKeys('1.001193', 'vni')).toBe('1.001193');
    expect(typeKeys('tr1', 'vni')).toBe('tr1');
  });
});

describe('plain (ABC)', () => {
  it('types every key as it is', () => {
    expect(typeKeys('ddaawng kys', 'plain')).toBe('ddaawng kys');
  });
});
