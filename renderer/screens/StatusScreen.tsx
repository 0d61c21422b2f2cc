/**
 * A dossier's status for the citizen who scanned its receipt: what it is, where it stands, whether it is late,
 * and what to do next. The applicant's name arrives masked from the core and is shown as given; the code is shown
 * in full so the citizen can match it against the receipt in hand.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView, PaymentView } from '../../shared/contract/kiosk';
import { currentStepIndex, nextStep, timeliness, type NextStep } from '../../shared/dossier/statusRules';
import { useLoad } from '../catalogue/useLoad';
import { HomeButton } from '../components/HomeButton';
import { qrImageSource } from '../components/qrImage';
import { formatDateTime } from '../format/dateTime';
import { formatVnd } from '../format/number';
import { languageOf } from '../i18n';
import { nextStepSentence } from './nextStepText';

type StepState = 'done' | 'current' | 'upcoming';

export function StatusScreen({
  dossier,
  checkedAt,
  onHome,
  onRate,
}: {
  dossier: DossierView;
  /** When the reply arrived: "overdue" is judged at that instant. */
  checkedAt: number;
  onHome: () => void;
  /** Opens the rating step for this dossier. */
  onRate: () => void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n);
  const when = (iso: string) => formatDateTime(iso, language);
  const late = timeliness(dossier, new Date(checkedAt));
  const current = currentStepIndex(dossier);
  const stepLabels: Record<StepState, string> = {
    done: t('dossier.stepDone'),
    current: t('dossier.stepCurrent'),
    upcoming: t('dossier.stepUpcoming'),
  };
  // The citizen's answer (the status and what to do next) reaches the screen first; the facts, the result and the
  // timeline, most of the text to lay out and raster, a frame later, out of the scan-to-status path
  // (bench/scanToPaint.ts).
  const detailsShown = useAfterFirstPaint();

  return (
    <section className="screen status-screen" data-testid="dossier-status" data-status={dossier.status}>
      <h1>{t('dossier.title')}</h1>

      <div className="status-banner">
        <p className="status-label" data-testid="status-label" elementtiming="dossier-status">
          {dossier.statusLabel ?? t(`status.${dossier.status}`)}
        </p>
        {late !== 'on_time' && (
          <p className="flag flag--late" data-testid="timeliness-flag" data-timeliness={late}>
            {late === 'overdue' ? t('dossier.overdue') : t('dossier.finishedLate')}
          </p>
        )}
      </div>

      <div className="status-body">
        <div className="status-main">
          <section className="next-step" aria-labelledby="next-step-title">
            <h2 id="next-step-title">{t('dossier.nextStep')}</h2>
            <NextStepText step={nextStep(dossier)} />
            {dossier.status === 'awaiting_payment' && dossier.payment && <PaymentPanel payment={dossier.payment} />}
          </section>

          {detailsShown && (
            <>
              <dl className="dossier-facts">
                <Fact label={t('dossier.procedure')} value={dossier.procedure.name} />
                <Fact label={t('dossier.agency')} value={dossier.agency.name} />
                <Fact label={t('dossier.code')} value={dossier.code} />
                <Fact label={t('dossier.applicant')} value={dossier.applicantNameMasked} />
                <Fact label={t('dossier.receivedAt')} value={when(dossier.receivedAt)} />
                <Fact label={t('dossier.dueAt')} value={when(dossier.dueAt)} />
                {dossier.finishedAt !== null && <Fact label={t('dossier.finishedAt')} value={when(dossier.finishedAt)} />}
              </dl>

              <section aria-labelledby="result-title">
                <h2 id="result-title">{t('dossier.result')}</h2>
                <p elementtiming="dossier-details">{t(`returnMethod.${dossier.result.returnMethod}`)}</p>
                {dossier.result.pickupLocation !== '' && (
                  <p>{t('dossier.pickupLocation', { place: dossier.result.pickupLocation })}</p>
                )}
              </section>
            </>
          )}
        </div>
        <section className="status-steps" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('dossier.steps')}</h2>
          {dossier.steps.length === 0 ? (
            <p>{t('dossier.noSteps')}</p>
          ) : (
            detailsShown && (
              <ol className="timeline">
                {dossier.steps.map((step, index) => {
                  const state: StepState = step.finishedAt !== null ? 'done' : index === current ? 'current' : 'upcoming';
                  return (
                    // Steps have no id of their own; their order is fixed within one reply.
                    <li
                      key={index}
                      className={`timeline-step timeline-step--${state}`}
                      data-step-state={state}
                      aria-current={state === 'current' ? 'step' : undefined}
                    >
                      <p className="timeline-step__name">{step.name}</p>
                      <p className="timeline-step__state">{stepLabels[state]}</p>
                      {step.unit !== '' && <p>{step.unit}</p>}
                      {state !== 'upcoming' && <p>{t('dossier.stepStarted', { date: when(step.startedAt) })}</p>}
                      {step.finishedAt !== null && <p>{t('dossier.stepFinished', { date: when(step.finishedAt) })}</p>}
                    </li>
                  );
                })}
              </ol>
            )
          )}
        </section>
      </div>

      <div className="actions">
        <button type="button" className="button button--primary" data-testid="rate-dossier" onClick={onRate}>
          {t('rating.open')}
        </button>
        <HomeButton onHome={onHome} />
      </div>
    </section>
  );
}

/** False on the first render, true once the browser has painted it, in time for the next frame. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // An animation frame callback runs just before the frame is painted; a task it posts runs after the paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * The fee and its VietQR code, for the citizen's banking app, inside what to do next: the sentence tells the citizen
 * to scan it, so the code sits right under it, in view without scrolling in landscape too. The account and the
 * reference are shown beside the code so that the citizen can check what the app fills in; the code appears once
 * drawn, the text at once.
 */
function PaymentPanel({ payment }: { payment: PaymentView }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n);
  const amount = formatVnd(payment.amountVnd, language);
  const qr = useLoad(payment.vietQrPayload, () => qrImageSource(payment.vietQrPayload));
  return (
    <section className="payment" aria-label={t('payment.title')} data-testid="payment">
      <div className="payment__body">
        <figure className="payment__qr" data-testid="payment-qr-figure">
          {qr.state === 'loaded' && <img src={qr.value} alt={t('payment.qrAlt', { amount })} data-testid="payment-qr" width={280} height={280} />}
          <figcaption>{t('payment.howTo')}</figcaption>
        </figure>
        <dl className="payment__facts">
          <Fact label={t('payment.amount')} value={amount} testId="payment-amount" />
          <Fact label={t('payment.purpose')} value={payment.purpose} />
          <Fact label={t('payment.deadline')} value={formatDateTime(payment.deadline, language)} testId="payment-deadline" />
          <Fact label={t('payment.accountName')} value={payment.beneficiary.accountName} />
          <Fact label={t('payment.accountNumber')} value={payment.beneficiary.accountNumber} />
          <Fact label={t('payment.reference')} value={payment.reference} />
        </dl>
      </div>
    </section>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }): React.JSX.Element {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function NextStepText({ step }: { step: NextStep }): React.JSX.Element {
  const { t } = useTranslation();
  const text = (
    <p className="next-step__text" data-testid="next-step" data-next-step={step.kind}>
      {nextStepSentence(step, t)}
    </p>
  );
  if (step.kind !== 'bring_documents' || step.documents.length === 0) return text;
  return (
    <>
      {text}
      <ul className="documents">
        {step.documents.map((document, index) => (
          <li key={index}>{document}</li>
        ))}
      </ul>
    </>
  );
}
