/**
 * The setup wizard a kiosk without a valid configuration shows: server address (checked live), enrollment code
 * (or a scanned provisioning QR code, which fills everything in), kiosk name and location from the server's list,
 * language, idle timeout, scanner and camera, then the technician PIN twice. The core enrolls and saves; the wizard
 * never sees the token. Every failure is explained in the current language.
 */
import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../shared/contract/kiosk';
import type { SetupApi, SetupFailure } from '../../shared/contract/setup';
import { scannerModes } from '../../shared/contract/camera';
import { useVideoInputs } from '../camera/useVideoInputs';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { typeKey } from '../input/telex';
import { keyboardButtons, VietKeyboard } from '../input/VietKeyboard';
import type { InputMode } from '../input/telex';
import { AddressKeyboard, PinKeypad, typeAddressKey } from './SetupKeyboards';
import {
  acceptsProvisioningScan,
  idleChoices,
  initialSetupState,
  pinProblem,
  setupReducer,
  setupSteps,
  type SetupAction,
  type SetupProblem,
  type SetupState,
} from './setupFlow';
import './setup.css';

const MAX_URL_LENGTH = 2048;
const MAX_CODE_LENGTH = 64;
const MAX_NAME_LENGTH = 100;

export function SetupWizard({
  setup,
  scanner,
  onDone,
}: {
  setup: SetupApi;
  scanner: Pick<KioskApi['scanner'], 'onScan'>;
  onDone: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(setupReducer, initialSetupState);
  const call = useCoreCall(dispatch);

  const checkServer = (url: string) =>
    call(() => setup.checkServer({ url }), (reply) => dispatch({ type: 'serverChecked', version: reply.version, latencyMs: reply.latencyMs }));

  // A provisioning QR code fills the wizard in and checks the server at once; anything else scanned is refused.
  const acceptScans = acceptsProvisioningScan(state.step);
  useEffect(() => {
    if (!acceptScans) return;
    const stopProvisioning = setup.onProvisioningScan((scan) => {
      if (!scan.ok) return dispatch({ type: 'failed', problem: { kind: 'scan', reason: scan.reason } });
      dispatch({ type: 'provisioningScanned', centralUrl: scan.centralUrl, enrollmentCode: scan.enrollmentCode, locationId: scan.locationId });
      dispatch({ type: 'busy' });
      setup.checkServer({ url: scan.centralUrl }).then(
        (reply) => dispatch(reply.ok ? { type: 'serverChecked', version: reply.version, latencyMs: reply.latencyMs } : failedWith(reply)),
        () => dispatch({ type: 'failed', problem: { kind: 'error', code: 'INTERNAL' } }),
      );
    });
    const stopReceipts = scanner.onScan(() => dispatch({ type: 'failed', problem: { kind: 'scan', reason: 'FOREIGN' } }));
    return () => {
      stopProvisioning();
      stopReceipts();
    };
  }, [acceptScans, setup, scanner]);

  const needsLocations = state.step === 'place' && state.locations === null && !state.busy && state.problem === null;
  useEffect(() => {
    if (!needsLocations) return;
    dispatch({ type: 'busy' });
    setup.locations({ url: state.url }).then(
      (reply) => dispatch(reply.ok ? { type: 'locationsLoaded', locations: reply.locations } : failedWith(reply)),
      () => dispatch({ type: 'failed', problem: { kind: 'error', code: 'INTERNAL' } }),
    );
  }, [needsLocations, setup, state.url]);

  const stepNumber = setupSteps.indexOf(state.step) + 1;
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <p className="kiosk-brand">{t('setup.title')}</p>
        <LanguageSwitch />
      </header>
      <main className="kiosk-main">
        <section className="screen setup-screen" data-testid={`setup-step-${state.step}`}>
          {state.step !== 'done' && <p className="setup-step">{t('setup.stepOf', { step: stepNumber, total: setupSteps.length - 1 })}</p>}
          <StepBody state={state} dispatch={dispatch} setup={setup} call={call} checkServer={checkServer} onDone={onDone} />
          {state.problem && <Problem problem={state.problem} />}
          {acceptScans && <p className="setup-help">{t('setup.scanHint')}</p>}
        </section>
      </main>
    </div>
  );
}

type CoreCall = <R extends { ok: true } | SetupFailure>(request: () => Promise<R>, onOk: (reply: Extract<R, { ok: true }>) => void) => void;

/** Runs a core call with the busy flag; a typed failure or a broken bridge becomes the problem to explain. */
function useCoreCall(dispatch: (action: SetupAction) => void): CoreCall {
  return (request, onOk) => {
    dispatch({ type: 'busy' });
    request().then(
      (reply) => (reply.ok ? onOk(reply as Extract<typeof reply, { ok: true }>) : dispatch(failedWith(reply as SetupFailure))),
      () => dispatch({ type: 'failed', problem: { kind: 'error', code: 'INTERNAL' } }),
    );
  };
}

