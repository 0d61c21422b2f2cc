// The rating step: from the status screen and from home, every state, and what reaches the core.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KioskApi } from '../../shared/contract/kiosk';
import { deferred, dossierView, fakeKiosk, found, pressKeypad, renderKiosk, scanOf } from './support';
import { fakeRatings } from './feedbackSupport';

const dossier = dossierView();

async function ratingFromStatus(submit?: KioskApi['feedback']['submit'], language: 'vi' | 'en' = 'vi') {
  const ratings = fakeRatings(submit);
  const kiosk = fakeKiosk(async () => found(dossier), {}, undefined, ratings.api);
  renderKiosk(kiosk, language);
  kiosk.scan(scanOf(dossier.code));
  const status = await screen.findByTestId('dossier-status');
  await userEvent.click(within(status).getByTestId('rate-dossier'));
  return { kiosk, ratings, root: screen.getByTestId('rating') };
}

/** The common case: a level, then "Gửi đánh giá" beside the optional detailed rating. */
async function chooseAndSend(root: HTMLElement, choice: string) {
  await userEvent.click(within(root).getByRole('button', { name: choice }));
  await userEvent.click(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
}

describe('rating step', () => {
  it('takes three taps from the status screen for a satisfied citizen, and thanks them', async () => {
    const { ratings, root } = await ratingFromStatus();
    expect(root).toHaveAttribute('data-step', 'choose');
    expect(root).toHaveTextContent(dossier.agency.name);
    await userEvent.click(within(root).getByRole('button', { name: 'Hài lòng' }));
    expect(root).toHaveAttribute('data-step', 'confirm');
    expect(root).toHaveTextContent('Quý khách chọn: Hài lòng');
    expect(ratings.submit).not.toHaveBeenCalled();
    await userEvent.click(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await within(root).findByText(/Cảm ơn quý khách đã đánh giá/)).toBeInTheDocument();
    expect(ratings.submit).toHaveBeenCalledTimes(1);
    const request = ratings.submit.mock.calls[0]![0];
    expect(request).toEqual({ sessionId: expect.any(String), dossierCode: dossier.code, rating: 'hai_long' });
  });

  it('asks why for "Không hài lòng" and sends the chosen reason', async () => {
    const { ratings, root } = await ratingFromStatus();
    await userEvent.click(within(root).getByRole('button', { name: 'Không hài lòng' }));
    expect(root).toHaveAttribute('data-step', 'reason');
    expect(ratings.submit).not.toHaveBeenCalled();
    expect(within(root).getAllByRole('button').map((button) => button.textContent)).toEqual(
      expect.arrayContaining(['Phải chờ đợi lâu', 'Phải đi lại nhiều lần', 'Lý do khác']),
    );
    await userEvent.click(within(root).getByRole('button', { name: 'Phải đi lại nhiều lần' }));
    expect(ratings.submit).not.toHaveBeenCalled();
    await userEvent.click(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls[0]![0]).toMatchObject({ rating: 'khong_hai_long', reason: 'many_visits' });
  });

  it('goes back from the reasons to the three choices', async () => {
    const { ratings, root } = await ratingFromStatus();
    await userEvent.click(within(root).getByRole('button', { name: 'Không hài lòng' }));
    await userEvent.click(within(root).getByRole('button', { name: 'Quay lại' }));
    expect(root).toHaveAttribute('data-step', 'choose');
    await chooseAndSend(root, 'Rất hài lòng');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls.map(([request]) => request.rating)).toEqual(['rat_hai_long']);
  });

  it('shows "saving" while the core records it, with no choice left to tap twice', async () => {
    const pending = deferred<Awaited<ReturnType<KioskApi['feedback']['submit']>>>();
    const { ratings, root } = await ratingFromStatus(() => pending.promise);
    await chooseAndSend(root, 'Rất hài lòng');
    expect(root).toHaveAttribute('data-step', 'sending');
    expect(within(root).queryByRole('button')).not.toBeInTheDocument();
    pending.resolve({ ok: true, value: { recorded: true } });
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit).toHaveBeenCalledTimes(1);
  });

  it('says so when this dossier was already rated in this visit', async () => {
    const { root } = await ratingFromStatus(async () => ({ ok: true, value: { recorded: false } }));
    await chooseAndSend(root, 'Hài lòng');
    expect(await within(root).findByText(/đã đánh giá hồ sơ này/)).toBeInTheDocument();
  });

  it('offers to try again when the rating could not be saved, and sends the same choice', async () => {
    let calls = 0;
    const { ratings, root } = await ratingFromStatus(async () =>
      ++calls === 1 ? { ok: false, error: { code: 'INTERNAL', message: 'x' } } : { ok: true, value: { recorded: true } },
    );
    await userEvent.click(within(root).getByRole('button', { name: 'Không hài lòng' }));
    await userEvent.click(within(root).getByRole('button', { name: 'Phải chờ đợi lâu' }));
    await userEvent.click(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await within(root).findByRole('alert')).toHaveTextContent(/Chưa ghi nhận được đánh giá/);
    await userEvent.click(within(root).getByRole('button', { name: 'Thử lại' }));
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls.map(([request]) => [request.rating, request.reason])).toEqual([
      ['khong_hai_long', 'wait_long'],
      ['khong_hai_long', 'wait_long'],
    ]);
  });

  it('reads in English', async () => {
    const { root } = await ratingFromStatus(undefined, 'en');
    expect(within(root).getAllByRole('button').map((button) => button.textContent)).toEqual(
      expect.arrayContaining(['Very satisfied', 'Satisfied', 'Not satisfied']),
    );
  });

  it('from home, rates the dossier whose receipt the citizen scans, without showing its status', async () => {
    const ratings = fakeRatings();
    const kiosk = fakeKiosk(async () => found(dossier), {}, undefined, ratings.api);
    renderKiosk(kiosk);
    await userEvent.click(screen.getByRole('button', { name: /Đánh giá hài lòng/ }));
    expect(screen.getByTestId('rate-scan')).toBeInTheDocument();
    kiosk.scan(scanOf(dossier.code));
    const root = await screen.findByTestId('rating');
    expect(screen.queryByTestId('dossier-status')).not.toBeInTheDocument();
    await chooseAndSend(root, 'Rất hài lòng');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls[0]![0]).toMatchObject({ dossierCode: dossier.code, rating: 'rat_hai_long' });
  });

  // Some thirty taps on the keypad: more than the default 5 s on a busy machine.
  it('from home, rates a dossier whose code the citizen types when the receipt will not scan', { timeout: 20_000 }, async () => {
    const ratings = fakeRatings();
    const kiosk = fakeKiosk(async () => found(dossier), {}, undefined, ratings.api);
    renderKiosk(kiosk);
    await userEvent.click(screen.getByRole('button', { name: /Đánh giá hài lòng/ }));
    await userEvent.click(within(screen.getByTestId('rate-scan')).getByRole('button', { name: 'Nhập mã hồ sơ' }));
    await pressKeypad(...dossier.code, 'Tra cứu');
    const root = await screen.findByTestId('rating');
    expect(kiosk.lookup).toHaveBeenCalledWith({ code: dossier.code });
    expect(screen.queryByTestId('dossier-status')).not.toBeInTheDocument();
    await chooseAndSend(root, 'Hài lòng');
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls[0]![0]).toMatchObject({ dossierCode: dossier.code, rating: 'hai_long' });
  });

  it('starts a new visit after going home: the same dossier can be rated by the next citizen', async () => {
    const { kiosk, ratings, root } = await ratingFromStatus();
    await chooseAndSend(root, 'Hài lòng');
    await within(root).findByText(/Cảm ơn/);
    await userEvent.click(within(root).getByRole('button', { name: 'Về trang chủ' }));
    kiosk.scan(scanOf(dossier.code));
    await userEvent.click(within(await screen.findByTestId('dossier-status')).getByTestId('rate-dossier'));
    await chooseAndSend(screen.getByTestId('rating'), 'Hài lòng');
    await screen.findByText(/Cảm ơn/);
    const sessions = ratings.submit.mock.calls.map(([request]) => request.sessionId);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).not.toBe(sessions[1]);
  });
});

