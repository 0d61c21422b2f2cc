// Text size, high contrast, voice guidance (with a fake speechSynthesis at the platform boundary), the attract
// screen, and the idle reset that puts all of them back for the next citizen.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgencyOnTime } from '../../shared/api/feedback';
import { boardView, fakeRatings } from './feedbackSupport';
import { dossierView, fakeKiosk, found, renderKiosk, scanOf } from './support';

const idleTimeoutSeconds = 30;

async function advanceSeconds(seconds: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
  });
}

const kioskRoot = () => document.querySelector<HTMLElement>('.kiosk')!;
const button = (name: string | RegExp) => screen.getByRole('button', { name });

class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}

function voice(lang: string, name = lang): SpeechSynthesisVoice {
  return { lang, name, localService: true, default: false, voiceURI: name };
}

/** A platform speechSynthesis with `voices`, installed on window as Chromium has it. */
function installSpeech(voices: SpeechSynthesisVoice[]) {
  const events = new EventTarget();
  const spoken: FakeUtterance[] = [];
  const synthesis = {
    getVoices: () => voices,
    speak: vi.fn((utterance: FakeUtterance) => void spoken.push(utterance)),
    cancel: vi.fn(),
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  return { synthesis, spoken, last: () => spoken.at(-1), voicesChanged: () => events.dispatchEvent(new Event('voiceschanged')) };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'speechSynthesis');
  Reflect.deleteProperty(window, 'SpeechSynthesisUtterance');
});

describe('text size and contrast', () => {
  it('grows the text in three steps with A+, shrinks it with A−, and switches to high contrast', async () => {
    const user = userEvent.setup();
    renderKiosk(fakeKiosk());
    expect(kioskRoot()).toHaveAttribute('data-text-size', '0');
    expect(button(/^A− Giảm cỡ chữ/)).toBeDisabled();

    await user.click(button(/^A\+ Tăng cỡ chữ/));
    await user.click(button(/^A\+ Tăng cỡ chữ/));
    expect(kioskRoot()).toHaveAttribute('data-text-size', '2');
    expect(button(/^A\+ Tăng cỡ chữ/)).toBeDisabled();
    expect(screen.getByRole('group', { name: 'Cỡ chữ 3 trên 3' })).toBeInTheDocument();
    await user.click(button(/^A− Giảm cỡ chữ/));
    expect(kioskRoot()).toHaveAttribute('data-text-size', '1');

    await user.click(button('Tương phản cao'));
    expect(kioskRoot()).toHaveAttribute('data-contrast', 'high');
    expect(button('Tương phản cao')).toHaveAttribute('aria-pressed', 'true');
  });

  it('is on every screen, next to the language switch', async () => {
    const user = userEvent.setup();
    const kiosk = fakeKiosk();
    renderKiosk(kiosk);
    for (const open of [() => user.click(button(/Tra cứu hồ sơ/)), () => user.click(button('Nhập mã hồ sơ'))]) {
      await open();
      expect(button('Tương phản cao')).toBeInTheDocument();
      expect(button('English')).toBeInTheDocument();
    }
    kiosk.scan(scanOf(dossierView().code));
    await screen.findByTestId('dossier-status');
    expect(button('Đọc hướng dẫn')).toBeInTheDocument();
  });
});