function failedWith(reply: SetupFailure): SetupAction {
  return { type: 'failed', problem: { kind: 'error', code: reply.error.code } };
}

function StepBody({
  state,
  dispatch,
  setup,
  call,
  checkServer,
  onDone,
}: {
  state: SetupState;
  dispatch: (action: SetupAction) => void;
  setup: SetupApi;
  call: CoreCall;
  checkServer: (url: string) => void;
  onDone: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [nameMode, setNameMode] = useState<InputMode>('telex');
  const back = (
    <button type="button" className="button" onClick={() => dispatch({ type: 'back' })} disabled={state.busy}>
      {t('setup.back')}
    </button>
  );

  switch (state.step) {
    case 'server':
      return (
        <>
          <h1>{t('setup.serverTitle')}</h1>
          <p className="setup-help">{t('setup.serverHelp')}</p>
          <Typed label={t('setup.serverTitle')} value={state.url} testId="setup-url" />
          <AddressKeyboard onKey={(key) => dispatch({ type: 'edit', field: 'url', value: typeAddressKey(state.url, key, MAX_URL_LENGTH) })} />
          <div className="actions">
            <button type="button" className="button button--primary" disabled={state.busy} onClick={() => checkServer(state.url.trim())}>
              {state.busy ? t('setup.working') : t('setup.checkServer')}
            </button>
          </div>
        </>
      );
    case 'code':
      return (
        <>
          <h1>{t('setup.codeTitle')}</h1>
          {state.server && <p className="setup-ok">{t('setup.serverOk', state.server)}</p>}
          <p className="setup-help">{t('setup.codeHelp')}</p>
          <Typed label={t('setup.codeTitle')} value={state.code} testId="setup-code" />
          <AddressKeyboard onKey={(key) => dispatch({ type: 'edit', field: 'code', value: typeAddressKey(state.code, key, MAX_CODE_LENGTH) })} />
          <div className="actions">
            {back}
            <button type="button" className="button button--primary" disabled={state.code.trim().length < 4} onClick={() => dispatch({ type: 'codeEntered' })}>
              {t('setup.next')}
            </button>
          </div>
        </>
      );
    case 'place': {
      const onNameKey = (key: string) => {
        const next =
          key === keyboardButtons.backspace ? [...state.name].slice(0, -1).join('') : key === keyboardButtons.clear ? '' : typeKey(state.name, key, nameMode);
        if (next.length <= MAX_NAME_LENGTH) dispatch({ type: 'edit', field: 'name', value: next });
      };
      const enroll = () =>
        call(
          () => setup.enroll({ url: state.url.trim(), code: state.code.trim(), name: state.name.trim(), locationId: state.locationId ?? '' }),
          () => dispatch({ type: 'enrolled' }),
        );
      return (
        <>
          <h1>{t('setup.placeTitle')}</h1>
          {state.filledByScan && <p className="setup-ok">{t('setup.scanFilled')}</p>}
          <Typed label={t('setup.nameLabel')} value={state.name} testId="setup-name" />
          <VietKeyboard mode={nameMode} onModeChange={setNameMode} onKey={onNameKey} />
          <fieldset className="setup-fieldset">
            <legend>{t('setup.locationLabel')}</legend>
            {state.locations === null ? (
              <p>{t('setup.loadingLocations')}</p>
            ) : state.locations.length === 0 ? (
              <p>{t('setup.noLocations')}</p>
            ) : (
              <div className="setup-locations">
                {state.locations.map((location) => (
                  <button
                    key={location.id}
                    type="button"
                    className="button"
                    aria-pressed={location.id === state.locationId}
                    onClick={() => dispatch({ type: 'chooseLocation', locationId: location.id })}
                  >
                    {location.name}
                    <span className="setup-location-kind">{t(`setup.locationKinds.${location.kind}`)}</span>
                  </button>
                ))}
              </div>
            )}
          </fieldset>
          <div className="actions">
            {back}
            <button
              type="button"
              className="button button--primary"
              disabled={state.busy || state.name.trim() === '' || state.locationId === null}
              onClick={enroll}
            >
              {state.busy ? t('setup.working') : t('setup.enroll')}
            </button>
          </div>
        </>
      );
    }
    case 'settings':
      return <SettingsStep state={state} dispatch={dispatch} />;
    case 'pin': {
      const confirming = state.pinField === 'pinConfirm';
      const typed = confirming ? state.pinConfirm : state.pin;
      const finish = () => {
        const problem = pinProblem(state);
        if (problem) return dispatch({ type: 'failed', problem });
        call(
          () =>
            setup.complete({
              language: state.language,
              idleTimeoutSeconds: state.idleTimeoutSeconds,
              scannerMode: state.scannerMode,
              cameraDeviceId: state.cameraDeviceId,
              pin: state.pin,
            }),
          () => dispatch({ type: 'completed' }),
        );
      };
      return (
        <>
          <h1>{t('setup.pinTitle')}</h1>
          <p className="setup-help">{confirming ? t('setup.pinConfirm') : t('setup.pinHelp')}</p>
          <div className="keypad-display" role="status" data-testid="setup-pin">
            {typed === '' ? <span className="keypad-placeholder">{t('setup.empty')}</span> : `${'•'.repeat(typed.length)} (${t('setup.pinTyped', { count: typed.length })})`}
          </div>
          <PinKeypad onKey={(key) => dispatch({ type: 'pinKey', key })} />
          <div className="actions">
            {back}
            <button
              type="button"
              className="button button--primary"
              disabled={state.busy}
              onClick={confirming ? finish : () => dispatch({ type: 'pinsEntered' })}
            >
              {confirming ? (state.busy ? t('setup.working') : t('setup.finish')) : t('setup.next')}
            </button>
          </div>
        </>
      );
    }
    case 'done':
      return (
        <>
          <h1>{t('setup.doneTitle')}</h1>
          <p className="lead">{t('setup.doneBody', { name: state.name.trim() })}</p>
          <div className="actions">
            <button type="button" className="button button--primary button--large" onClick={onDone}>
              {t('setup.start')}
            </button>
          </div>
        </>
      );
  }
}

function SettingsStep({ state, dispatch }: { state: SetupState; dispatch: (action: SetupAction) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const cameras = useVideoInputs();
  const choice = (pressed: boolean, label: string, onClick: () => void, key: string) => (
    <button key={key} type="button" className="button" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <>
      <h1>{t('setup.settingsTitle')}</h1>
      <fieldset className="setup-fieldset">
        <legend>{t('setup.languageLabel')}</legend>
        <div className="setup-choices">
          {(['vi', 'en'] as const).map((language) =>
            choice(state.language === language, t(`setup.languages.${language}`), () => dispatch({ type: 'choose', setting: { language } }), language),
          )}
        </div>
      </fieldset>
      <fieldset className="setup-fieldset">
        <legend>{t('setup.idleLabel')}</legend>
        <div className="setup-choices">
          {idleChoices.map((seconds) =>
            choice(
              state.idleTimeoutSeconds === seconds,
              t('setup.idleSeconds', { count: seconds }),
              () => dispatch({ type: 'choose', setting: { idleTimeoutSeconds: seconds } }),
              String(seconds),
            ),
          )}
        </div>
      </fieldset>
      <fieldset className="setup-fieldset">
        <legend>{t('setup.scannerLabel')}</legend>
        <div className="setup-choices">
          {scannerModes.map((mode) =>
            choice(state.scannerMode === mode, t(`setup.scannerModes.${mode}`), () => dispatch({ type: 'choose', setting: { scannerMode: mode } }), mode),
          )}
        </div>
      </fieldset>
      <fieldset className="setup-fieldset">
        <legend>{t('setup.cameraLabel')}</legend>
        <div className="setup-choices">
          {choice(state.cameraDeviceId === null, t('setup.cameraDefault'), () => dispatch({ type: 'choose', setting: { cameraDeviceId: null } }), 'default')}
          {cameras.map((camera, index) =>
            choice(
              state.cameraDeviceId === camera.deviceId,
              camera.label || t('setup.cameraUnnamed', { number: index + 1 }),
              () => dispatch({ type: 'choose', setting: { cameraDeviceId: camera.deviceId } }),
              camera.deviceId,
            ),
          )}
        </div>
        {cameras.length === 0 && <p className="setup-help">{t('setup.cameraNone')}</p>}
      </fieldset>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => dispatch({ type: 'settingsDone' })}>
          {t('setup.next')}
        </button>
      </div>
    </>
  );
}

function Typed({ label, value, testId }: { label: string; value: string; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="keypad-display" role="status" aria-label={label} data-testid={testId}>
      {value === '' ? <span className="keypad-placeholder">{t('setup.empty')}</span> : value}
    </div>
  );
}

function Problem({ problem }: { problem: SetupProblem }): React.JSX.Element {
  const { t } = useTranslation();
  const text =
    problem.kind === 'error' ? t(`setup.errors.${problem.code}`) : problem.kind === 'scan' ? t(`setup.scanRejected.${problem.reason}`) : t(`setup.${problem.reason}`);
  return (
    <p className="setup-problem" role="alert" data-testid="setup-problem">
      {text}
    </p>
  );
}
