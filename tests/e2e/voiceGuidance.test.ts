/**
 * End to end on a kiosk like most of ours: Debian's Chromium, which lists no speech voices, and the web host with
 * Debian's eSpeak NG. Turning voice guidance on makes the status screen's summary play: the page asks the host
 * (`speech:synthesize` over the bridge), and plays the WAV it answers through Web Audio (the voice button rings
 * while it plays, and a spy on AudioBufferSourceNode records what started and stopped).
 */
import { describe, expect, it } from 'vitest';
import { demoDossierCode } from '../../server/demoData';
import { countBridgeCalls } from '../support/bridgeClient';
import { realEspeakInstalled } from '../support/espeak';
import { useKioskStand } from '../support/kioskStand';
import { typeAsScanner } from '../support/scanner';

const stand = useKioskStand({ name: 'voice' });

/** What the page recorded: the audio it started, and any request the CSP refused. */
interface PlayedAudio {
  seconds: number;
  stopped: boolean;
}

declare global {
  interface Window {
    playedAudio?: PlayedAudio[];
    refusedByCsp?: string[];
  }
}

/** Records every Web Audio source the page starts: its length and whether it was stopped before its end. */
function recordPlayedAudio(): void {
  window.playedAudio = [];
  window.refusedByCsp = [];
  document.addEventListener('securitypolicyviolation', (event) => window.refusedByCsp!.push(event.effectiveDirective));
  const { start, stop } = AudioBufferSourceNode.prototype;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode & { played?: PlayedAudio }, ...args: Parameters<AudioBufferSourceNode['start']>) {
    this.played = { seconds: this.buffer?.duration ?? 0, stopped: false };
    window.playedAudio!.push(this.played);
    return start.apply(this, args);
  };
  AudioBufferSourceNode.prototype.stop = function (this: AudioBufferSourceNode & { played?: PlayedAudio }, ...args: Parameters<AudioBufferSourceNode['stop']>) {
    if (this.played) this.played.stopped = true;
    return stop.apply(this, args);
  };
}

describe.skipIf(!realEspeakInstalled())('voice guidance through the web host, with no platform voice', () => {
  it('reads the status screen’s summary aloud with the host’s Vietnamese voice, and stops it when the screen changes', async () => {
    const { page } = stand;
    await page.addInitScript(recordPlayedAudio);
    const synthesized = countBridgeCalls(page, 'speech:synthesize');
    await page.goto(stand.kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);

    await typeAsScanner(page, demoDossierCode('processing'));
    await page.getByTestId('dossier-status').waitFor();
    const voiceButton = page.getByRole('button', { name: 'Đọc hướng dẫn' });
    await voiceButton.click();

    // Generous: Chromium starts its audio service at the first sound (the bench times the voice, not this test).
    await expect.poll(() => voiceButton.getAttribute('data-speaking'), { timeout: 10_000 }).toBe('true');
    expect(synthesized()).toBe(1);
    const [status] = (await page.evaluate(() => window.playedAudio)) ?? [];
    // "Tình trạng hồ sơ: …", the due date in words, what to do next: several seconds of speech, not a click.
    expect(status!.seconds).toBeGreaterThan(4);
    expect(status!.stopped).toBe(false);
    expect(await page.getByTestId('no-voice').count()).toBe(0);

    // To the rating screen: its summary replaces the status's.
    await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).click();
    await expect.poll(() => page.evaluate(() => window.playedAudio?.length), { timeout: 10_000 }).toBe(2);
    const [statusAfter, rating] = (await page.evaluate(() => window.playedAudio)) ?? [];
    expect(statusAfter!.stopped).toBe(true);
    expect(rating!.stopped).toBe(false);
    expect(synthesized()).toBe(2);

    // Home is the next citizen's start: it puts voice guidance back off, silencing it.
    await page.getByRole('button', { name: 'Về trang chủ' }).click();
    await expect.poll(() => page.evaluate(() => window.playedAudio?.[1]?.stopped)).toBe(true);
    expect(await voiceButton.getAttribute('aria-pressed')).toBe('false');
    // The ring goes in the render after the one that stopped the audio (the stop's state update), so wait for it.
    await expect.poll(() => voiceButton.getAttribute('data-speaking')).toBe('false');
    expect(synthesized()).toBe(2);
    // The kiosk's CSP (no media-src for blob: or data:) refused nothing on the way.
    expect(await page.evaluate(() => window.refusedByCsp)).toEqual([]);
  });
});
