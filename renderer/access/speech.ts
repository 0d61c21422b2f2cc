/**
 * Voice guidance. Where the platform has a voice of the kiosk's language (Windows with its Vietnamese language pack),
 * the Web Speech API speaks; where it has none (Chromium on Linux lists no voices at all), the host reads the text
 * with eSpeak NG (`speech:synthesize`) and the page plays the WAV it answers through Web Audio, from bytes, so the
 * CSP needs no media-src for blob: or data: URLs. Either way the text is first written out as it is read
 * (shared/speech/readAloud.ts), each new summary replaces the one being read, and speech stops when the screen
 * changes, guidance is turned off or the kiosk resets.
 */
import { useEffect, useMemo, useState } from 'react';
import type { KioskApi } from '../../shared/contract/kiosk';
import { readAloud } from '../../shared/speech/readAloud';
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

/** Plays a WAV file; resolves with the function that stops it. */
export interface AudioOutput {
  /** Gets the output going while the host synthesizes, so that starting it is not added to the wait. */
  prepare(): void;
  play(wav: ArrayBuffer, onEnded: () => void): Promise<() => void>;
}

/** Web Audio's output, or null where the page has none. One AudioContext, made at the first utterance. */
export function platformAudio(): AudioOutput | null {
  if (typeof window === 'undefined' || typeof window.AudioContext !== 'function') return null;
  let context: AudioContext | null = null;
  // Started after the citizen's tap on "read aloud", so the autoplay policy lets it run.
  const running = async () => {
    context ??= new AudioContext();
    if (context.state === 'suspended') await context.resume();
    return context;
  };
  return {
    prepare: () => void running().catch(() => undefined),
    async play(wav, onEnded) {
      const context = await running();
      const source = context.createBufferSource();
      source.buffer = await context.decodeAudioData(wav);
      source.connect(context.destination);
      source.addEventListener('ended', onEnded);
      source.start();
      return () => {
        source.removeEventListener('ended', onEnded);
        source.stop();
        source.disconnect();
      };
    },
  };
}

/** A voice for `language` ('vi', 'vi-VN', 'vi_VN' all count for Vietnamese), preferring a local one. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], language: Language): SpeechSynthesisVoice | null {
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
  const exact = matching.filter((voice) => voice.lang.replace('_', '-').toLowerCase() === locales[language].toLowerCase());
  const preferred = exact.length > 0 ? exact : matching;
  return preferred.find((voice) => voice.localService) ?? preferred[0] ?? null;
}

/** Where voice guidance speaks from: the platform's speech, the host's synthesis and the page's audio output. */
export interface VoiceSources {
  platform: SpeechPlatform | null;
  host: KioskApi['speech'] | null;
  audio: AudioOutput | null;
}

export interface VoiceGuidance {
  /** Why it cannot speak, for the screen to say: no voice for the language, or the host's voice failed. */
  problem: 'noVoice' | 'failed' | null;
  /** True while audio of the current summary plays. */
  speaking: boolean;
}

function bytesOf(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** Speaks `text` in `language` whenever it changes while `enabled`, with the platform's voice if it has one, else the host's. */
export function useVoiceGuidance(enabled: boolean, text: string, language: Language, { platform, host, audio }: VoiceSources): VoiceGuidance {
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[]>(() => platform?.synthesis.getVoices() ?? []);
  const [speaking, setSpeaking] = useState(false);
  // The host's last answer other than a cancellation: 'missing' (no eSpeak NG) stays until an utterance succeeds.
  const [hostProblem, setHostProblem] = useState<'missing' | 'failed' | null>(null);

  // Chromium loads its voices after the page: listen for the list to arrive or change.
  useEffect(() => {
    if (platform === null) return;
    const update = () => setVoices([...platform.synthesis.getVoices()]);
    update();
    platform.synthesis.addEventListener('voiceschanged', update);
    return () => platform.synthesis.removeEventListener('voiceschanged', update);
  }, [platform]);

  const voice = voiceFor(voices, language);
  const spoken = useMemo(() => (text === '' ? '' : readAloud(text, language)), [text, language]);

  useEffect(() => {
    if (platform === null || !enabled || voice === null || spoken === '') return;
    platform.synthesis.cancel();
    const utterance = new platform.Utterance(spoken);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9; // a little slower than default: older citizens, a noisy lobby
    utterance.onstart = () => setSpeaking(true);
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    platform.synthesis.speak(utterance);
    return () => {
      platform.synthesis.cancel();
      setSpeaking(false);
    };
  }, [platform, enabled, voice, spoken]);

  const hostSpeaks = voice === null && host !== null && audio !== null;
  useEffect(() => {
    if (!hostSpeaks || !enabled || spoken === '') return;
    let current = true;
    let stop: (() => void) | null = null;
    audio.prepare();
    const play = async () => {
      const reply = await host.synthesize({ text: spoken, language });
      if (!current || (!reply.ok && reply.reason === 'cancelled')) return;
      if (!reply.ok) return setHostProblem(reply.reason === 'missing' ? 'missing' : 'failed');
      setHostProblem(null);
      const stopPlaying = await audio.play(bytesOf(reply.wavBase64), () => current && setSpeaking(false));
      if (!current) return stopPlaying();
      stop = stopPlaying;
      setSpeaking(true);
    };
    play().catch(() => current && setHostProblem('failed'));
    return () => {
      current = false;
      stop?.();
      setSpeaking(false);
    };
  }, [hostSpeaks, host, audio, enabled, spoken, language]);

  const problem = voice !== null ? null : !hostSpeaks || hostProblem === 'missing' ? 'noVoice' : hostProblem;
  return { problem, speaking };
}
