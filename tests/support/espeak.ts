/** Whether the real eSpeak NG can run here, for the tests that need it. */
import { execFileSync } from 'node:child_process';
import { underCi } from './ci';

/**
 * True when `espeak-ng` runs. Without it the real-voice tests skip, except under CI, which installs it
 * (.ci/run): there its absence throws, so those tests can never silently not run.
 */
export function realEspeakInstalled(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (underCi) throw new Error('espeak-ng is not installed, and CI must run the real-voice tests (.ci/run installs it)');
    return false;
  }
}