describe('rating step: another reason', () => {
  async function otherReason() {
    const rated = await ratingFromStatus();
    await userEvent.click(within(rated.root).getByRole('button', { name: 'Không hài lòng' }));
    await userEvent.click(within(rated.root).getByRole('button', { name: 'Lý do khác' }));
    expect(rated.root).toHaveAttribute('data-step', 'other');
    return rated;
  }

  it('sends the reason typed in Vietnamese on the on-screen keyboard', async () => {
    const { ratings, root } = await otherReason();
    const keyboard = within(root).getByTestId('viet-keyboard');
    for (const key of 'chaaj') await userEvent.click(within(keyboard).getByText(key, { selector: 'button > span' }));
    expect(within(root).getByTestId('reason-display')).toHaveTextContent('chậ');
    await userEvent.click(within(root).getByRole('button', { name: 'Tiếp tục' }));
    await userEvent.click(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls[0]![0]).toMatchObject({ rating: 'khong_hai_long', reason: 'chậ' });
  });

  it('sends "other" when nothing is typed', async () => {
    const { ratings, root } = await otherReason();
    await userEvent.click(within(root).getByRole('button', { name: 'Tiếp tục' }));
    await userEvent.click(within(root).getByRole('button', { name: 'Gửi đánh giá' }));
    await within(root).findByText(/Cảm ơn/);
    expect(ratings.submit.mock.calls[0]![0]).toMatchObject({ rating: 'khong_hai_long', reason: 'other' });
  });
});
