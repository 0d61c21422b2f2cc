import { useTranslation } from 'react-i18next';
import type { ReceiptRejection } from '../../shared/receipt/parseReceipt';
import { CodeKeypad } from '../components/CodeKeypad';
import { HomeButton } from '../components/HomeButton';

/** The code typed so far, read-only (no native input, so no OS keyboard), the parser's objection, the keypad. */
export function KeypadScreen({
  typed,
  rejection,
  onKeyPress,
  onHome,
}: {
  typed: string;
  rejection: ReceiptRejection | null;
  onKeyPress: (button: string) => void;
  onHome: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen keypad-screen">
      <h1>{t('keypad.title')}</h1>
      <p>{t('keypad.hint')}</p>
      <div className="keypad-display" role="status" aria-label={t('keypad.typed')} data-testid="keypad-display">
        {typed === '' ? <span className="keypad-placeholder">{t('keypad.nothingTyped')}</span> : typed}
      </div>
      {rejection !== null && (
        <p className="inline-error" role="alert" data-testid="keypad-rejection" data-reason={rejection}>
          {t(`receiptRejection.${rejection}`)}
        </p>
      )}
      <CodeKeypad onKeyPress={onKeyPress} />
      <div className="actions">
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
