/**
 * The kiosk screen. It owns the state (a pure reducer) and the side effects around it: scans from the core, the
 * lookup call for the current lookup id, app info for the idle timeout, and the idle reset.
 */
import type { i18n as I18n } from 'i18next';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { DossierView, KioskApi, Result, ScanEvent } from '../shared/contract/kiosk';
import { AccessBar, VoiceProblemNotice } from './access/AccessBar';
import { accessAttributes, accessReducer, defaultAccessPrefs, isDefaultAccess } from './access/accessPrefs';
import { platformAudio, platformSpeech, useVoiceGuidance, type VoiceSources } from './access/speech';
import { spokenSummary } from './access/spokenText';
import { AttractScreen } from './attract/AttractScreen';
import { CatalogueScreen } from './catalogue/CatalogueScreen';
import { keypadButtons } from './components/CodeKeypad';
import { OnTimeBoardScreen } from './feedback/OnTimeBoardScreen';
import { RateScanScreen, RatingScreen } from './feedback/RatingScreen';
import { useKioskCamera, type KioskCamera } from './camera/useKioskCamera';
import { IdleCountdown } from './components/IdleCountdown';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { useIdleCountdown } from './hooks/useIdleCountdown';
import { useScreenDuringLookup } from './hooks/useScreenDuringLookup';
import { defaultLanguage, languageOf, type Language } from './i18n';
import { CrashScreen } from './screens/CrashScreen';
import { ErrorScreen } from './screens/ErrorScreen';
import { HomeScreen } from './screens/HomeScreen';
import { KeypadScreen } from './screens/KeypadScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { LookupScreen } from './screens/LookupScreen';
import { StatusScreen } from './screens/StatusScreen';
import { TechnicianMode } from './technician/TechnicianMode';
import { useTechnicianGesture } from './technician/useTechnicianGesture';
import { initialKioskState, kioskReducer, type KioskAction, type Screen } from './state/kioskState';
import { createLookupAhead } from './state/lookupAhead';

/** Used until app:info answers, and if it cannot. */
const fallbackIdleTimeoutSeconds = 60;
const idleWarningSeconds = 10;

export function App({ kiosk, i18n }: { kiosk: KioskApi; i18n: I18n }): React.JSX.Element {
  return (
    <I18nextProvider i18n={i18n}>
      <Kiosk kiosk={kiosk} />
    </I18nextProvider>
  );
}

