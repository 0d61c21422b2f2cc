/**
 * The citizen rates the service on a dossier: three large choices, a reason from a short list when "không hài
 * lòng", then "Gửi đánh giá" (three taps from the status screen for the common case), or first the nine indicators,
 * offered beside it and never required. Nothing about the citizen is asked. Reasons are sent as stable ids, so the
 * centre's reports do not depend on the language the citizen read them in. The step lives in the kiosk's state
 * (`step`, moved on by `onStep`), so the idle reset forgets a half-answered rating.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorScores, MAX_REASON_LENGTH, type Rating } from '../../shared/api/feedback';
import type { KioskApi } from '../../shared/contract/kiosk';
import { HomeButton } from '../components/HomeButton';
import { typeKey, type InputMode } from '../input/telex';
import { keyboardButtons, VietKeyboard } from '../input/VietKeyboard';
import { ScanScreen, type ScanScreenProps } from '../screens/ScanScreen';
import { dissatisfactionReasons } from './dissatisfactionReasons';
import {
  answerIndicator,
  answeredCount,
  indicatorAt,
  indicatorCount,
  indicatorScoreNames,
  moveToIndicator,
  type RatingChoice,
  type RatingRequest,
  ratingRequest,
  type RatingStep,
  startIndicators,
} from './ratingFlow';
import './feedback.css';

export const ratingChoices = ['rat_hai_long', 'hai_long', 'khong_hai_long'] as const satisfies readonly Rating[];

export function RatingScreen({
  dossierCode,
  agencyName,
  sessionId,
  step,
  onStep,
  submit,
  onHome,
}: {
  dossierCode: string;
  agencyName: string;
  sessionId: string;
  step: RatingStep;
  onStep: (step: RatingStep) => void;
  submit: KioskApi['feedback']['submit'];
  onHome: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  // One request at a time, whatever reaches the buttons before the "sending" step shows.
  const sending = useRef(false);
  // A reply that arrives after the kiosk went home belongs to no screen.
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);

  const send = (request: RatingRequest) => {
    if (sending.current) return;
    sending.current = true;
    onStep({ name: 'sending' });
    const settle = (next: RatingStep) => {
      sending.current = false;
      if (shown.current) onStep(next);
    };
    submit({ sessionId, dossierCode, ...request }).then(
      (result) => settle(result.ok ? { name: 'thanks', recorded: result.value.recorded } : { name: 'failed', request }),
      () => settle({ name: 'failed', request }),
    );
  };

  const choose = (rating: Rating) => onStep(rating === 'khong_hai_long' ? { name: 'reason' } : { name: 'confirm', choice: { rating } });

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
                onClick={() =>
                  onStep(reason === 'other' ? { name: 'other', text: '', mode: 'telex' } : { name: 'confirm', choice: { rating: 'khong_hai_long', reason } })
                }
              >
                {t(`rating.reasons.${reason}`)}
              </button>
            ))}
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => onStep({ name: 'choose' })}>
              {t('rating.back')}
            </button>
          </div>
        </>
      )}

      {step.name === 'other' && (
        <OtherReason
          text={step.text}
          mode={step.mode}
          onChange={(text, mode) => onStep({ name: 'other', text, mode })}
          onDone={() => onStep({ name: 'confirm', choice: { rating: 'khong_hai_long', reason: step.text.trim() === '' ? 'other' : step.text.trim() } })}
          onBack={() => onStep({ name: 'reason' })}
        />
      )}

      {step.name === 'confirm' && (
        <>
          <p className="rating-chosen">{t('indicators.chosen', { choice: t(`rating.choices.${step.choice.rating}`) })}</p>
          <p className="rating-question">{t('indicators.sendHint')}</p>
          <div className="rating-confirm">
            <button type="button" className="button button--primary button--large" onClick={() => send(ratingRequest(step.choice))}>
              {t('rating.send')}
            </button>
            <button type="button" className="button button--large" onClick={() => onStep(startIndicators(step.choice))}>
              {t('indicators.offer')}
            </button>
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => onStep(backFromConfirm(step.choice))}>
              {t('rating.back')}
            </button>
          </div>
        </>
      )}

      {step.name === 'indicators' && <IndicatorStep step={step} onStep={onStep} onSend={send} />}

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

/** Back from "send or add the indicators" to where the choice was made. */
const backFromConfirm = (choice: RatingChoice): RatingStep => (choice.rating === 'khong_hai_long' ? { name: 'reason' } : { name: 'choose' });

/** The nine indicators one at a time: three large answers each, any of them left out, sent or skipped at any point. */
function IndicatorStep({
  step,
  onStep,
  onSend,
}: {
  step: Extract<RatingStep, { name: 'indicators' }>;
  onStep: (step: RatingStep) => void;
  onSend: (request: RatingRequest) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const indicator = indicatorAt(step.position);
  return (
    <>
      <h2 className="indicator-title">{t('indicators.title')}</h2>
      <p className="indicator-progress">
        {indicator !== null && <span>{t('indicators.progress', { position: step.position + 1, count: indicatorCount })}</span>}
        <span data-testid="indicators-answered">{t('indicators.answered', { answered: answeredCount(step.answers), count: indicatorCount })}</span>
      </p>
      {indicator === null ? (
        <p className="rating-question">{t('indicators.done', { count: indicatorCount })}</p>
      ) : (
        <>
          <p className="indicator-lead">{t('indicators.lead')}</p>
          <p className="indicator-question" id="indicator-question" data-indicator={indicator}>
            {t(`indicators.questions.${indicator}`)}
          </p>
          <div className="indicator-scores" role="group" aria-labelledby="indicator-question">
            {indicatorScores.map((score) => (
              <button
                key={score}
                type="button"
                className={`button indicator-score indicator-score--${score}`}
                aria-pressed={step.answers[indicator] === score}
                onClick={() => onStep(answerIndicator(step, score))}
              >
                {t(`indicators.scores.${indicatorScoreNames[score]}`)}
              </button>
            ))}
          </div>
        </>
      )}
      <div className="indicator-actions">
        <button
          type="button"
          className="button"
          onClick={() => onStep(step.position === 0 ? { name: 'confirm', choice: step.choice } : moveToIndicator(step, step.position - 1))}
        >
          {step.position === 0 ? t('rating.back') : t('indicators.previous')}
        </button>
        {indicator !== null && (
          <button type="button" className="button" onClick={() => onStep(moveToIndicator(step, step.position + 1))}>
            {t('indicators.next')}
          </button>
        )}
        <button type="button" className="button" onClick={() => onSend(ratingRequest(step.choice))}>
          {t('indicators.skip')}
        </button>
        <button type="button" className="button button--primary" onClick={() => onSend(ratingRequest(step.choice, step.answers))}>
          {t('rating.send')}
        </button>
      </div>
    </>
  );
}

function OtherReason({
  text,
  mode,
  onChange,
  onDone,
  onBack,
}: {
  text: string;
  mode: InputMode;
  onChange: (text: string, mode: InputMode) => void;
  onDone: () => void;
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
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('rating.next')}
        </button>
      </div>
    </>
  );
}

/** From home: the citizen scans the receipt of the dossier to rate. */
export function RateScanScreen(props: ScanScreenProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ScanScreen
      className="screen rating-screen"
      testId="rate-scan"
      title={t('rating.title')}
      instructions={<p className="rating-question">{t('rating.scanToRate')}</p>}
      {...props}
    />
  );
}
