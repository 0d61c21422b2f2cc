/**
 * A citizen's lookup, from scanned or typed text to the view the renderer shows: parse the receipt text, ask the
 * central server, mask the applicant's name. The full name stays here; logs carry only the redacted code.
 */
import type { Dossier } from '../../shared/api/gateway';
import type { DossierView, KioskError, KioskErrorCode, Result } from '../../shared/contract/kiosk';
import { maskPersonName } from '../../shared/privacy/maskName';
import { parseReceipt } from '../../shared/receipt/parseReceipt';
import { CentralError, type CentralClient, type CentralErrorKind, type ExchangeTime } from './centralClient';
import type { Logger, Redactor } from './logger';

export interface LookupService {
  lookup(input: string): Promise<Result<DossierView>>;
}

export interface LookupServiceOptions {
  client: Pick<CentralClient, 'getDossier'>;
  logger: Logger;
  redactor: Redactor;
}

const errorForKind: Record<CentralErrorKind, KioskError> = {
  not_found: { code: 'NOT_FOUND', message: 'No dossier with this code' },
  unavailable: { code: 'UNAVAILABLE', message: 'The central server is unavailable' },
  unauthorized: { code: 'NOT_ENROLLED', message: 'The central server does not accept this kiosk' },
  rate_limited: { code: 'RATE_LIMITED', message: 'The central server asks the kiosk to slow down' },
  bad_response: { code: 'BAD_RESPONSE', message: 'The central server sent an invalid reply' },
  rejected: { code: 'BAD_REQUEST', message: 'The central server rejected the request' },
};

type LookupOutcome = KioskErrorCode | 'FOUND';

/** What the citizen did is info; what the server or the kiosk did wrong is for the technician to see. */
const levelForOutcome: Record<LookupOutcome, 'info' | 'warn' | 'error'> = {
  FOUND: 'info',
  INVALID_CODE: 'info',
  NOT_FOUND: 'info',
  UNAVAILABLE: 'warn',
  BAD_RESPONSE: 'warn',
  NOT_ENROLLED: 'error',
  KIOSK_REVOKED: 'error',
  RATE_LIMITED: 'warn',
  BAD_REQUEST: 'warn',
  INTERNAL: 'error',
};

const internalError: KioskError = { code: 'INTERNAL', message: 'Internal error' };

function kioskErrorFor(error: CentralError): KioskError {
  if (error.kind === 'unauthorized' && error.serverCode === 'KIOSK_REVOKED') {
    return { code: 'KIOSK_REVOKED', message: 'The province revoked this kiosk' };
  }
  if (error.kind === 'rate_limited') return { ...errorForKind.rate_limited, retryAfterSeconds: error.retryAfterSeconds };
  return errorForKind[error.kind];
}

export function toDossierView(dossier: Dossier): DossierView {
  const { applicantName, ...rest } = dossier;
  return { ...rest, applicantNameMasked: maskPersonName(applicantName) };
}

export function createLookupService({ client, logger, redactor }: LookupServiceOptions): LookupService {
  return {
    async lookup(input) {
      const startedAt = performance.now();
      // centralMs, the HTTP exchange with the central server alone (to a tenth of a ms), tells whose slowness it was.
      const done = (fields: { outcome: LookupOutcome; code?: string; reason?: string; receiptKind?: string; errorName?: string; centralMs?: number }) =>
        logger[levelForOutcome[fields.outcome]](
          { event: 'lookup', ...fields, durationMs: Math.round(performance.now() - startedAt) },
          'dossier lookup',
        );

      const receipt = parseReceipt(input);
      if (!receipt.ok) {
        done({ outcome: 'INVALID_CODE', reason: receipt.reason });
        return { ok: false, error: { code: 'INVALID_CODE', message: 'The input is not a receipt code', reason: receipt.reason } };
      }
      const code = redactor.code(receipt.code);
      const exchange: ExchangeTime = { ms: 0 };
      const centralMs = () => Math.round(exchange.ms * 10) / 10;
      try {
        const view = toDossierView(await client.getDossier(receipt.code, exchange));
        done({ outcome: 'FOUND', code, receiptKind: receipt.kind, centralMs: centralMs() });
        return { ok: true, value: view };
      } catch (error) {
        const kioskError = error instanceof CentralError ? kioskErrorFor(error) : internalError;
        // The error's name only: a message from deeper down could quote the request URL, which holds the code.
        done({ outcome: kioskError.code, code, receiptKind: receipt.kind, errorName: error instanceof Error ? error.name : typeof error, centralMs: centralMs() });
        return { ok: false, error: kioskError };
      }
    },
  };
}
