/**
 * The technician's PIN pad: an on-screen numeric keypad (no physical keyboard at the kiosk), the digits shown as
 * dots, and the core's answer in plain words. The core checks the PIN and enforces the lockout; this only asks.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TechnicianApi, UnlockReply } from '../../shared/contract/technician';
import { useTouchKeyboard } from '../input/useTouchKeyboard';
import { locales, languageOf } from '../i18n';

const keys = { backspace: '{bksp}', clear: '{clear}', submit: '{submit}' } as const;
const layout = { default: ['1 2 3', '4 5 6', '7 8 9', `${keys.clear} 0 ${keys.backspace}`, keys.submit] };
const MAX_PIN_LENGTH = 12;

type Notice = { kind: 'reply'; reply: Exclude<UnlockReply, { result: 'ok' }> } | { kind: 'failed' } | { kind: 'checking' } | null;

export function PinPad({ technician, onUnlocked, onCancel, sessionEnded }: {
  technician: Pick<TechnicianApi, 'unlock'>;
  onUnlocked: () => void;
  onCancel: () => void;
  /** Shown when the core ended the previous session. */
  sessionEnded?: boolean;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [pin, setPin] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  const submit = (typed: string) => {
    if (typed === '') return;
    setNotice({ kind: 'checking' });
    technician.unlock({ pin: typed }).then(
      (reply) => {
        setPin('');
        if (reply.result === 'ok') onUnlocked();
        else setNotice({ kind: 'reply', reply });
      },
      () => {
        setPin('');
        setNotice({ kind: 'failed' });
      },
    );
  };
  const onKeyPress = (button: string) => {
    // The answer clears the pad: digits typed while the PIN is being checked would vanish half-typed.
    if (notice?.kind === 'checking') return;
    if (button === keys.submit) return submit(pin);
    if (button === keys.clear) return setPin('');
    if (button === keys.backspace) return setPin((typed) => typed.slice(0, -1));
    setPin((typed) => (typed.length < MAX_PIN_LENGTH ? typed + button : typed));
  };
  const display = useMemo(() => ({ [keys.backspace]: t('technician.backspace'), [keys.clear]: t('technician.clear'), [keys.submit]: t('technician.submit') }), [t]);
  const container = useTouchKeyboard({
    layout,
    theme: 'pin-pad',
    buttonTheme: [{ class: 'pin-pad__submit', buttons: keys.submit }],
    onKeyPress,
    display,
  });

  const time = (iso: string) => new Date(iso).toLocaleTimeString(locales[languageOf(i18n)], { hour: '2-digit', minute: '2-digit' });
  const message = (() => {
    if (notice === null) return sessionEnded ? t('technician.sessionEnded') : null;
    if (notice.kind === 'checking') return t('technician.checking');
    if (notice.kind === 'failed') return t('technician.unlockFailed');
    const { reply } = notice;
    if (reply.result === 'wrong') return t('technician.wrongPin', { count: reply.attemptsLeft });
    if (reply.result === 'locked') return t('technician.locked', { time: time(reply.until) });
    return t('technician.notSet');
  })();

  return (
    <section className="technician-pin" aria-labelledby="technician-pin-title">
      <h2 id="technician-pin-title">{t('technician.pinTitle')}</h2>
      <p>{t('technician.pinHint')}</p>
      <p className="technician-pin__dots" data-testid="pin-display" role="status" aria-label={t('technician.pinEntered', { count: pin.length })}>
        {'●'.repeat(pin.length) || '\u00a0'}
      </p>
      <p className="technician-pin__notice" role="alert" data-testid="pin-notice">
        {message}
      </p>
      <div ref={container} className="simple-keyboard" data-testid="pin-pad" />
      <button type="button" className="button" onClick={onCancel}>
        {t('technician.cancel')}
      </button>
    </section>
  );
}
