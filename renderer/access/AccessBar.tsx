/**
 * Text size, high contrast and voice guidance, on every screen next to the language switch. When guidance is on
 * and the platform has no voice for the chosen language, it says so on screen rather than staying silent.
 */
import { useTranslation } from 'react-i18next';
import { canEnlarge, canShrink, textSizes, type AccessAction, type AccessPrefs } from './accessPrefs';
import './access.css';

// The accessible names start with the visible "A−"/"A+", so speech control ("tap A plus") finds the buttons too.
export function AccessBar({ prefs, onChange, speaking }: { prefs: AccessPrefs; onChange: (action: AccessAction) => void; speaking: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="access-bar" role="group" aria-label={t('access.barLabel')}>
      <div className="access-bar__size" role="group" aria-label={t('access.textSize', { step: prefs.textSize + 1, steps: textSizes.length })}>
        <button type="button" className="button button--access" aria-label={`A− ${t('access.smaller')}`} disabled={!canShrink(prefs)} onClick={() => onChange({ type: 'smaller' })}>
          A−
        </button>
        <button type="button" className="button button--access" aria-label={`A+ ${t('access.larger')}`} disabled={!canEnlarge(prefs)} onClick={() => onChange({ type: 'larger' })}>
          A+
        </button>
      </div>
      <button type="button" className="button button--access" aria-pressed={prefs.highContrast} onClick={() => onChange({ type: 'toggleContrast' })}>
        {t('access.contrast')}
      </button>
      {/* data-speaking: the button rings while the guidance plays, so the citizen sees where the voice comes from. */}
      <button type="button" className="button button--access" aria-pressed={prefs.voice} data-speaking={speaking} onClick={() => onChange({ type: 'toggleVoice' })}>
        {t('access.voice')}
      </button>
    </div>
  );
}

/** Shown while guidance is on but cannot speak (no voice for the language, or the host's failed): an honest message instead of silence. */
export function VoiceProblemNotice({ problem }: { problem: 'noVoice' | 'failed' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <p className="no-voice" role="status" data-testid="no-voice">
      {t(problem === 'noVoice' ? 'access.noVoice' : 'access.voiceFailed')}
    </p>
  );
}
