import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVietQrPayload, crc16CcittFalse, VietQrFieldError } from '../../shared/payment/vietQr';
import { idsInOrder, readDataObjects } from '../support/emvTlv';

/**
 * The worked example of NAPAS's specification, "Technical Specifications on NAPAS QR Switching, Part IV: QR code
 * format" v1.5.2 (January 2021), section 6.1.3, dynamic QR to an account: BIN 970403, account 0011012345678,
 * 180 000 VND, bill number NPS6869, purpose "thanh toan don hang". Quoted as the spec's vector 6.1.3 in public
 * VietQR implementations' tests (found with the search tool: code corpus, "NPS68690819thanh toan don hang6304").
 */
const napasExample613 =
  '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E';

const transfer = { bankBin: '970415', accountNumber: '113000268868', amountVnd: 1_250_000, billNumber: 'HCC 2601080187', purpose: 'HCC 2601080187' };

describe('the VietQR payload', () => {
  it("is the specification's own example, byte for byte, CRC included", () => {
    expect(
      buildVietQrPayload({ bankBin: '970403', accountNumber: '0011012345678', amountVnd: 180_000, billNumber: 'NPS6869', purpose: 'thanh toan don hang' }),
    ).toBe(napasExample613);
  });

  it('computes CRC-16/CCITT-FALSE: the standard check value and the CRCs of the specification’s examples', () => {
    // The check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over "123456789".
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(crc16CcittFalse(napasExample613.slice(0, -4))).toBe('2E2E');
    // Section 6.1.2, static QR to a card: CRC 4F52.
    expect(crc16CcittFalse('00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN6304')).toBe('4F52');
    // Four hex digits even when the CRC is small.
    expect(crc16CcittFalse('')).toBe('FFFF');
  });

  it('writes the tags NAPAS 247 asks for, in order, with a dynamic initiation because the amount is set', () => {
    const payload = buildVietQrPayload(transfer);
    expect(idsInOrder(payload)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    const root = readDataObjects(payload);
    expect(root.get('00')).toBe('01');
    expect(root.get('01')).toBe('12');
    expect(root.get('53')).toBe('704');
    expect(root.get('54')).toBe('1250000');
    expect(root.get('58')).toBe('VN');
    const merchant = readDataObjects(root.get('38') ?? '');
    expect([...merchant.keys()]).toEqual(['00', '01', '02']);
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(Object.fromEntries(readDataObjects(merchant.get('01') ?? ''))).toEqual({ '00': '970415', '01': '113000268868' });
    expect(Object.fromEntries(readDataObjects(root.get('62') ?? ''))).toEqual({ '01': 'HCC 2601080187', '08': 'HCC 2601080187' });
    // The CRC covers everything before it, its own ID and length included.
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(root.get('63')).toBe(crc16CcittFalse(payload.slice(0, -4)));
  });

  it('leaves the bill number out when there is none', () => {
    const { billNumber: _, ...withoutBill } = transfer;
    expect(Object.fromEntries(readDataObjects(readDataObjects(buildVietQrPayload(withoutBill)).get('62') ?? ''))).toEqual({ '08': 'HCC 2601080187' });
  });

  it.each([
    ['bankBin', { bankBin: '97041' }],
    ['bankBin', { bankBin: '97041A' }],
    ['accountNumber', { accountNumber: '' }],
    ['accountNumber', { accountNumber: '1'.repeat(20) }],
    ['accountNumber', { accountNumber: '1130-0026' }],
    ['amountVnd', { amountVnd: 0 }],
    ['amountVnd', { amountVnd: -7.5 }],
    ['amountVnd', { amountVnd: 1250.5 }],
    ['amountVnd', { amountVnd: 10_000_000_000_000 }],
    ['purpose', { purpose: 'Lệ phí' }],
    ['purpose', { purpose: 'x'.repeat(26) }],
    ['purpose', { purpose: '' }],
    ['billNumber', { billNumber: 'HS#1' }],
  ] as const)('refuses a %s out of the specification (%o) instead of writing a code banks refuse', (field, change) => {
    expect(() => buildVietQrPayload({ ...transfer, ...change })).toThrow(new VietQrFieldError(field));
  });

  it('reads back, for any transfer within the rules, as the fields it was built from with a valid CRC', () => {
    const reference = fc.stringMatching(/^[0-9A-Za-z ]{1,25}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
        fc.integer({ min: 1, max: 9_999_999_999_999 }),
        reference,
        reference,
        (bankBin, accountNumber, amountVnd, billNumber, purpose) => {
          const payload = buildVietQrPayload({ bankBin, accountNumber, amountVnd, billNumber, purpose });
          const root = readDataObjects(payload);
          expect(root.get('54')).toBe(String(amountVnd));
          expect(Object.fromEntries(readDataObjects(readDataObjects(root.get('38') ?? '').get('01') ?? ''))).toEqual({ '00': bankBin, '01': accountNumber });
          expect(Object.fromEntries(readDataObjects(root.get('62') ?? ''))).toEqual({ '01': billNumber, '08': purpose });
          expect(root.get('63')).toBe(crc16CcittFalse(payload.slice(0, -4)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
