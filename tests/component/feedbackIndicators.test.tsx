// The optional nine indicators after the three-level choice: offered, never forced, and what reaches the core.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { satisfactionIndicators } from '../../shared/api/feedback';
import type { KioskApi } from '../../shared/contract/kiosk';
import { deferred, dossierView, fakeKiosk, found, renderKiosk, scanOf } from './support';
import { fakeRatings } from './feedbackSupport';

const dossier = dossierView();
const offer = 'Đánh giá thêm 9 tiêu chí (không bắt buộc)';

async function confirmStep(choice: 'Rất hài lòng' | 'Hài lòng' | 'Không hài lòng', submit?: KioskApi['feedback']['submit']) {
  const ratings = fakeRatings(submit);
  const kiosk = fakeKiosk(async () => found(dossier), {}, undefined, ratings.api);
  renderKiosk(kiosk);
  kiosk.scan(scanOf(dossier.code));
  await userEvent.click(within(await screen.findByTestId('dossier-status')).getByTestId('rate-dossier'));
  const root = screen.getByTestId('rating');
  await userEvent.click(within(root).getByRole('button', { name: choice }));
  if (choice === 'Không hài lòng') await userEvent.click(within(root).getByRole('button', { name: 'Phải chờ đợi lâu' }));
  expect(root).toHaveAttribute('data-step', 'confirm');
  return { kiosk, ratings, root };
}

async function indicatorStep(choice: 'Rất hài lòng' | 'Hài lòng' | 'Không hài lòng' = 'Hài lòng', submit?: KioskApi['feedback']['submit']) {
  const opened = await confirmStep(choice, submit);
  await userEvent.click(within(opened.root).getByRole('button', { name: offer }));
  expect(opened.root).toHaveAttribute('data-step', 'indicators');
  return opened;
}

const question = (root: HTMLElement) => within(root).getByText(/./, { selector: '.indicator-question' });
const tap = (root: HTMLElement, name: string) => userEvent.click(within(root).getByRole('button', { name }));

