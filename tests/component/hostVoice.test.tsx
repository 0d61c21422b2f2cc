// Voice guidance where the platform has no voice for the language (Chromium on Linux): the renderer asks the host to
// read the summary (kiosk.speech.synthesize, faked at the contract) and plays the WAV through Web Audio (a fake
// AudioContext at the platform boundary). It chooses the platform's voice when there is one, and stops playing when
// the screen changes, guidance is turned off or the kiosk resets.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SpeechReply } from '../../shared/contract/speech';
import { deferred, dossierView, fakeKiosk, found, renderKiosk, scanOf } from './support';

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const voiceButton = () => button('Đọc hướng dẫn');
const wav = new Uint8Array([82, 73, 70, 70, 1, 2, 3, 4]);
const audioReply: SpeechReply = { ok: true, wavBase64: btoa(String.fromCharCode(...wav)), durationMs: 1200 };

class FakeSource extends EventTarget {
  buffer: { bytes: number[] } | null = null;
  started = false;
  stopped = false;
  connect() {}
  disconnect() {}
  start() {
    this.started = true;
  }
  stop() {
    this.stopped = true;
  }
}

/** Web Audio as Chromium has it, recording each source it plays. */
function installAudio() {
  const sources: FakeSource[] = [];
  class FakeAudioContext {
    state = 'running';
    destination = {};
    async resume() {}
    async decodeAudioData(buffer: ArrayBuffer) {
      return { bytes: [...new Uint8Array(buffer)] };
    }
    createBufferSource() {
      const source = new FakeSource();
      sources.push(source);
      return source;
    }
  }
  Object.defineProperty(window, 'AudioContext', { value: FakeAudioContext, configurable: true });
  return { sources, playing: () => sources.filter((source) => source.started && !source.stopped) };
}

function installPlatformVoice(lang: string) {
  const speak = vi.fn();
  const synthesis = { getVoices: () => [{ lang, name: lang, localService: true, default: false, voiceURI: lang }], speak, cancel: vi.fn(), addEventListener() {}, removeEventListener() {} };
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: class { constructor(readonly text: string) {} }, configurable: true });
  return speak;
}

afterEach(() => {
  for (const name of ['AudioContext', 'speechSynthesis', 'SpeechSynthesisUtterance']) Reflect.deleteProperty(window, name);
});

