import { useTranslation } from 'react-i18next';
import { DEFAULT_RETRY_AFTER_SECONDS } from '../../shared/contract/kiosk';
import { receiptRejections, type ReceiptRejection } from '../../shared/receipt/parseReceipt';
import { HomeButton } from '../components/HomeButton';
import type { ShownError } from '../state/kioskState';

/** Errors where asking again may help: the service, not the code, was the problem. */
const retryable = new Set<ShownError['code']>(['UNAVAILABLE', 'BAD_RESPONSE', 'INTERNAL']);
/** Errors where the citizen may do better by typing the code from the receipt. */
const typeable = new Set<ShownError['code']>(['INVALID_CODE', 'NOT_FOUND']);

function isReceiptRejection(reason: string): reason is ReceiptRejection {
  return (receiptRejections as readonly string[]).includes(reason);
}

export function ErrorScreen({
  error,
  onRetry,
  onTypeCode,
  onHome,
}: {
  error: ShownError;
  onRetry: () => void;
  onTypeCode: () => void;
  onHome: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { code, reason, lookedUpCode, retryAfterSeconds } = error;
  return (
    <section className="screen error-screen" role="alert" data-testid="lookup-error" data-error-code={code}>
      <h1>{t('error.title')}</h1>
      <p className="lead">{t(`error.codes.${code}`, { seconds: retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS })}</p>
      {reason !== null && (
        <p data-testid="error-reason" data-reason={reason}>
          {isReceiptRejection(reason) ? t(`receiptRejection.${reason}`) : t('receiptRejectionUnknown')}
        </p>
      )}
      {code === 'NOT_FOUND' && lookedUpCode !== null && (
        <p className="code-read">{t('error.codeRead', { code: lookedUpCode })}</p>
      )}
      <div className="actions">
        {retryable.has(code) && lookedUpCode !== null && (
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('error.retry')}
          </button>
        )}
        {typeable.has(code) && (
          <button type="button" className="button button--primary" onClick={onTypeCode}>
            {t('error.typeCode')}
          </button>
        )}
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
