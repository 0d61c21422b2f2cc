/**
 * Voice guidance through the Web Speech API: a thin adapter around speechSynthesis that speaks only with a voice of
 * the kiosk's language (a Vietnamese text read by an English voice is gibberish), and a hook that speaks each new
 * summary while guidance is on and cancels when the screen changes, guidance is turned off or the kiosk resets.
 */
import { useEffect, useState } from 'react';
import { locales, type Language } from '../i18n';

/** The parts of the platform's speechSynthesis this uses, so tests can hand in a fake. */
export type SpeechPlatform = {
  synthesis: Pick<SpeechSynthesis, 'getVoices' | 'speak' | 'cancel' | 'addEventListener' | 'removeEventListener'>;
  Utterance: typeof SpeechSynthesisUtterance;
};

/** The platform's speech, or null where it has none (older webviews, some Linux builds). */
export function platformSpeech(): SpeechPlatform | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') return null;
  return { synthesis: window.speechSynthesis, Utterance: window.SpeechSynthesisUtterance };
}

/** A voice for `language` ('vi', 'vi-VN', 'vi_VN' all count for Vietnamese), preferring a local one. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: Language): SpeechSynthesisVoice | null {
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
  const exact = matching.filter((voice) => voice.lang.replace('_', '-').toLowerCase() === locales[language].toLowerCase());
  const preferred = exact.length > 0 ? exact : matching;
  return preferred.find((voice) => voice.localService) ?? preferred[0] ?? null;
}

/**
 * Speaks `text` in `language` whenever it changes while `enabled`. Returns whether the platform has a voice for
 * the language, so the screen can say so when it has none instead of staying silent.
 */
export function useVoiceGuidance(enabled: boolean, text: string, language: Language, speech: SpeechPlatform | null): { hasVoice: boolean } {
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[]>(() => speech?.synthesis.getVoices() ?? []);

  // Chromium loads its voices after the page: listen for the list to arrive or change.
  useEffect(() => {
    if (speech === null) return;
    const update = () => setVoices([...speech.synthesis.getVoices()]);
    update();
    speech.synthesis.addEventListener('voiceschanged', update);
    return () => speech.synthesis.removeEventListener('voiceschanged', update);
  }, [speech]);

  const voice = voiceFor(voices, language);

  useEffect(() => {
    if (speech === null || !enabled || voice === null || text === '') return;
    speech.synthesis.cancel();
    const utterance = new speech.Utterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9; // a little slower than default: older citizens, a noisy lobby
    speech.synthesis.speak(utterance);
    return () => speech.synthesis.cancel();
  }, [speech, enabled, voice, text]);

  return { hasVoice: voice !== null };
}
