/**
 * The VietQR payload of a bank transfer: NAPAS 247's merchant-presented QR (EMVCo MPM), "Technical Specifications on
 * NAPAS QR Switching, Part IV: QR code format" v1.5.2, service QRIBFTTA (inter-bank transfer to an account). Every
 * Vietnamese banking app reads it and fills in the bank, the account, the amount and the transfer's content.
 *
 * Each data object is ID (2 digits), length (2 digits, 01..99) and value; templates nest objects in their value.
 * The objects written, in the order the specification lists them:
 *   00 payload format "01" · 01 initiation "12" (dynamic: the amount is set) ·
 *   38 merchant account { 00 GUID "A000000727" · 01 beneficiary { 00 bank BIN · 01 account } · 02 "QRIBFTTA" } ·
 *   53 currency "704" · 54 amount · 58 country "VN" · 62 additional data { 01 bill number · 08 purpose } ·
 *   63 CRC-16/CCITT-FALSE of everything before it, "6304" included, as 4 upper-case hex digits.
 *
 * Our own module rather than vietnam-qr-pay (MIT, kept up): that library counts a value's length in UTF-16 units
 * but hashes UTF-8 bytes, writes a 100-character value with the length "00", and takes any amount text ("-7.5"), so
 * a bad field becomes a code that banking apps refuse instead of an error here. The rules below refuse it.
 */

/** The limits the specification sets on the fields we write (v1.5.2, sections 5.2.3, 5.2.6, 5.2.13). */
export const vietQrLimits = {
  /** The beneficiary bank's NAPAS BIN (Acquirer/BNB ID): 6 digits. */
  bankBin: /^\d{6}$/,
  /** Merchant/consumer ID: the account number, up to 19 characters. */
  accountNumber: /^[0-9A-Za-z]{1,19}$/,
  /** Amount: up to 13 characters; VND has no minor unit, so whole dong. */
  maxAmountVnd: 9_999_999_999_999,
  /**
   * Bill number and purpose (62.01, 62.08): up to 25 characters. Letters, digits and spaces only: banking apps drop
   * other characters from a transfer's content, after which the central side could not match the reference.
   */
  reference: /^[0-9A-Za-z ]{1,25}$/,
} as const;

export interface VietQrTransfer {
  bankBin: string;
  accountNumber: string;
  amountVnd: number;
  /** 62.01, the bill the transfer pays, when there is one. */
  billNumber?: string;
  /** 62.08, the purpose: banking apps make it the transfer's content. */
  purpose: string;
}

const NAPAS_GUID = 'A000000727';
const SERVICE_TO_ACCOUNT = 'QRIBFTTA';

export class VietQrFieldError extends RangeError {
  constructor(readonly field: keyof VietQrTransfer) {
    super(`VietQR: invalid ${field}`);
    this.name = 'VietQrFieldError';
  }
}

/** The payload text of a dynamic VietQR for this transfer; throws VietQrFieldError naming a field out of the rules. */
export function buildVietQrPayload(transfer: VietQrTransfer): string {
  const { bankBin, accountNumber, amountVnd, billNumber, purpose } = transfer;
  if (!vietQrLimits.bankBin.test(bankBin)) throw new VietQrFieldError('bankBin');
  if (!vietQrLimits.accountNumber.test(accountNumber)) throw new VietQrFieldError('accountNumber');
  if (!Number.isSafeInteger(amountVnd) || amountVnd <= 0 || amountVnd > vietQrLimits.maxAmountVnd) throw new VietQrFieldError('amountVnd');
  if (billNumber !== undefined && !vietQrLimits.reference.test(billNumber)) throw new VietQrFieldError('billNumber');
  if (!vietQrLimits.reference.test(purpose)) throw new VietQrFieldError('purpose');

  const beneficiary = dataObject('00', bankBin) + dataObject('01', accountNumber);
  const merchantAccount = dataObject('00', NAPAS_GUID) + dataObject('01', beneficiary) + dataObject('02', SERVICE_TO_ACCOUNT);
  const additionalData = (billNumber === undefined ? '' : dataObject('01', billNumber)) + dataObject('08', purpose);
  const body =
    dataObject('00', '01') +
    dataObject('01', '12') +
    dataObject('38', merchantAccount) +
    dataObject('53', '704') +
    dataObject('54', String(amountVnd)) +
    dataObject('58', 'VN') +
    dataObject('62', additionalData) +
    '6304';
  return body + crc16CcittFalse(body);
}

/** ID, two-digit length, value. Values here are ASCII (checked above), so characters are bytes. */
function dataObject(id: string, value: string): string {
  if (value.length < 1 || value.length > 99) throw new RangeError(`VietQR: data object ${id} is ${value.length} characters`);
  return id + String(value.length).padStart(2, '0') + value;
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) of the text's bytes, as EMVCo
 * section 4.7.3 asks, in 4 upper-case hex digits. The text is ASCII, so each character is one byte.
 */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (let at = 0; at < text.length; at++) {
    crc ^= (text.charCodeAt(at) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