// A dozen taps or more per test: more than the default 5 s on a busy machine.
describe('the optional detailed rating', { timeout: 20_000 }, () => {
  it('is offered beside "Gửi đánh giá", which sends the choice alone', async () => {
    const { ratings, root } = await confirmStep('Rất hài lòng');
    expect(within(root).getByRole('button', { name: offer })).toBeInTheDocument();
    await tap(root, 'Gửi đánh giá');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit).toHaveBeenCalledTimes(1);
    expect(ratings.submit.mock.calls[0]![0]).not.toHaveProperty('indicators');
  });

  it('asks one indicator at a time with three large answers, and sends exactly those answered', async () => {
    const { ratings, root } = await indicatorStep('Không hài lòng');
    expect(root).toHaveTextContent('Đánh giá chi tiết (không bắt buộc)');
    expect(root).toHaveTextContent('Tiêu chí 1/9');
    expect(question(root)).toHaveTextContent('Tổng thời gian giải quyết hồ sơ so với thời hạn quy định');
    const answers = within(within(root).getByRole('group', { name: /Tổng thời gian/ })).getAllByRole('button');
    expect(answers.map((answer) => answer.textContent)).toEqual(['Chưa tốt', 'Đạt', 'Tốt']);

    await tap(root, 'Tốt'); // total_time, then on to the second
    expect(root).toHaveTextContent('Tiêu chí 2/9');
    await tap(root, 'Câu sau'); // time_per_agency left out
    expect(question(root)).toHaveTextContent('Số lần phải đi lại');
    await tap(root, 'Chưa tốt'); // contacts
    await tap(root, 'Câu trước');
    // Back on the third: its answer shows, and can be changed.
    expect(within(root).getByRole('button', { name: 'Chưa tốt' })).toHaveAttribute('aria-pressed', 'true');
    await tap(root, 'Đạt');
    expect(within(root).getByTestId('indicators-answered')).toHaveTextContent('Đã trả lời 2/9 tiêu chí');
    expect(ratings.submit).not.toHaveBeenCalled();

    await tap(root, 'Gửi đánh giá');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls).toEqual([
      [{ sessionId: expect.any(String), dossierCode: dossier.code, rating: 'khong_hai_long', reason: 'wait_long', indicators: { total_time: 2, contacts: 1 } }],
    ]);
  });

  it('says when all nine are answered, and sends all nine', async () => {
    const { ratings, root } = await indicatorStep('Rất hài lòng');
    for (let answered = 0; answered < satisfactionIndicators.length; answered++) await tap(root, 'Tốt');
    expect(root).toHaveTextContent('Quý khách đã xem hết 9 tiêu chí');
    expect(within(root).queryByRole('button', { name: 'Câu sau' })).not.toBeInTheDocument();
    await tap(root, 'Gửi đánh giá');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls[0]![0].indicators).toEqual(Object.fromEntries(satisfactionIndicators.map((indicator) => [indicator, 2])));
  });

  it('sends none when the citizen skips the details, even after answering some', async () => {
    const { ratings, root } = await indicatorStep('Hài lòng');
    await tap(root, 'Đạt');
    await tap(root, 'Tốt');
    await tap(root, 'Bỏ qua chi tiết, gửi đánh giá');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit).toHaveBeenCalledTimes(1);
    expect(ratings.submit.mock.calls[0]![0]).toEqual({ sessionId: expect.any(String), dossierCode: dossier.code, rating: 'hai_long' });
  });

  it('sends once however often "Gửi đánh giá" is tapped', async () => {
    const pending = deferred<Awaited<ReturnType<KioskApi['feedback']['submit']>>>();
    const { ratings, root } = await indicatorStep('Hài lòng', () => pending.promise);
    await tap(root, 'Tốt');
    await userEvent.dblClick(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(root).toHaveAttribute('data-step', 'sending');
    expect(within(root).queryByRole('button')).not.toBeInTheDocument();
    pending.resolve({ ok: true, value: { recorded: true } });
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit).toHaveBeenCalledTimes(1);
    expect(ratings.submit.mock.calls[0]![0].indicators).toEqual({ total_time: 2 });
  });

  it('goes back from the first indicator to the choice, and from there to the reasons', async () => {
    const { ratings, root } = await indicatorStep('Không hài lòng');
    await tap(root, 'Quay lại');
    expect(root).toHaveAttribute('data-step', 'confirm');
    await tap(root, 'Quay lại');
    expect(root).toHaveAttribute('data-step', 'reason');
    expect(ratings.submit).not.toHaveBeenCalled();
  });

  it('reads in English', async () => {
    const ratings = fakeRatings();
    const kiosk = fakeKiosk(async () => found(dossier), {}, undefined, ratings.api);
    renderKiosk(kiosk, 'en');
    kiosk.scan(scanOf(dossier.code));
    await userEvent.click(within(await screen.findByTestId('dossier-status')).getByTestId('rate-dossier'));
    const root = screen.getByTestId('rating');
    await tap(root, 'Satisfied');
    await tap(root, 'Rate 9 more criteria (optional)');
    expect(root).toHaveTextContent('Detailed rating (optional)');
    expect(question(root)).toHaveTextContent('The total time to resolve your dossier');
    for (const name of ['Not good', 'Acceptable', 'Good', 'Skip the details, send rating', 'Send rating']) {
      expect(within(root).getByRole('button', { name })).toBeInTheDocument();
    }
  });
});

describe('the idle reset during the detailed rating', { timeout: 20_000 }, () => {
  const idleTimeoutSeconds = 30;
  afterEach(() => {
    vi.useRealTimers();
  });

  it('forgets the indicators answered and sends nothing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const advanceSeconds = (seconds: number) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(seconds * 1000);
      });
    const user = userEvent.setup();
    // Taps away from the top-left corner: seven quick ones there would open technician mode (renderer/technician).
    const tapAway = (name: string) =>
      user.pointer({ keys: '[MouseLeft]', target: screen.getByRole('button', { name }), coords: { clientX: 400, clientY: 400 } });
    const ratings = fakeRatings();
    const kiosk = fakeKiosk(async () => found(dossier), { idleTimeoutSeconds }, undefined, ratings.api);
    const openIndicators = async () => {
      kiosk.scan(scanOf(dossier.code));
      await advanceSeconds(0);
      await tapAway('Đánh giá mức độ hài lòng');
      await tapAway('Hài lòng');
      await tapAway(offer);
      return screen.getByTestId('rating');
    };
    renderKiosk(kiosk);
    await advanceSeconds(0);
    const first = await openIndicators();
    await tapAway('Tốt');
    await tapAway('Đạt');
    expect(within(first).getByTestId('indicators-answered')).toHaveTextContent('2/9');

    await advanceSeconds(idleTimeoutSeconds);
    expect(screen.queryByTestId('rating')).not.toBeInTheDocument();
    expect(ratings.submit).not.toHaveBeenCalled();

    const again = await openIndicators();
    expect(within(again).getByTestId('indicators-answered')).toHaveTextContent('0/9');
    expect(question(again)).toHaveTextContent('Tổng thời gian');
    expect(within(again).queryAllByRole('button', { pressed: true })).toEqual([]);
  });
});
