/**
 * The steps of rating a dossier, kept in the kiosk's state (so voice guidance can say each one and the idle reset
 * forgets them), and the optional nine indicators (ids and scores from shared/api/feedback.ts) as pure functions.
 */
import { type Indicators, type IndicatorScore, satisfactionIndicators, type SatisfactionIndicator } from '../../shared/api/feedback';
import type { FeedbackSubmitRequest } from '../../shared/contract/feedback';
import type { InputMode } from '../input/telex';

/** What the citizen chose: the level, and the reason when "không hài lòng". */
export type RatingChoice = Pick<FeedbackSubmitRequest, 'rating' | 'reason'>;
/** What the rating screen sends; the session and the dossier are added by whoever knows them. */
export type RatingRequest = Omit<FeedbackSubmitRequest, 'sessionId' | 'dossierCode'>;

export type RatingStep =
  | { name: 'choose' }
  | { name: 'reason' }
  /** "Lý do khác": the citizen may type the reason; sent as typed, or as `other` when left empty. */
  | { name: 'other'; text: string; mode: InputMode }
  /** The choice made: send it as it is, or add the nine indicators first. */
  | { name: 'confirm'; choice: RatingChoice }
  /** One indicator at a time; `position` 0-8, or 9 once the citizen has gone past the last one. */
  | { name: 'indicators'; choice: RatingChoice; position: number; answers: Indicators }
  | { name: 'sending' }
  | { name: 'thanks'; recorded: boolean }
  | { name: 'failed'; request: RatingRequest };

export const firstRatingStep: RatingStep = { name: 'choose' };

export const indicatorCount = satisfactionIndicators.length;

/** What the three scores say on their buttons: honest words, not stars (catalogue keys `indicators.scores.*`). */
export const indicatorScoreNames = { 0: 'not_good', 1: 'acceptable', 2: 'good' } as const satisfies Record<IndicatorScore, string>;
export type IndicatorScoreName = (typeof indicatorScoreNames)[IndicatorScore];

/** The indicator asked at `position`, or null past the last one. */
export const indicatorAt = (position: number): SatisfactionIndicator | null => satisfactionIndicators[position] ?? null;

export function startIndicators(choice: RatingChoice): Extract<RatingStep, { name: 'indicators' }> {
  return { name: 'indicators', choice, position: 0, answers: {} };
}

/** Scores the indicator shown and moves on to the next one. */
export function answerIndicator(step: Extract<RatingStep, { name: 'indicators' }>, score: IndicatorScore): RatingStep {
  const indicator = indicatorAt(step.position);
  if (indicator === null) return step;
  return { ...step, answers: { ...step.answers, [indicator]: score }, position: step.position + 1 };
}

/** Another indicator, without scoring the one shown (it keeps any score it had). */
export function moveToIndicator(step: Extract<RatingStep, { name: 'indicators' }>, position: number): RatingStep {
  return { ...step, position: Math.min(Math.max(position, 0), indicatorCount) };
}

export const answeredCount = (answers: Indicators): number => Object.keys(answers).length;

/** The request for a choice and the indicators answered: none answered sends none. */
export function ratingRequest(choice: RatingChoice, answers: Indicators = {}): RatingRequest {
  const request: RatingRequest = { rating: choice.rating };
  if (choice.reason !== undefined) request.reason = choice.reason;
  if (answeredCount(answers) > 0) request.indicators = answers;
  return request;
}