describe('voice guidance', () => {
  it('is off by default; once on it reads each screen in Vietnamese, cancelling the previous screen’s speech', async () => {
    const user = userEvent.setup();
    const speech = installSpeech([voice('en-US'), voice('vi-VN', 'Tiếng Việt')]);
    const kiosk = fakeKiosk(async () => found(dossierView()));
    renderKiosk(kiosk);
    expect(speech.synthesis.speak).not.toHaveBeenCalled();

    await user.click(button('Đọc hướng dẫn'));
    expect(button('Đọc hướng dẫn')).toHaveAttribute('aria-pressed', 'true');
    expect(speech.last()).toMatchObject({ lang: 'vi-VN', text: expect.stringMatching(/^Trang chủ\. Quý khách có thể chọn: Tra cứu hồ sơ/) });
    expect(speech.last()!.voice!.name).toBe('Tiếng Việt');

    const cancelsBefore = speech.synthesis.cancel.mock.calls.length;
    await user.click(button(/Tra cứu hồ sơ/));
    expect(speech.synthesis.cancel.mock.calls.length).toBeGreaterThan(cancelsBefore);
    expect(speech.last()!.text).toMatch(/^Tra cứu hồ sơ\. Đưa mã vạch/);

    kiosk.scan(scanOf(dossierView().code));
    await screen.findByTestId('dossier-status');
    expect(speech.last()!.text).toMatch(/^Tình trạng hồ sơ: Đang xử lý\./);
    expect(speech.last()!.text).not.toContain(dossierView().code);

    const spokenCount = speech.spoken.length;
    await user.click(button('Đọc hướng dẫn'));
    expect(speech.synthesis.cancel).toHaveBeenCalled();
    await user.click(button('Về trang chủ'));
    expect(speech.spoken).toHaveLength(spokenCount);
  });

  it('says on screen that it cannot speak when the platform has no Vietnamese voice, and speaks English with an English voice', async () => {
    const user = userEvent.setup();
    const speech = installSpeech([voice('en-GB')]);
    renderKiosk(fakeKiosk());
    expect(screen.queryByTestId('no-voice')).not.toBeInTheDocument();

    await user.click(button('Đọc hướng dẫn'));
    expect(screen.getByTestId('no-voice')).toHaveTextContent('Máy này chưa có giọng đọc tiếng Việt');
    expect(speech.synthesis.speak).not.toHaveBeenCalled();

    await user.click(button('English'));
    expect(screen.queryByTestId('no-voice')).not.toBeInTheDocument();
    expect(speech.last()).toMatchObject({ lang: 'en-GB', text: expect.stringMatching(/^Home screen\./) });
  });

  it('says so when the platform has no speech at all', async () => {
    const user = userEvent.setup();
    renderKiosk(fakeKiosk());
    await user.click(button('Đọc hướng dẫn'));
    expect(screen.getByTestId('no-voice')).toBeInTheDocument();
  });

  it('speaks once the platform’s voices arrive after the page', async () => {
    const user = userEvent.setup();
    const voices: SpeechSynthesisVoice[] = [];
    const speech = installSpeech(voices);
    renderKiosk(fakeKiosk());
    await user.click(button('Đọc hướng dẫn'));
    expect(screen.getByTestId('no-voice')).toBeInTheDocument();

    voices.push(voice('vi_VN'));
    act(() => speech.voicesChanged());
    expect(screen.queryByTestId('no-voice')).not.toBeInTheDocument();
    expect(speech.last()!.text).toMatch(/^Trang chủ\./);
  });
});

describe('the attract screen', () => {
  beforeEach(() => {
    // setTimeout stays real: Testing Library waits on it after every user-event action.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const row = (counts: Partial<AgencyOnTime>): AgencyOnTime => ({
    agency: { id: '000.00.06.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh' },
    received: 10,
    resolvedOnTime: 6,
    resolvedLate: 2,
    pendingOnTime: 1,
    pendingOverdue: 1,
    ratings: 4,
    satisfactionShare: 0.75,
    ...counts,
  });
  const board = { period: { kind: 'month' as const, label: '03/2026', from: '2026-02-28T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' }, generatedAt: '2026-03-16T03:00:00.000Z', agencies: [row({})] };

  async function idleHome(view = boardView(board)) {
    const ratings = fakeRatings(undefined, async () => view);
    const kiosk = fakeKiosk(async () => found(dossierView()), { idleTimeoutSeconds }, undefined, ratings.api);
    renderKiosk(kiosk);
    await advanceSeconds(0);
    await advanceSeconds(idleTimeoutSeconds);
    return { kiosk, ratings };
  }

  it('appears when the home screen is left alone, in both languages, with the month’s on-time figures', async () => {
    const { ratings } = await idleHome();
    const attract = screen.getByTestId('attract-screen');
    expect(within(attract).getByText('Tra cứu hồ sơ')).toBeInTheDocument();
    expect(within(attract).getByText('Check my dossier')).toHaveAttribute('lang', 'en');
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    expect(ratings.onTime).toHaveBeenCalledWith({ period: 'month' });
    expect(await screen.findByTestId('attract-on-time')).toHaveTextContent('Giải quyết đúng hạn: 75%');
    expect(screen.getByTestId('attract-on-time')).toHaveTextContent('Resolved on time: 75%');
    expect(screen.getByTestId('attract-satisfied')).toHaveTextContent('Người dân hài lòng: 75%');
    expect(screen.getByTestId('attract-board-date')).toHaveTextContent('Kỳ 03/2026 · số liệu lúc 10:00 16/03/2026');
    expect(screen.queryByTestId('attract-board-stale')).not.toBeInTheDocument();
  });

  it('shows the cached figures with their date and says they may be out of date when the server is out of reach', async () => {
    await idleHome(boardView(board, true));
    expect(await screen.findByTestId('attract-board-stale')).toHaveTextContent('Mất kết nối');
    expect(screen.getByTestId('attract-board-stale')).toHaveTextContent('Offline');
  });

  it('leaves for the home screen at a touch', async () => {
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    await idleHome();
    await user.click(within(screen.getByTestId('attract-screen')).getByText('Rate our service'));
    expect(screen.queryByTestId('attract-screen')).not.toBeInTheDocument();
    expect(button(/Tra cứu hồ sơ/)).toBeInTheDocument();
  });

  it('opens the status of a receipt scanned while it shows', async () => {
    const { kiosk } = await idleHome();
    kiosk.scan(scanOf(dossierView().code));
    await advanceSeconds(0);
    expect(screen.getByTestId('dossier-status')).toBeInTheDocument();
  });
});

