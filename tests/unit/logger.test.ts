import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createRedactor } from '../../electron/core/logger';

describe('redactor', () => {
  const code = '000.00.06.H56-231027-0361';

  it('turns a code into a short keyed hash that does not contain it', () => {
    const redacted = createRedactor('secret-a').code(code);
    expect(redacted).toMatch(/^h:[0-9a-f]{12}$/);
    expect(redacted).not.toContain('0361');
  });

  it('gives the same code the same hash under one secret, so log lines can be matched', () => {
    const redactor = createRedactor('secret-a');
    expect(redactor.code(code)).toBe(redactor.code(code));
    expect(redactor.code(code)).not.toBe(redactor.code('000.00.06.H56-231027-0362'));
  });

  it('gives different hashes under different secrets, so a hash cannot be looked up in a table of codes', () => {
    expect(createRedactor('secret-a').code(code)).not.toBe(createRedactor('secret-b').code(code));
  });
});

/** A log destination that keeps the lines written to it. */
function captured(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  it('censors fields that carry personal data or credentials, even nested ones', () => {
    const { lines, destination } = captured();
    createLogger({ destination }).info(
      { applicantName: 'Nguyễn Văn An', dossier: { applicantName: 'Trần Thị Bình', idNumber: '038095001234' }, token: 'tok-0123456789abcdef' },
      'oops',
    );
    const line = lines.join('');
    for (const secret of ['Văn An', 'Thị Bình', '038095001234', 'tok-0123456789abcdef']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ applicantName: '[redacted]', msg: 'oops' });
  });

  it("censors a dossier's payment, and an account number or VietQR payload logged on its own", () => {
    const { lines, destination } = captured();
    const payment = { amountVnd: 1_250_000, beneficiary: { accountNumber: '113000268868' }, reference: 'HCC 2601080187' };
    createLogger({ destination }).info({ payment, dossier: { payment }, vietQrPayload: '0002010102123857', accountNumber: '113000268868' }, 'oops');
    const line = lines.join('');
    for (const secret of ['1250000', '113000268868', '2601080187', '0002010102123857']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ payment: '[redacted]', dossier: { payment: '[redacted]' } });
  });
});
