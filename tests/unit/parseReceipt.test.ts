import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CODE_LENGTH,
  MAX_RECEIPT_INPUT_LENGTH,
  MIN_CODE_LENGTH,
  parseReceipt,
  receiptRejections,
} from '../../shared/receipt/parseReceipt';

const thanhHoaCode = '000.00.06.H56-231027-0361';
const idNumber = '038090001234';

describe('parseReceipt: structured dossier codes', () => {
  it('splits a national code into agency, date received and sequence', () => {
    expect(parseReceipt(thanhHoaCode)).toEqual({
      ok: true,
      code: thanhHoaCode,
      kind: 'structured',
      structured: { agencyId: '000.00.06.H56', receivedOn: '231027', sequence: '0361' },
    });
  });

  it('accepts letters in the agency id (Hà Nội 000.A0.01.H26)', () => {
    expect(parseReceipt('000.A0.01.H26-210212-9090')).toMatchObject({
      kind: 'structured',
      structured: { agencyId: '000.A0.01.H26', receivedOn: '210212', sequence: '9090' },
    });
  });

  it.each(['0361', '12345', '123456'])('accepts a %s sequence', (sequence) => {
    expect(parseReceipt(`000.17.22.H56-210531-${sequence}`)).toMatchObject({
      ok: true,
      kind: 'structured',
      structured: { sequence },
    });
  });

  it.each(['036', '1234567'])('takes a code with sequence %s as unstructured', (sequence) => {
    expect(parseReceipt(`000.17.22.H56-210531-${sequence}`)).toEqual({
      ok: true,
      code: `000.17.22.H56-210531-${sequence}`,
      kind: 'unstructured',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseReceipt('000.00.06.H56-240229-0001')).toMatchObject({ kind: 'structured' });
  });

  it.each([
    ['month 13', '231327'],
    ['month 00', '230027'],
    ['day 00', '231000'],
    ['30 February', '240230'],
    ['29 February outside a leap year', '230229'],
    ['31 April', '230431'],
  ])('does not call a code with %s structured, but still accepts it', (_label, date) => {
    expect(parseReceipt(`000.00.06.H56-${date}-0361`)).toEqual({
      ok: true,
      code: `000.00.06.H56-${date}-0361`,
      kind: 'unstructured',
    });
  });

  it('takes a short agency form as unstructured', () => {
    expect(parseReceipt('H56.14-231027-0361')).toEqual({ ok: true, code: 'H56.14-231027-0361', kind: 'unstructured' });
  });

  it('upper-cases a code typed in lower case', () => {
    expect(parseReceipt('000.a0.01.h26-210212-9090')).toMatchObject({
      code: '000.A0.01.H26-210212-9090',
      kind: 'structured',
    });
  });

  it('drops spaces typed around the separators', () => {
    expect(parseReceipt('000.00.06.H56 - 231027 - 0361')).toMatchObject({ code: thanhHoaCode, kind: 'structured' });
  });
});

describe('parseReceipt: other agencies’ numbers', () => {
  it.each([
    ['03706/2026/07906', '03706/2026/07906'],
    ['ab_12', 'AB_12'],
    ['HS.2026-0001', 'HS.2026-0001'],
  ])('accepts %s as unstructured', (input, code) => {
    expect(parseReceipt(input)).toEqual({ ok: true, code, kind: 'unstructured' });
  });

  it('accepts codes of 4 and of 40 characters', () => {
    expect(parseReceipt('A123')).toMatchObject({ ok: true });
    expect(parseReceipt('9'.repeat(MAX_CODE_LENGTH))).toMatchObject({ ok: true });
  });
});

describe('parseReceipt: QR lookup URLs', () => {
  it.each([
    `https://hcc.thanhhoa.gov.vn/portaldvc/KenhTin/tra-cuu.aspx?mahs=${thanhHoaCode}`,
    `https://dichvucong.example.gov.vn/portaldvc/tra-cuu?SGT=${idNumber}&MHS=${thanhHoaCode}`,
    `https://dichvucong.example.gov.vn/tra-cuu?MHS=${thanhHoaCode}&SGT=${idNumber}`,
    `http://portal.example.vn/tra-cuu?maHoSo=${thanhHoaCode}`,
    `HTTPS://PORTAL.EXAMPLE.VN/TRA-CUU?MAHS=${thanhHoaCode}`,
    `https://portal.example.vn/tra-cuu?mHs=${thanhHoaCode}`,
    `https://portal.example.vn/tra-cuu?MaHoSo=${thanhHoaCode.toLowerCase()}`,
    `https://portal.example.vn/tra-cuu?lang=vi&mahs=${thanhHoaCode}#top`,
    `https://portal.example.vn/#/tra-cuu?mahs=${thanhHoaCode}`,
    `https://portal.example.vn/tra-cuu?mahs=${encodeURIComponent(thanhHoaCode)}`,
    `https://portal.example.vn/tra-cuu?mahs=&MHS=${thanhHoaCode}`,
  ])('takes the code from %s', (url) => {
    expect(parseReceipt(url)).toEqual({
      ok: true,
      code: thanhHoaCode,
      kind: 'structured',
      structured: { agencyId: '000.00.06.H56', receivedOn: '231027', sequence: '0361' },
    });
  });

  it('never returns or echoes the citizen’s ID number', () => {
    const accepted = parseReceipt(`https://portal.example.vn/tra-cuu?SGT=${idNumber}&MHS=03706/2026/07906`);
    expect(accepted).toEqual({ ok: true, code: '03706/2026/07906', kind: 'unstructured' });
    const rejected = parseReceipt(`https://portal.example.vn/tra-cuu?sgt=${idNumber}`);
    expect(rejected).toEqual({ ok: false, reason: 'URL_WITHOUT_CODE' });
  });

  it.each([
    'https://portal.example.vn/tra-cuu',
    'https://portal.example.vn/tra-cuu?id=42',
    'https://portal.example.vn/tra-cuu?mahs=',
    'https://portal.example.vn/tra-cuu?mahs=%20%20',
    'https://portal.example.vn/tra-cuu?mahsx=000.00.06.H56-231027-0361',
  ])('rejects %s as a URL without a code', (url) => {
    expect(parseReceipt(url)).toEqual({ ok: false, reason: 'URL_WITHOUT_CODE' });
  });

  it.each([
    ['markup hidden in percent escapes', 'https://x.vn/?mahs=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'MARKUP'],
    ['a control character hidden in percent escapes', 'https://x.vn/?mahs=0001%1D2345', 'CONTROL_CHARS'],
    ['a malformed percent escape', 'https://x.vn/?mahs=0001%ZZ2345', 'BAD_CHARS'],
    ['a code parameter that is itself a URL', 'https://x.vn/?mahs=https%3A%2F%2Fy.vn', 'BAD_CHARS'],
    ['a code too long', `https://x.vn/?mahs=${'1'.repeat(MAX_CODE_LENGTH + 1)}`, 'TOO_LONG'],
    ['a code too short', 'https://x.vn/?mahs=12', 'TOO_SHORT'],
    ['markup in the URL itself', 'https://x.vn/"onload="x?mahs=000.00.06.H56-231027-0361', 'MARKUP'],
  ])('checks the code parameter: %s', (_label, url, reason) => {
    expect(parseReceipt(url)).toEqual({ ok: false, reason });
  });
});

describe('parseReceipt: scanner noise', () => {
  it.each([
    ['STX/ETX framing', `\x02${thanhHoaCode}\x03`],
    ['CR LF suffix', `${thanhHoaCode}\r\n`],
    ['Tab suffix', `${thanhHoaCode}\t`],
    ['GS and spaces around', ` \x1d ${thanhHoaCode} \x1d `],
    ['a byte-order mark', `\uFEFF${thanhHoaCode}`],
    ['a no-break space', `\u00A0${thanhHoaCode}\u00A0`],
    ['AIM prefix for Code 128', `]C0${thanhHoaCode}\r`],
    ['AIM prefix for Code 39 after STX', `\x02]A0${thanhHoaCode}\x03\r\n`],
    ['lower case', `  ${thanhHoaCode.toLowerCase()}\n`],
  ])('strips %s', (_label, input) => {
    expect(parseReceipt(input)).toMatchObject({ ok: true, code: thanhHoaCode, kind: 'structured' });
  });

  it('strips an AIM prefix for QR in front of a lookup URL', () => {
    const scanned = `]Q1https://x.vn/tra-cuu?mahs=${thanhHoaCode}\r\n`;
    expect(parseReceipt(scanned)).toMatchObject({ ok: true, code: thanhHoaCode });
  });
});

describe('parseReceipt: rejections', () => {
  it.each([
    ['an empty string', '', 'EMPTY'],
    ['only whitespace and terminators', '  \r\n\t ', 'EMPTY'],
    ['only framing characters', '\x02\x03', 'EMPTY'],
    ['an AIM prefix alone', ']C0\r\n', 'EMPTY'],
    ['three characters', 'abc', 'TOO_SHORT'],
    ['a code over 40 characters', '1'.repeat(MAX_CODE_LENGTH + 1), 'TOO_LONG'],
    ['input over the raw limit', `${thanhHoaCode}${' '.repeat(MAX_RECEIPT_INPUT_LENGTH)}`, 'TOO_LONG'],
    ['a group separator inside', '0001\x1d2345', 'CONTROL_CHARS'],
    ['a line break inside', 'ABCD\r\nEFGH', 'CONTROL_CHARS'],
    ['a tab inside', 'ABCD\tEFGH', 'CONTROL_CHARS'],
    ['a zero-width space inside', 'ABCD\u200BEFGH', 'CONTROL_CHARS'],
    ['a script tag', '<script>alert(1)</script>', 'MARKUP'],
    ['an angle bracket', '0001>2345', 'MARKUP'],
    ['a double quote', '0001"2345', 'MARKUP'],
    ['a single quote', "0001'2345", 'MARKUP'],
    ['a backtick', '0001`2345', 'MARKUP'],
    ['Vietnamese text', 'Mã hồ sơ 0361', 'BAD_CHARS'],
    ['a dollar sign', 'ABC$DEF', 'BAD_CHARS'],
    ['full-width digits', '０３７０６２０２６', 'BAD_CHARS'],
    ['separators only', '-./_', 'BAD_CHARS'],
    ['a URL without a scheme', `portal.vn/tra-cuu?mahs=${thanhHoaCode}`, 'BAD_CHARS'],
    ['a javascript URL', 'javascript:alert(1)', 'BAD_CHARS'],
  ])('rejects %s', (_label, input, reason) => {
    expect(parseReceipt(input)).toEqual({ ok: false, reason });
  });
});

describe('parseReceipt: properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 1500 }),
    fc.string({ unit: 'binary-ascii', maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...'0123456789.-/_ abcXYZ<>"\'\x02\x03\r\n\t]?&=%'), maxLength: 60 }),
    // Lone UTF-16 surrogates, which no well-formed text has but a JavaScript string can.
    fc.string({
      unit: fc.oneof(
        fc.constantFrom('A', '1', '-'),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
      ),
      maxLength: 20,
    }),
  );

  it('never throws, and every rejection carries only a known reason', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = parseReceipt(input);
        if (!result.ok) {
          expect(receiptRejections).toContain(result.reason);
          expect(Object.keys(result).sort()).toEqual(['ok', 'reason']);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only bounded, printable, markup-free, upper-case codes, and accepts them again as they are', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = parseReceipt(input);
        if (!result.ok) return;
        expect(result.code.length).toBeGreaterThanOrEqual(MIN_CODE_LENGTH);
        expect(result.code.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
        expect(result.code).toMatch(/^[A-Z0-9./_-]+$/);
        expect(parseReceipt(result.code)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the same code through any scanner framing and any letter case', () => {
    const noise = fc.string({ unit: fc.constantFrom('\x02', '\x03', '\x1d', '\r', '\n', '\t', ' '), maxLength: 4 });
    const aimPrefix = fc.constantFrom('', ']C0', ']A0', ']E0', ']Q1');
    fc.assert(
      fc.property(noise, aimPrefix, fc.mixedCase(fc.constant(thanhHoaCode)), noise, (before, aim, code, after) => {
        expect(parseReceipt(`${before}${aim}${code}${after}`)).toMatchObject({ ok: true, code: thanhHoaCode });
      }),
    );
  });

  it('never lets the ID number of a lookup URL into the result', () => {
    const codeName = fc.mixedCase(fc.constantFrom('mahs', 'mhs', 'mahoso'));
    const idName = fc.mixedCase(fc.constant('sgt'));
    const code = fc.stringMatching(/^[A-Z]{4,20}$/);
    const id = fc.stringMatching(/^\d{9,12}$/);
    fc.assert(
      fc.property(codeName, idName, code, id, fc.boolean(), (codeParam, idParam, codeValue, idValue, idFirst) => {
        const params = [`${codeParam}=${codeValue}`, `${idParam}=${idValue}`];
        const url = `https://portal.example.vn/tra-cuu?${(idFirst ? params.reverse() : params).join('&')}`;
        const result = parseReceipt(url);
        expect(result).toEqual({ ok: true, code: codeValue, kind: 'unstructured' });
        expect(JSON.stringify(result)).not.toContain(idValue);
      }),
    );
  });
});
