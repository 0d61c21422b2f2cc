/**
 * The setup wizard's state as a pure reducer: which step shows, what the technician typed, and the last problem
 * to explain. The side effects (calls to the core) live in SetupWizard.tsx and report back as actions.
 */
import type { Location } from '../../shared/api/catalogue';
import type { ScannerMode } from '../../shared/contract/camera';
import type { SetupErrorCode } from '../../shared/contract/setup';

export const setupSteps = ['server', 'code', 'place', 'settings', 'pin', 'done'] as const;
export type SetupStep = (typeof setupSteps)[number];

export type SetupProblem =
  | { kind: 'error'; code: SetupErrorCode | 'INTERNAL' }
  | { kind: 'scan'; reason: 'MALFORMED' | 'UNSUPPORTED_VERSION' | 'FOREIGN' }
  | { kind: 'pin'; reason: 'pinTooShort' | 'pinMismatch' };

export const idleChoices = [30, 60, 120, 300] as const;
export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 12;

export interface SetupState {
  step: SetupStep;
  url: string;
  server: { version: string; latencyMs: number } | null;
  code: string;
  name: string;
  locations: Location[] | null;
  locationId: string | null;
  language: 'vi' | 'en';
  idleTimeoutSeconds: number;
  scannerMode: ScannerMode;
  cameraDeviceId: string | null;
  pin: string;
  pinConfirm: string;
  /** Which PIN field the keypad types into. */
  pinField: 'pin' | 'pinConfirm';
  busy: boolean;
  problem: SetupProblem | null;
  /** Set when a provisioning QR code filled the wizard in. */
  filledByScan: boolean;
}

export const initialSetupState: SetupState = {
  step: 'server',
  url: 'https://',
  server: null,
  code: '',
  name: '',
  locations: null,
  locationId: null,
  language: 'vi',
  idleTimeoutSeconds: 60,
  scannerMode: 'wedge',
  cameraDeviceId: null,
  pin: '',
  pinConfirm: '',
  pinField: 'pin',
  busy: false,
  problem: null,
  filledByScan: false,
};

export type SetupAction =
  | { type: 'edit'; field: 'url' | 'code' | 'name'; value: string }
  | { type: 'pinKey'; key: string }
  | { type: 'busy' }
  | { type: 'failed'; problem: SetupProblem }
  | { type: 'serverChecked'; version: string; latencyMs: number }
  | { type: 'codeEntered' }
  | { type: 'locationsLoaded'; locations: Location[] }
  | { type: 'chooseLocation'; locationId: string }
  | { type: 'enrolled' }
  | { type: 'choose'; setting: Partial<Pick<SetupState, 'language' | 'idleTimeoutSeconds' | 'scannerMode' | 'cameraDeviceId'>> }
  | { type: 'settingsDone' }
  | { type: 'pinsEntered' }
  | { type: 'completed' }
  | { type: 'provisioningScanned'; centralUrl: string; enrollmentCode: string; locationId: string }
  | { type: 'back' };

export const pinKeys = { backspace: '{bksp}', clear: '{clear}' } as const;

/** Steps before the enrolment can still take a provisioning QR code; after it, the kiosk has its server. */
export const acceptsProvisioningScan = (step: SetupStep): boolean => step === 'server' || step === 'code' || step === 'place';

export function setupReducer(state: SetupState, action: SetupAction): SetupState {
  switch (action.type) {
    case 'edit':
      // A changed address must be checked again.
      return { ...state, [action.field]: action.value, problem: null, ...(action.field === 'url' ? { server: null, locations: null } : {}) };
    case 'pinKey': {
      const field = state.pinField;
      const current = state[field];
      const next =
        action.key === pinKeys.backspace ? current.slice(0, -1) : action.key === pinKeys.clear ? '' : /^\d$/.test(action.key) && current.length < MAX_PIN_LENGTH ? current + action.key : current;
      return { ...state, [field]: next, problem: null };
    }
    case 'busy':
      return { ...state, busy: true, problem: null };
    case 'failed':
      // A refused code sends the technician back to the code; anything else is explained where it happened.
      if (action.problem.kind === 'error' && action.problem.code === 'ENROLLMENT_REFUSED') return { ...state, busy: false, step: 'code', problem: action.problem };
      if (action.problem.kind === 'pin') return { ...state, busy: false, problem: action.problem, pin: '', pinConfirm: '', pinField: 'pin' };
      return { ...state, busy: false, problem: action.problem };
    case 'serverChecked':
      return { ...state, busy: false, server: { version: action.version, latencyMs: action.latencyMs }, step: state.filledByScan ? 'place' : 'code' };
    case 'codeEntered':
      return { ...state, step: 'place', problem: null };
    case 'locationsLoaded': {
      const known = action.locations.some((location) => location.id === state.locationId);
      return { ...state, busy: false, locations: action.locations, locationId: known ? state.locationId : null };
    }
    case 'chooseLocation':
      return { ...state, locationId: action.locationId, problem: null };
    case 'enrolled':
      return { ...state, busy: false, step: 'settings', problem: null };
    case 'choose':
      return { ...state, ...action.setting };
    case 'settingsDone':
      return { ...state, step: 'pin', problem: null };
    case 'pinsEntered':
      if (state.pinField === 'pin') {
        if (state.pin.length < MIN_PIN_LENGTH) return { ...state, problem: { kind: 'pin', reason: 'pinTooShort' } };
        return { ...state, pinField: 'pinConfirm', problem: null };
      }
      return state;
    case 'completed':
      return { ...state, busy: false, step: 'done', problem: null, pin: '', pinConfirm: '' };
    case 'provisioningScanned':
      return {
        ...state,
        url: action.centralUrl,
        code: action.enrollmentCode,
        locationId: action.locationId,
        server: null,
        locations: null,
        step: 'server',
        problem: null,
        filledByScan: true,
      };
    case 'back': {
      if (state.step === 'pin' && state.pinField === 'pinConfirm') return { ...state, pinField: 'pin', pinConfirm: '', problem: null };
      const previous: Partial<Record<SetupStep, SetupStep>> = { code: 'server', place: 'code', pin: 'settings' };
      const step = previous[state.step];
      return step ? { ...state, step, problem: null, busy: false } : state;
    }
  }
}

/** The PIN pair is ready to send: both typed, long enough, and equal. Otherwise the problem to show. */
export function pinProblem(state: Pick<SetupState, 'pin' | 'pinConfirm'>): SetupProblem | null {
  if (state.pin.length < MIN_PIN_LENGTH) return { kind: 'pin', reason: 'pinTooShort' };
  if (state.pin !== state.pinConfirm) return { kind: 'pin', reason: 'pinMismatch' };
  return null;
}
