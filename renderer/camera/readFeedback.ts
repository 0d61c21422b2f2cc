/** The sound of a successful camera read: a short beep like a hand scanner's, so the citizen knows to lower the receipt. */

const BEEP_HZ = 1760;
const BEEP_SECONDS = 0.12;
let audio: AudioContext | null = null;

export function playReadBeep(): void {
  // No audio output (or a browser without Web Audio): the visual feedback remains.
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = BEEP_HZ;
  gain.gain.value = 0.2;
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + BEEP_SECONDS);
}
