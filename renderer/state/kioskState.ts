/**
 * What the kiosk shows and what the citizen has typed, as one pure reducer. The side effects (the lookup call,
 * the scanner subscription, the idle timer) live in the App and only dispatch actions here.
 *
 * Every lookup gets an id; a reply is applied only while the kiosk still waits for that id, so a scan made while
 * another lookup runs supersedes it and the old lookup's late reply is dropped.
 */
import type { DossierView, KioskErrorCode, Result, ScanEvent } from '../../shared/contract/kiosk';
import { MAX_CODE_LENGTH, parseReceipt, type ReceiptRejection } from '../../shared/receipt/parseReceipt';
import { firstRatingStep, type RatingStep } from '../feedback/ratingFlow';

/** An error as the renderer shows it: its code, the parser's reason for INVALID_CODE, and the code looked up. */
export interface ShownError {
  code: KioskErrorCode;
  reason: string | null;
  lookedUpCode: string | null;
  /** For RATE_LIMITED: how long to wait, in seconds. */
  retryAfterSeconds?: number;
}

export type Screen =
  | { name: 'home' }
  | { name: 'procedures' }
  | { name: 'lookup' }
  /** `rateAfter`: typed from "scan to rate", so a found dossier opens the rating step. */
  | { name: 'keypad'; typed: string; rejection: ReceiptRejection | null; rateAfter?: true }
  /** `rateAfter`: the citizen scanned to rate the dossier, so a found dossier opens the rating step. */
  | { name: 'loading'; lookupId: number; code: string; rateAfter?: true }
  /** `checkedAt`: when the reply arrived (epoch ms), the instant lateness is judged at. */
  | { name: 'status'; dossier: DossierView; checkedAt: number }
  | { name: 'error'; error: ShownError }
  /** From home: waiting for the receipt of the dossier to rate. */
  | { name: 'rateScan' }
  | { name: 'rating'; dossierCode: string; agencyName: string; step: RatingStep }
  | { name: 'board' }
  /** The home screen left alone: what the kiosk can do and the on-time board, until someone touches or scans. */
  | { name: 'attract' };


export interface KioskState {
  screen: Screen;
  /** Id of the most recent lookup started; ids are never reused, even across idle resets. */
  lastLookupId: number;
}

export type KioskAction =
  | { type: 'open'; screen: 'home' | 'procedures' | 'lookup' | 'keypad' | 'rateScan' | 'board' }
  /** From "scan to rate": type the code of the dossier to rate instead. */
  | { type: 'typeCodeToRate' }
  /** From the status screen: rate the dossier shown. */
  | { type: 'rate' }
  | { type: 'keypadType'; char: string }
  | { type: 'keypadBackspace' }
  | { type: 'keypadClear' }
  | { type: 'keypadSubmit' }
  | { type: 'scanned'; event: ScanEvent }
  | { type: 'retry' }
  | { type: 'lookupSettled'; lookupId: number; result: Result<DossierView>; settledAt: number }
  /** Idle timeout or recovery: back to the home screen with nothing kept. */
  | { type: 'reset' }
  /** Nobody touched the home screen for the idle timeout. */
  | { type: 'idleOnHome' }
  /** The rating screen moved on (renderer/feedback/RatingScreen decides where). */
  | { type: 'ratingStep'; step: RatingStep };

/** The keypad only offers these; anything else reaching the reducer is ignored. */
const keypadChars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.-/';

export const initialKioskState: KioskState = { screen: { name: 'home' }, lastLookupId: 0 };

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  const { screen } = state;
  switch (action.type) {
    case 'open':
      return {
        ...state,
        screen: action.screen === 'keypad' ? { name: 'keypad', typed: '', rejection: null } : { name: action.screen },
      };
    case 'keypadType': {
      if (screen.name !== 'keypad' || action.char.length !== 1 || !keypadChars.includes(action.char)) return state;
      if (screen.typed.length >= MAX_CODE_LENGTH) return state;
      return { ...state, screen: { ...screen, typed: screen.typed + action.char, rejection: null } };
    }
    case 'keypadBackspace':
      if (screen.name !== 'keypad') return state;
      return { ...state, screen: { ...screen, typed: screen.typed.slice(0, -1), rejection: null } };
    case 'keypadClear':
      if (screen.name !== 'keypad') return state;
      return { ...state, screen: { ...screen, typed: '', rejection: null } };
    case 'keypadSubmit': {
      if (screen.name !== 'keypad') return state;
      const parsed = parseReceipt(screen.typed);
      if (!parsed.ok) return { ...state, screen: { ...screen, rejection: parsed.reason } };
      return startLookup(state, parsed.code, screen.rateAfter === true);
    }
    case 'typeCodeToRate':
      if (screen.name !== 'rateScan') return state;
      return { ...state, screen: { name: 'keypad', typed: '', rejection: null, rateAfter: true } };
    case 'scanned':
      if (action.event.ok) return startLookup(state, action.event.code, screen.name === 'rateScan');
      return showError(state, { code: 'INVALID_CODE', reason: action.event.reason, lookedUpCode: null });
    case 'retry':
      if (screen.name !== 'error' || screen.error.lookedUpCode === null) return state;
      return startLookup(state, screen.error.lookedUpCode);
    case 'lookupSettled': {
      if (screen.name !== 'loading' || screen.lookupId !== action.lookupId) return state;
      const { result } = action;
      if (result.ok && screen.rateAfter) {
        return { ...state, screen: { name: 'rating', dossierCode: result.value.code, agencyName: result.value.agency.name, step: firstRatingStep } };
      }
      if (result.ok) {
        return { ...state, screen: { name: 'status', dossier: result.value, checkedAt: action.settledAt } };
      }
      const { code, reason, retryAfterSeconds } = result.error;
      const shown: ShownError = { code, reason: reason ?? null, lookedUpCode: screen.code };
      return showError(state, retryAfterSeconds === undefined ? shown : { ...shown, retryAfterSeconds });
    }
    case 'rate':
      if (screen.name !== 'status') return state;
      return { ...state, screen: { name: 'rating', dossierCode: screen.dossier.code, agencyName: screen.dossier.agency.name, step: firstRatingStep } };
    case 'ratingStep':
      if (screen.name !== 'rating') return state;
      return { ...state, screen: { ...screen, step: action.step } };
    case 'reset':
      return { ...state, screen: { name: 'home' } };
    case 'idleOnHome':
      return screen.name === 'home' ? { ...state, screen: { name: 'attract' } } : state;
  }
}

function startLookup(state: KioskState, code: string, rateAfter = false): KioskState {
  const lookupId = state.lastLookupId + 1;
  return { screen: rateAfter ? { name: 'loading', lookupId, code, rateAfter } : { name: 'loading', lookupId, code }, lastLookupId: lookupId };
}

function showError(state: KioskState, error: ShownError): KioskState {
  return { ...state, screen: { name: 'error', error } };
}