function Kiosk({ kiosk }: { kiosk: KioskApi }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n);
  const [state, dispatch] = useReducer(kioskReducer, initialKioskState);
  const [idleTimeoutSeconds, setIdleTimeoutSeconds] = useState(fallbackIdleTimeoutSeconds);
  // The language every visit starts in: the kiosk's configured one once app:info answers.
  const [homeLanguage, setHomeLanguage] = useState<Language>(defaultLanguage);
  // One citizen's visit, until the kiosk goes home: a dossier is rated at most once in it.
  const [sessionId, setSessionId] = useState(newSessionId);
  const [access, changeAccess] = useReducer(accessReducer, defaultAccessPrefs);
  const { screen } = state;
  // Five taps in the top-left corner within three seconds, then the PIN (renderer/technician).
  const technician = useTechnicianGesture();
  // Counts technician mode's closings: the core's settings are read again then, so a technician's change applies at once.
  const [settingsKey, setSettingsKey] = useState(0);
  const closeTechnician = technician.close;
  const leaveTechnicianMode = useCallback(() => {
    closeTechnician();
    setSettingsKey((key) => key + 1);
  }, [closeTechnician]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // While technician mode is open a scan is the scanner test's, not a citizen's.
  const { isOpen: technicianOpen } = technician;
  const lookupAhead = useMemo(() => createLookupAhead((code) => kiosk.dossier.lookup({ code })), [kiosk]);
  const onScan = useCallback(
    (event: ScanEvent) => {
      if (event.ok) lookupAhead.start(event.code);
      dispatch({ type: 'scanned', event });
    },
    [lookupAhead],
  );
  useEffect(() => kiosk.scanner.onScan((event) => technicianOpen() || onScan(event)), [kiosk, technicianOpen, onScan]);
  const camera = useKioskCamera(kiosk, onScan, settingsKey);

  useEffect(() => {
    let mounted = true;
    kiosk.app.info().then(
      (info) => {
        if (!mounted) return;
        setIdleTimeoutSeconds(info.idleTimeoutSeconds);
        setHomeLanguage(info.language);
      },
      () => undefined, // keep the fallback timeout
    );
    return () => {
      mounted = false;
    };
  }, [kiosk, settingsKey]);

  // A kiosk set up in English starts there: app:info answers at start-up, before anyone touched the screen, and
  // again when technician mode closes, with a language the technician may just have changed.
  const appliedHomeLanguage = useRef<Language>(defaultLanguage);
  useEffect(() => {
    if (homeLanguage === appliedHomeLanguage.current) return;
    appliedHomeLanguage.current = homeLanguage;
    void i18n.changeLanguage(homeLanguage);
  }, [i18n, homeLanguage]);

  const lookupId = screen.name === 'loading' ? screen.lookupId : null;
  const lookupCode = screen.name === 'loading' ? screen.code : null;
  // A scan's lookup already left with the scan; a typed code's or a retry's leaves here. A layout effect, so that it
  // leaves before the browser paints rather than after.
  useLayoutEffect(() => {
    if (lookupId === null || lookupCode === null) return;
    const settle = (result: Result<DossierView>) =>
      dispatch({ type: 'lookupSettled', lookupId, result, settledAt: Date.now() });
    // The contract says lookup never rejects; a preload bug must still not leave the kiosk loading forever.
    lookupAhead.take(lookupCode).then(settle, () => settle({ ok: false, error: { code: 'INTERNAL', message: 'Lookup call failed' } }));
  }, [lookupAhead, lookupId, lookupCode]);

  const resetToStart = useCallback(() => {
    dispatch({ type: 'reset' });
    setSessionId(newSessionId());
    changeAccess({ type: 'reset' });
    void i18n.changeLanguage(homeLanguage);
  }, [i18n, homeLanguage]);

  const nothingToClear = (screen.name === 'home' || screen.name === 'attract') && language === homeLanguage && isDefaultAccess(access);
  const idle = useIdleCountdown({
    timeoutSeconds: idleTimeoutSeconds,
    warningSeconds: idleWarningSeconds,
    enabled: !nothingToClear,
    activityKey: screen,
    onIdle: resetToStart,
  });
  // The untouched home screen turns into the attract screen after the same wait, with no countdown.
  useIdleCountdown({
    timeoutSeconds: idleTimeoutSeconds,
    warningSeconds: 0,
    enabled: screen.name === 'home' && nothingToClear,
    activityKey: screen,
    onIdle: () => dispatch({ type: 'idleOnHome' }),
  });

  // Updates install only while nobody uses the kiosk: the attract screen is the home screen left alone.
  const idleAtHome = screen.name === 'attract';
  useEffect(() => {
    kiosk.app.presence({ idleAtHome }).catch(() => undefined); // no report only delays an update
  }, [kiosk, idleAtHome]);

  const { shown, held } = useScreenDuringLookup(screen);
  const voiceSources = useMemo((): VoiceSources => ({ platform: platformSpeech(), host: kiosk.speech, audio: platformAudio() }), [kiosk]);
  const voice = useVoiceGuidance(access.voice, access.voice ? spokenSummary(screen, t, language) : '', language, voiceSources);

  return (
    <div className="kiosk" {...accessAttributes(access)}>
      <header className="kiosk-header">
        {shown.name !== 'home' && shown.name !== 'attract' && <p className="kiosk-brand">{t('app.title')}</p>}
      </header>
      <main className="kiosk-main" inert={held}>
        <ScreenErrorBoundary resetKey={shown} fallback={<CrashScreen onHome={resetToStart} />}>
          <CurrentScreen screen={shown} held={held} dispatch={dispatch} onHome={resetToStart} catalogue={kiosk.catalogue} kiosk={kiosk} sessionId={sessionId} camera={camera} />
        </ScreenErrorBoundary>
      </main>
      {access.voice && voice.problem !== null && <VoiceProblemNotice problem={voice.problem} />}
      {/* Within reach from a wheelchair: the citizen's settings sit at the bottom of every screen. */}
      <footer className="kiosk-footer">
        <AccessBar prefs={access} onChange={changeAccess} speaking={voice.speaking} />
        <LanguageSwitch />
      </footer>
      {idle.secondsLeft !== null && <IdleCountdown secondsLeft={idle.secondsLeft} onStay={idle.keepAlive} />}
      {technician.open && <TechnicianMode kiosk={kiosk} onClose={leaveTechnicianMode} />}
    </div>
  );
}

