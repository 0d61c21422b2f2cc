import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../shared/api/gateway';
import { CentralError, type CentralErrorKind, type ExchangeTime } from '../../electron/core/centralClient';
import { createLogger, createRedactor } from '../../electron/core/logger';
import { createLookupService } from '../../electron/core/lookupService';
import { buildVietQrPayload } from '../../shared/payment/vietQr';
import { sampleDossier } from './centralClient.testServer';

const ID_NUMBER = '038095001234';

/** A lookup service whose log lines are captured, against a central server answering `answer`. */
function setup(answer: (code: string, exchange?: ExchangeTime) => Promise<Dossier>) {
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  const requestedCodes: string[] = [];
  const redactor = createRedactor('test-secret');
  const service = createLookupService({
    client: {
      getDossier: (code, exchange) => {
        requestedCodes.push(code);
        return answer(code, exchange);
      },
    },
    logger: createLogger({ destination, level: 'debug' }),
    redactor,
  });
  return { service, logLines, requestedCodes, redactor };
}

const found = async () => sampleDossier;
const failsWith = (kind: CentralErrorKind) => async (): Promise<Dossier> => {
  throw new CentralError(kind, 'failed');
};

describe('lookup service', () => {
  it.each(['', '   ', '<script>alert(1)</script>', 'https://portal.example.vn/tra-cuu?SGT=038095001234'])(
    'refuses %j as INVALID_CODE with the parser reason, without calling the server',
    async (input) => {
      const { service, requestedCodes } = setup(found);
      const result = await service.lookup(input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', reason: expect.any(String) } });
      expect(requestedCodes).toEqual([]);
    },
  );

  it('asks the server for the parsed code and returns the dossier with the name masked and the full name absent', async () => {
    const { service, requestedCodes } = setup(found);
    const result = await service.lookup(`  ${sampleDossier.code.toLowerCase()}\r\n`);

    expect(requestedCodes).toEqual([sampleDossier.code]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.applicantNameMasked).toBe('Nguyễn V** A*');
    expect(result.value).not.toHaveProperty('applicantName');
    expect(JSON.stringify(result.value)).not.toContain('Văn An');
    expect(result.value).toMatchObject({ code: sampleDossier.code, status: 'processing', procedure: sampleDossier.procedure });
  });

  const payment = {
    amountVnd: 1_250_000,
    purpose: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất',
    beneficiary: { bankBin: '970415', accountNumber: '113000268868', accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG' },
    reference: 'HCC 2601080187',
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
  };
  const awaitingPayment: Dossier = { ...sampleDossier, status: 'awaiting_payment', payment };

  it("passes on a payment with its VietQR payload, the reference as the bill and the transfer's purpose", async () => {
    const { service } = setup(async () => awaitingPayment);
    const result = await service.lookup(sampleDossier.code);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        payment: {
          ...payment,
          vietQrPayload: buildVietQrPayload({ bankBin: '970415', accountNumber: '113000268868', amountVnd: 1_250_000, billNumber: 'HCC 2601080187', purpose: 'HCC 2601080187' }),
        },
      }),
    });
  });

  it('leaves out a payment past its deadline, so the citizen is sent to the counter, and a dossier without one has none', async () => {
    const expired = { ...awaitingPayment, payment: { ...payment, deadline: new Date(Date.now() - 60_000).toISOString() } };
    expect(await setup(async () => expired).service.lookup(sampleDossier.code)).toMatchObject({ ok: true, value: { payment: null } });
    expect(await setup(found).service.lookup(sampleDossier.code)).toMatchObject({ ok: true, value: { payment: null } });
  });

  it("keeps the payment's account, reference and payload out of the log", async () => {
    const { service, logLines } = setup(async () => awaitingPayment);
    const result = await service.lookup(sampleDossier.code);
    const log = logLines.join('');
    expect(log).toContain('FOUND');
    for (const secret of ['113000268868', '2601080187', '1250000', result.ok ? result.value.payment?.vietQrPayload : 'no payload']) {
      expect(log).not.toContain(secret);
    }
  });

  it('takes only the dossier code from a QR lookup URL, never the ID number beside it', async () => {
    const { service, requestedCodes, logLines } = setup(found);
    await service.lookup(`https://portal.example.vn/portaldvc/tra-cuu?SGT=${ID_NUMBER}&MHS=${sampleDossier.code}`);
    expect(requestedCodes).toEqual([sampleDossier.code]);
    expect(logLines.join('')).not.toContain(ID_NUMBER);
  });

  it.each([
    ['not_found', 'NOT_FOUND'],
    ['unavailable', 'UNAVAILABLE'],
    ['unauthorized', 'NOT_ENROLLED'],
    ['bad_response', 'BAD_RESPONSE'],
    ['rejected', 'BAD_REQUEST'],
  ] as const)('maps the central error %s to %s with an English message', async (kind, code) => {
    const { service } = setup(failsWith(kind));
    const result = await service.lookup(sampleDossier.code);
    expect(result).toEqual({ ok: false, error: { code, message: expect.stringMatching(/^[A-Z][\x20-\x7e]+$/) } });
  });

  it('answers INTERNAL when something other than the central client fails', async () => {
    const { service } = setup(async () => {
      throw new TypeError(`cannot read ${sampleDossier.code}`);
    });
    await expect(service.lookup(sampleDossier.code)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it("logs the central server's part of the lookup as the client timed it, and none when it was not asked", async () => {
    const { service, logLines } = setup(async (_code, exchange) => {
      exchange!.ms += 12.34;
      return sampleDossier;
    });

    await service.lookup(sampleDossier.code);
    await service.lookup('<b>');

    const [found, invalid] = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(found).toMatchObject({ outcome: 'FOUND', centralMs: 12.3 });
    expect(invalid).not.toHaveProperty('centralMs');
  });

  it('logs every lookup with the redacted code, its outcome and duration, never the code or the name in clear', async () => {
    const { service, logLines, redactor } = setup(async (code) => {
      if (code === sampleDossier.code) return sampleDossier;
      throw new TypeError(`failed for ${code}`);
    });
    const otherCode = '000.00.06.H56-231027-0999';

    await service.lookup(sampleDossier.code);
    await service.lookup(otherCode);
    await service.lookup('<b>');

    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toEqual([
      expect.objectContaining({ event: 'lookup', outcome: 'FOUND', code: redactor.code(sampleDossier.code), durationMs: expect.any(Number) }),
      expect.objectContaining({ event: 'lookup', outcome: 'INTERNAL', code: redactor.code(otherCode), durationMs: expect.any(Number) }),
      expect.objectContaining({ event: 'lookup', outcome: 'INVALID_CODE', reason: 'MARKUP', durationMs: expect.any(Number) }),
    ]);
    const log = logLines.join('');
    for (const secret of [sampleDossier.code, otherCode, '231027', 'Nguyễn', 'Văn An', 'V** A*']) {
      expect(log).not.toContain(secret);
    }
  });
});
