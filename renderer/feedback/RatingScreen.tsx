/**
 * The citizen rates the service on a dossier: three large choices, a reason from a short list when "không hài
 * lòng", then thanks. Two taps from here for the common case; nothing about the citizen is asked. Reasons are sent
 * as stable ids, so the centre's reports do not depend on the language the citizen read them in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REASON_LENGTH, type Rating } from '../../shared/api/feedback';
import type { FeedbackSubmitRequest } from '../../shared/contract/feedback';
import type { KioskApi } from '../../shared/contract/kiosk';
import { CameraPreview } from '../camera/CameraPreview';
import type { KioskCamera } from '../camera/useKioskCamera';
import { HomeButton } from '../components/HomeButton';
import { typeKey, type InputMode } from '../input/telex';
import { keyboardButtons, VietKeyboard } from '../input/VietKeyboard';
import { dissatisfactionReasons } from './dissatisfactionReasons';
import './feedback.css';

export const ratingChoices = ['rat_hai_long', 'hai_long', 'khong_hai_long'] as const satisfies readonly Rating[];

type Step =
  | { name: 'choose' }
  | { name: 'reason' }
  /** "Lý do khác": the citizen may type the reason; sent as typed, or as `other` when left empty. */
  | { name: 'other'; text: string; mode: InputMode }
  | { name: 'sending' }
  | { name: 'thanks'; recorded: boolean }
  | { name: 'failed'; request: Omit<FeedbackSubmitRequest, 'sessionId' | 'dossierCode'> };

export function RatingScreen({
  dossierCode,
  agencyName,
  sessionId,
  submit,
  onHome,
}: {
  dossierCode: string;
  agencyName: string;
  sessionId: string;
  submit: KioskApi['feedback']['submit'];
  onHome: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'choose' });

  const send = (choice: Omit<FeedbackSubmitRequest, 'sessionId' | 'dossierCode'>) => {
    setStep({ name: 'sending' });
    submit({ sessionId, dossierCode, ...choice }).then(
      (result) => setStep(result.ok ? { name: 'thanks', recorded: result.value.recorded } : { name: 'failed', request: choice }),
      () => setStep({ name: 'failed', request: choice }),
    );
  };

  const choose = (rating: Rating) => (rating === 'khong_hai_long' ? setStep({ name: 'reason' }) : send({ rating }));

  return (
    <section className="screen rating-screen" data-testid="rating" data-step={step.name}>
      <h1>{t('rating.title')}</h1>
      <p className="rating-subject">{t('rating.subject', { agency: agencyName, code: dossierCode })}</p>

      {step.name === 'choose' && (
        <div className="rating-choices" role="group" aria-label={t('rating.title')}>
          {ratingChoices.map((rating) => (
            <button key={rating} type="button" className={`button rating-choice rating-choice--${rating}`} data-rating={rating} onClick={() => choose(rating)}>
              <span className="rating-choice__label">{t(`rating.choices.${rating}`)}</span>
            </button>
          ))}
        </div>
      )}

      {step.name === 'reason' && (
        <>
          <p className="rating-question">{t('rating.reasonQuestion')}</p>
          <div className="rating-reasons" role="group" aria-label={t('rating.reasonQuestion')}>
            {dissatisfactionReasons.map((reason) => (
              <button
                key={reason}
                type="button"
                className="button rating-reason"
                data-reason={reason}
                onClick={() => (reason === 'other' ? setStep({ name: 'other', text: '', mode: 'telex' }) : send({ rating: 'khong_hai_long', reason }))}
              >
                {t(`rating.reasons.${reason}`)}
              </button>
            ))}
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => setStep({ name: 'choose' })}>
              {t('rating.back')}
            </button>
          </div>
        </>
      )}

      {step.name === 'other' && (
        <OtherReason
          text={step.text}
          mode={step.mode}
          onChange={(text, mode) => setStep({ name: 'other', text, mode })}
          onSend={() => send({ rating: 'khong_hai_long', reason: step.text.trim() === '' ? 'other' : step.text.trim() })}
          onBack={() => setStep({ name: 'reason' })}
        />
      )}

      {step.name === 'sending' && (
        <p className="rating-message" role="status">
          {t('rating.sending')}
        </p>
      )}

      {step.name === 'thanks' && (
        <p className="rating-message rating-message--thanks" role="status">
          {step.recorded ? t('rating.thanks') : t('rating.alreadyRated')}
        </p>
      )}

      {step.name === 'failed' && (
        <>
          <p className="rating-message rating-message--error" role="alert">
            {t('rating.failed')}
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => send(step.request)}>
              {t('rating.retry')}
            </button>
          </div>
        </>
      )}

      {step.name !== 'sending' && (
        <div className="actions">
          <HomeButton onHome={onHome} />
        </div>
      )}
    </section>
  );
}

function OtherReason({
  text,
  mode,
  onChange,
  onSend,
  onBack,
}: {
  text: string;
  mode: InputMode;
  onChange: (text: string, mode: InputMode) => void;
  onSend: () => void;
  onBack: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const onKey = (key: string) => {
    const next =
      key === keyboardButtons.backspace ? [...text].slice(0, -1).join('') : key === keyboardButtons.clear ? '' : typeKey(text, key, mode);
    if (next.length <= MAX_REASON_LENGTH) onChange(next, mode);
  };
  return (
    <>
      <p className="rating-question">{t('rating.typeReason')}</p>
      <div className="keypad-display" role="status" aria-label={t('rating.typedReason')} data-testid="reason-display">
        {text === '' ? <span className="keypad-placeholder">{t('rating.nothingTyped')}</span> : text}
      </div>
      <VietKeyboard mode={mode} onModeChange={(next) => onChange(text, next)} onKey={onKey} />
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>
          {t('rating.back')}
        </button>
        <button type="button" className="button button--primary" onClick={onSend}>
          {t('rating.send')}
        </button>
      </div>
    </>
  );
}

/** From home: the citizen scans the receipt of the dossier to rate. */
export function RateScanScreen({
  onTypeCode,
  onHome,
  camera = null,
}: {
  onTypeCode: () => void;
  onHome: () => void;
  /** Present when the kiosk scans with its camera too. */
  camera?: KioskCamera | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="screen rating-screen" data-testid="rate-scan">
      <h1>{t('rating.title')}</h1>
      <p className="rating-question">{t('rating.scanToRate')}</p>
      {camera && <CameraPreview settings={camera.settings} onText={camera.onText} />}
      <div className="actions">
        <button type="button" className="button button--primary button--large" onClick={onTypeCode}>
          {t('lookup.typeCode')}
        </button>
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}