describe('the idle reset', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('puts text size, contrast, voice and language back for the next citizen, silencing the voice', async () => {
    const user = userEvent.setup();
    const speech = installSpeech([voice('vi-VN'), voice('en-GB')]);
    renderKiosk(fakeKiosk(undefined, { idleTimeoutSeconds }));
    await advanceSeconds(0);
    await user.click(button(/^A\+ Tăng cỡ chữ/));
    await user.click(button('Tương phản cao'));
    await user.click(button('Đọc hướng dẫn'));
    await user.click(button('English'));
    expect(kioskRoot()).toHaveAttribute('data-contrast', 'high');

    // Still on the home screen, but with something to clear: the countdown shows.
    await advanceSeconds(idleTimeoutSeconds - 5);
    expect(screen.getByTestId('idle-countdown')).toBeInTheDocument();
    const cancels = speech.synthesis.cancel.mock.calls.length;
    await advanceSeconds(5);

    expect(kioskRoot()).toHaveAttribute('data-text-size', '0');
    expect(kioskRoot()).toHaveAttribute('data-contrast', 'normal');
    expect(button('Đọc hướng dẫn')).toHaveAttribute('aria-pressed', 'false');
    expect(button('Tiếng Việt')).toHaveAttribute('aria-pressed', 'true');
    expect(speech.synthesis.cancel.mock.calls.length).toBeGreaterThan(cancels);
  });

  it('forgets the search typed on the on-screen keyboard', async () => {
    const user = userEvent.setup();
    renderKiosk(fakeKiosk(undefined, { idleTimeoutSeconds }));
    await advanceSeconds(0);
    await user.click(button(/Thủ tục hành chính/));
    await user.click(await screen.findByRole('button', { name: /Tìm thủ tục/ }));
    for (const key of 'ba') await user.click(within(screen.getByTestId('viet-keyboard')).getByText(key, { selector: 'button > span' }));
    expect(screen.getByTestId('search-display')).toHaveTextContent(/^ba$/);

    await advanceSeconds(idleTimeoutSeconds);
    await user.click(button(/Thủ tục hành chính/));
    await user.click(await screen.findByRole('button', { name: /Tìm thủ tục/ }));
    expect(screen.getByTestId('search-display')).toHaveTextContent(/^Gõ trên bàn phím bên dưới/);
  });

  it('forgets a rating chosen but not sent', async () => {
    const user = userEvent.setup();
    const ratings = fakeRatings();
    const kiosk = fakeKiosk(async () => found(dossierView()), { idleTimeoutSeconds }, undefined, ratings.api);
    renderKiosk(kiosk);
    await advanceSeconds(0);
    kiosk.scan(scanOf(dossierView().code));
    await advanceSeconds(0);
    await user.click(screen.getByTestId('rate-dossier'));
    await user.click(button('Không hài lòng'));
    expect(button('Phải chờ đợi lâu')).toBeInTheDocument();

    await advanceSeconds(idleTimeoutSeconds);
    expect(screen.queryByRole('button', { name: 'Phải chờ đợi lâu' })).not.toBeInTheDocument();
    expect(ratings.submit).not.toHaveBeenCalled();
    kiosk.scan(scanOf(dossierView().code));
    await advanceSeconds(0);
    await user.click(screen.getByTestId('rate-dossier'));
    expect(button('Không hài lòng')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Phải chờ đợi lâu' })).not.toBeInTheDocument();
  });
});