describe('voice guidance with the host’s voice', () => {
  it('plays the host’s audio of each screen’s summary, written out as it is read, stopping the previous one', async () => {
    const user = userEvent.setup();
    const audio = installAudio();
    const kiosk = fakeKiosk(async () => found(dossierView({ dueAt: '2026-12-25T14:30:00+07:00' })));
    kiosk.speech.mockResolvedValue(audioReply);
    renderKiosk(kiosk);
    expect(kiosk.speech).not.toHaveBeenCalled();

    await user.click(voiceButton());
    await vi.waitFor(() => expect(audio.playing()).toHaveLength(1));
    expect(kiosk.speech).toHaveBeenLastCalledWith({ language: 'vi', text: expect.stringMatching(/^Trang chủ\. Quý khách có thể chọn: Tra cứu hồ sơ/) });
    expect(audio.playing()[0]!.buffer).toEqual({ bytes: [...wav] });
    expect(voiceButton()).toHaveAttribute('data-speaking', 'true');
    expect(screen.queryByTestId('no-voice')).not.toBeInTheDocument();

    const home = audio.playing()[0]!;
    kiosk.scan(scanOf(dossierView().code));
    await screen.findByTestId('dossier-status');
    await vi.waitFor(() => expect(kiosk.speech).toHaveBeenLastCalledWith({ language: 'vi', text: expect.stringMatching(/^Tình trạng hồ sơ: Đang xử lý\./) }));
    expect(home.stopped).toBe(true);
    const { text } = kiosk.speech.mock.lastCall![0];
    expect(text).toContain('mười bốn giờ ba mươi phút ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu');
    expect(text).not.toContain(dossierView().code);
    expect(text).not.toMatch(/\d/);
    await vi.waitFor(() => expect(audio.playing()).toHaveLength(1));

    // The audio ends by itself: the button stops ringing.
    act(() => void audio.playing()[0]!.dispatchEvent(new Event('ended')));
    expect(voiceButton()).toHaveAttribute('data-speaking', 'false');
  });

  it('stops playing when the citizen turns guidance off, and asks nothing more', async () => {
    const user = userEvent.setup();
    const audio = installAudio();
    const kiosk = fakeKiosk();
    kiosk.speech.mockResolvedValue(audioReply);
    renderKiosk(kiosk);
    await user.click(voiceButton());
    await vi.waitFor(() => expect(audio.playing()).toHaveLength(1));
    const calls = kiosk.speech.mock.calls.length;

    await user.click(voiceButton());
    expect(audio.playing()).toHaveLength(0);
    expect(voiceButton()).toHaveAttribute('data-speaking', 'false');
    await user.click(button(/Tra cứu hồ sơ/));
    expect(kiosk.speech).toHaveBeenCalledTimes(calls);
  });

  it('never plays audio that arrives after the screen changed', async () => {
    const user = userEvent.setup();
    const audio = installAudio();
    const kiosk = fakeKiosk();
    const slow = deferred<SpeechReply>();
    kiosk.speech.mockReturnValueOnce(slow.promise).mockResolvedValue(audioReply);
    renderKiosk(kiosk);
    await user.click(voiceButton());
    await user.click(button(/Tra cứu hồ sơ/));
    await vi.waitFor(() => expect(audio.playing()).toHaveLength(1));
    await act(async () => slow.resolve(audioReply));
    expect(audio.sources).toHaveLength(1);
    expect(kiosk.speech).toHaveBeenLastCalledWith(expect.objectContaining({ text: expect.stringMatching(/^Tra cứu hồ sơ\./) }));
  });

  it('uses the platform’s voice where it has one for the language, and the host’s for the other', async () => {
    const user = userEvent.setup();
    const audio = installAudio();
    const speak = installPlatformVoice('vi-VN');
    const kiosk = fakeKiosk();
    kiosk.speech.mockResolvedValue(audioReply);
    renderKiosk(kiosk);
    await user.click(voiceButton());
    expect(speak).toHaveBeenCalledTimes(1);
    expect(kiosk.speech).not.toHaveBeenCalled();

    await user.click(button('English'));
    await vi.waitFor(() => expect(audio.playing()).toHaveLength(1));
    expect(kiosk.speech).toHaveBeenLastCalledWith({ language: 'en', text: expect.stringMatching(/^Home screen\./) });
    expect(speak).toHaveBeenCalledTimes(1);
  });

  it('says so on screen when the host has no eSpeak NG, and when its voice failed', async () => {
    const user = userEvent.setup();
    installAudio();
    const kiosk = fakeKiosk();
    renderKiosk(kiosk);
    await user.click(voiceButton());
    expect(await screen.findByTestId('no-voice')).toHaveTextContent('Máy này chưa có giọng đọc tiếng Việt');

    kiosk.speech.mockResolvedValue({ ok: false, reason: 'timeout' });
    await user.click(button(/Tra cứu hồ sơ/));
    await vi.waitFor(() => expect(screen.getByTestId('no-voice')).toHaveTextContent('Máy chưa đọc được hướng dẫn lúc này'));

    kiosk.speech.mockResolvedValue(audioReply);
    await user.click(button('Về trang chủ'));
    await vi.waitFor(() => expect(screen.queryByTestId('no-voice')).not.toBeInTheDocument());
  });
});

describe('the idle reset with the host’s voice', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('silences the audio that plays', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const user = userEvent.setup();
    const audio = installAudio();
    const kiosk = fakeKiosk(undefined, { idleTimeoutSeconds: 30 });
    kiosk.speech.mockResolvedValue(audioReply);
    renderKiosk(kiosk);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    await user.click(voiceButton());
    await vi.waitFor(() => expect(audio.playing()).toHaveLength(1));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(voiceButton()).toHaveAttribute('aria-pressed', 'false');
    expect(audio.playing()).toHaveLength(0);
  });
});
