/**
 * What voice guidance says on each screen: a short summary in the chosen language, built from the same catalogue
 * texts the screen shows. Never the dossier code or the applicant's name: a lobby is a public place.
 */
import type { TFunction } from 'i18next';
import { indicatorScores, ratings } from '../../shared/api/feedback';
import { nextStep, timeliness } from '../../shared/dossier/statusRules';
import { formatDateTime } from '../format/dateTime';
import { formatVnd } from '../format/number';
import { indicatorAt, indicatorCount, indicatorScoreNames, type RatingStep } from '../feedback/ratingFlow';
import type { Language } from '../i18n';
import { nextStepSentence } from '../screens/nextStepText';
import type { Screen } from '../state/kioskState';

export function spokenSummary(screen: Screen, t: TFunction, language: Language): string {
  switch (screen.name) {
    case 'home':
      return t('access.speech.home', { choices: [t('home.lookup'), t('home.procedures'), t('home.rate'), t('home.board')].join(', ') });
    case 'attract':
      return `${t('app.title')}. ${t('access.speech.attract')}`;
    case 'procedures':
      return `${t('procedures.title')}. ${t('access.speech.procedures')}`;
    case 'lookup':
      return `${t('lookup.title')}. ${t('lookup.howToScan')} ${t('lookup.orType')}`;
    case 'keypad':
      return t('access.speech.keypad');
    case 'loading':
      return t('loading.text');
    case 'status':
      return statusSummary(screen, t, language);
    case 'error':
      return `${t('error.title')}. ${t(`error.codes.${screen.error.code}`)}`;
    case 'rateScan':
      return `${t('rating.title')}. ${t('rating.scanToRate')}`;
    case 'rating':
      return ratingSummary(screen.step, t);
    case 'board':
      return `${t('board.title')}. ${t('access.speech.board')}`;
  }
}

/** The three choices, then what the optional step asks: the choice made, then each indicator as it shows. */
function ratingSummary(step: RatingStep, t: TFunction): string {
  if (step.name === 'confirm') return t('indicators.speech.confirm', { choice: t(`rating.choices.${step.choice.rating}`) });
  if (step.name === 'indicators') {
    const indicator = indicatorAt(step.position);
    if (indicator === null) return t('indicators.done', { count: indicatorCount });
    return t('indicators.speech.question', {
      position: step.position + 1,
      count: indicatorCount,
      question: t(`indicators.questions.${indicator}`),
      scores: indicatorScores.map((score) => t(`indicators.scores.${indicatorScoreNames[score]}`)).join(', '),
    });
  }
  return `${t('rating.title')}. ${t('access.speech.rating', { choices: ratings.map((rating) => t(`rating.choices.${rating}`)).join(', ') })}`;
}

function statusSummary(screen: Extract<Screen, { name: 'status' }>, t: TFunction, language: Language): string {
  const { dossier } = screen;
  const step = nextStep(dossier);
  const late = timeliness(dossier, new Date(screen.checkedAt));
  const parts = [t('access.speech.status', { status: dossier.statusLabel ?? t(`status.${dossier.status}`) })];
  if (late !== 'on_time') parts.push(`${late === 'overdue' ? t('dossier.overdue') : t('dossier.finishedLate')}.`);
  if (dossier.finishedAt === null) parts.push(t('access.speech.dueAt', { date: formatDateTime(dossier.dueAt, language) }));
  parts.push(nextStepSentence(step, t));
  if (step.kind === 'bring_documents' && step.documents.length > 0) parts.push(t('access.speech.documents', { documents: step.documents.join('; ') }));
  // The fee as the screen shows it, so that a citizen who cannot read it still knows how much and by when.
  const { payment } = dossier;
  if (payment) {
    parts.push(t('access.speech.payment', { amount: formatVnd(payment.amountVnd, language), purpose: payment.purpose, deadline: formatDateTime(payment.deadline, language) }));
  }
  return parts.join(' ');
}
