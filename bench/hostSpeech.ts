/**
 * Voice guidance with the host's voice: from a screen change to its audio ready in the page. For each demo dossier's
 * status summary (both languages), the time for readAloud, then for the core's speech:synthesize (dispatch, the real
 * espeak-ng, the WAV in base64) and the bridge's part (the reply frame written and read as JSON, checked against the
 * contract, the base64 turned back into bytes). The page's Web Audio decode is not in it (Chromium's; about 1 ms per
 * second of audio). Baseline: the same espeak-ng, the same input, writing to a file (`-w`), no pipe and no kiosk code around it.
 * Target: ready within 300 ms of the screen (issue 17).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { dispatchInvoke, type InvokeHandlers } from '../electron/core/dispatch';
import { createLogger } from '../electron/core/logger';
import { toDossierView } from '../electron/core/lookupService';
import { espeakInput } from '../electron/core/speech/espeakInput';
import { createHostSpeaker, espeakArgs } from '../electron/core/speech/hostSpeaker';
import { spokenSummary } from '../renderer/access/spokenText';
import { createKioskI18n } from '../renderer/i18n';
import { buildDemoDossiers } from '../server/demoData';
import { SpeechReply, type SpeechLanguage } from '../shared/contract/speech';
import { readAloud } from '../shared/speech/readAloud';
import { makeTempDir } from '../tests/support/processes';
import { ms, percentile, verdictLine } from './stats';

const ROUNDS = 5;

function statusSummaries(): { language: SpeechLanguage; text: string }[] {
  const now = new Date();
  const summaries: { language: SpeechLanguage; text: string }[] = [];
  for (const language of ['vi', 'en'] as const) {
    const { t } = createKioskI18n(language);
    for (const dossier of buildDemoDossiers(now)) {
      const screen = { name: 'status' as const, dossier: toDossierView(dossier, now), checkedAt: now.getTime() };
      summaries.push({ language, text: spokenSummary(screen, t, language) });
    }
  }
  return summaries;
}

export async function benchHostSpeech(): Promise<string[]> {
  const summaries = statusSummaries();
  const speaker = createHostSpeaker({ program: 'espeak-ng', logger: createLogger({ level: 'silent' }) });
  const handlers = { 'speech:synthesize': (request) => speaker.synthesize(request) } as Partial<InvokeHandlers> as InvokeHandlers;
  const wavFile = join(makeTempDir('bench-speech'), 'utterance.wav');
  const normalise: number[] = [];
  const ready: number[] = [];
  const baseline: number[] = [];
  const audioSeconds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const { language, text } of summaries) {
      const screenChanged = performance.now();
      const spoken = readAloud(text, language);
      normalise.push(performance.now() - screenChanged);
      const outcome = await dispatchInvoke(handlers, 'speech:synthesize', { text: spoken, language });
      if (!outcome.ok) throw new Error(`speech:synthesize failed: ${outcome.error.code}`);
      const frame = JSON.stringify({ id: 1, ok: true, response: outcome.response });
      const reply = SpeechReply.parse((JSON.parse(frame) as { response: unknown }).response);
      if (!reply.ok) throw new Error(`no audio: ${reply.reason}`);
      const bytes = Buffer.from(reply.wavBase64, 'base64');
      ready.push(performance.now() - screenChanged);
      audioSeconds.push(reply.durationMs / 1000);
      if (bytes.length === 0) throw new Error('empty WAV');

      const started = performance.now();
      const { input, ssml } = espeakInput(spoken, language);
      execFileSync('espeak-ng', [...espeakArgs(language, ssml).filter((arg) => arg !== '--stdin' && arg !== '--stdout'), '-w', wavFile, input]);
      baseline.push(performance.now() - started);
    }
  }
  const longest = summaries.reduce((a, b) => (readAloud(b.text, b.language).length > readAloud(a.text, a.language).length ? b : a));
  return [
    `${summaries.length} status summaries (${summaries.length / 2} demo dossiers × vi, en) × ${ROUNDS} rounds; audio ${percentile(audioSeconds, 50).toFixed(1)} s median, ${Math.max(...audioSeconds).toFixed(1)} s longest (${readAloud(longest.text, longest.language).length} characters)`,
    `readAloud: p50 ${ms(percentile(normalise, 50))}, p95 ${ms(percentile(normalise, 95))}`,
    `screen change to audio ready (readAloud, speech:synthesize with espeak-ng, the bridge's JSON both ways, base64 to bytes): p50 ${ms(percentile(ready, 50))}, p95 ${ms(percentile(ready, 95))}`,
    `baseline, espeak-ng -w <file> alone: p50 ${ms(percentile(baseline, 50))}, p95 ${ms(percentile(baseline, 95))}; ratio p50 ${(percentile(ready, 50) / percentile(baseline, 50)).toFixed(2)}×`,
    verdictLine({ name: 'audio ready p95', value: percentile(ready, 95), target: 300 }),
  ];
}