function CurrentScreen({
  screen,
  held,
  dispatch,
  onHome,
  catalogue,
  kiosk,
  sessionId,
  camera,
}: {
  screen: Screen;
  /** The screen a lookup started from, kept up while it runs. */
  held: boolean;
  dispatch: (action: KioskAction) => void;
  onHome: () => void;
  catalogue: KioskApi['catalogue'];
  kiosk: Pick<KioskApi, 'feedback' | 'stats'>;
  sessionId: string;
  camera: KioskCamera | null;
}): React.JSX.Element {
  const openKeypad = () => dispatch({ type: 'open', screen: 'keypad' });
  switch (screen.name) {
    case 'attract':
      return <AttractScreen stats={kiosk.stats} onStart={() => dispatch({ type: 'open', screen: 'home' })} />;
    case 'home':
      return (
        <HomeScreen
          onLookup={() => dispatch({ type: 'open', screen: 'lookup' })}
          onProcedures={() => dispatch({ type: 'open', screen: 'procedures' })}
          onRate={() => dispatch({ type: 'open', screen: 'rateScan' })}
          onBoard={() => dispatch({ type: 'open', screen: 'board' })}
        />
      );
    case 'procedures':
      return <CatalogueScreen catalogue={catalogue} onHome={onHome} />;
    case 'lookup':
      return <LookupScreen onTypeCode={openKeypad} onHome={onHome} camera={camera} cameraPaused={held} />;
    case 'keypad':
      return (
        <KeypadScreen
          typed={screen.typed}
          rejection={screen.rejection}
          onKeyPress={(button) => dispatch(keypadAction(button))}
          onHome={onHome}
        />
      );
    case 'loading':
      return <LoadingScreen />;
    case 'status':
      return <StatusScreen dossier={screen.dossier} checkedAt={screen.checkedAt} onHome={onHome} onRate={() => dispatch({ type: 'rate' })} />;
    case 'rateScan':
      return <RateScanScreen onTypeCode={() => dispatch({ type: 'typeCodeToRate' })} onHome={onHome} camera={camera} cameraPaused={held} />;
    case 'rating':
      return (
        <RatingScreen
          dossierCode={screen.dossierCode}
          agencyName={screen.agencyName}
          sessionId={sessionId}
          step={screen.step}
          onStep={(step) => dispatch({ type: 'ratingStep', step })}
          submit={kiosk.feedback.submit}
          onHome={onHome}
        />
      );
    case 'board':
      return <OnTimeBoardScreen stats={kiosk.stats} onHome={onHome} />;
    case 'error':
      return (
        <ErrorScreen
          error={screen.error}
          onRetry={() => dispatch({ type: 'retry' })}
          onTypeCode={openKeypad}
          onHome={onHome}
        />
      );
  }
}

function newSessionId(): string {
  return crypto.randomUUID();
}

function keypadAction(button: string): KioskAction {
  switch (button) {
    case keypadButtons.backspace:
      return { type: 'keypadBackspace' };
    case keypadButtons.clear:
      return { type: 'keypadClear' };
    case keypadButtons.submit:
      return { type: 'keypadSubmit' };
    default:
      return { type: 'keypadType', char: button };
  }
}
