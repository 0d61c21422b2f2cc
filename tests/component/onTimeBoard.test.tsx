// The on-time board: figures aggregated by the reference server's own code, no figures, and a stale cache.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OnTimeBoardView } from '../../shared/contract/feedback';
import { onTimeBoard, periodContaining } from '../../server/feedbackStats';
import { adminDossier, centreAgency, wardAgency } from '../support/dossiers';
import { boardView, fakeRatings } from './feedbackSupport';
import { fakeKiosk, renderKiosk } from './support';

const NOW = new Date('2026-03-16T03:00:00Z');
const aggregated = onTimeBoard(
  [
    adminDossier('X', { status: 'returned', finishedAt: '2026-03-05T09:00:00+07:00' }),
    adminDossier('X', { status: 'returned', finishedAt: '2026-03-09T09:00:00+07:00', dueAt: '2026-03-06T16:30:00+07:00' }),
    adminDossier('X', { dueAt: '2026-03-10T16:30:00+07:00' }),
    adminDossier('X', { agency: wardAgency }),
  ],
  [
    { agency: centreAgency, rating: 'rat_hai_long', indicators: null, receivedAt: NOW },
    { agency: centreAgency, rating: 'hai_long', indicators: null, receivedAt: NOW },
    { agency: centreAgency, rating: 'hai_long', indicators: null, receivedAt: NOW },
    { agency: centreAgency, rating: 'khong_hai_long', indicators: null, receivedAt: NOW },
  ],
  periodContaining('month', NOW),
  NOW,
);

async function openBoard(onTime: (period: string) => Promise<OnTimeBoardView>, language: 'vi' | 'en' = 'vi') {
  const ratings = fakeRatings(undefined, ({ period }) => onTime(period));
  renderKiosk(fakeKiosk(undefined, {}, undefined, ratings.api), language);
  await userEvent.click(screen.getByRole('button', { name: /Kết quả giải quyết hồ sơ|Dossiers resolved on time/ }));
  const root = screen.getByTestId('on-time-board');
  await screen.findByTestId('on-time-board');
  return { root, ratings };
}

describe('on-time board', () => {
  it('shows each agency\'s dossiers as one bar split by where they stand, and the satisfaction share', async () => {
    const { root } = await openBoard(async () => boardView(aggregated));
    const centreRow = await within(root).findByText(centreAgency.name).then((name) => name.closest('li')!);
    const segments = [...centreRow.querySelectorAll('[data-segment]')].map((segment) => [segment.getAttribute('data-segment'), segment.textContent]);
    expect(segments).toEqual([
      ['resolvedOnTime', '1'],
      ['resolvedLate', '1'],
      ['pendingOverdue', '1'],
    ]);
    expect(centreRow).toHaveTextContent('Tiếp nhận 3 hồ sơ');
    expect(within(centreRow).getByTestId('satisfaction')).toHaveTextContent(/Hài lòng: 75\s?% \(4 lượt đánh giá\)/);
    const wardRow = within(root).getByText(wardAgency.name).closest('li')!;
    expect([...wardRow.querySelectorAll('[data-segment]')].map((segment) => segment.getAttribute('data-segment'))).toEqual(['pendingOnTime']);
    expect(within(wardRow).getByTestId('satisfaction')).toHaveTextContent('Chưa có lượt đánh giá');
    expect(within(root).getByTestId('board-date')).toHaveTextContent('Kỳ 2026-03 · số liệu lúc 10:00 16/03/2026');
    expect(within(root).queryByTestId('board-stale')).not.toBeInTheDocument();
  });

  it('switches period and asks the core for it', async () => {
    const { root, ratings } = await openBoard(async () => boardView(aggregated));
    await within(root).findByText(centreAgency.name);
    await userEvent.click(within(root).getByRole('button', { name: 'Quý này' }));
    expect(within(root).getByRole('button', { name: 'Quý này' })).toHaveAttribute('aria-pressed', 'true');
    expect(ratings.onTime.mock.calls.map(([request]) => request.period)).toEqual(['month', 'quarter']);
  });

  it('says when no dossier was received in the period', async () => {
    const empty = onTimeBoard([], [], periodContaining('month', NOW), NOW);
    const { root } = await openBoard(async () => boardView(empty));
    expect(await within(root).findByTestId('board-empty')).toHaveTextContent('Chưa có hồ sơ nào');
  });

  it('shows cached figures with their date and a stale notice when the server is out of reach', async () => {
    const { root } = await openBoard(async () => boardView(aggregated, true, '2026-03-15T01:30:00.000Z'));
    expect(await within(root).findByTestId('board-stale')).toHaveTextContent(/Mất kết nối/);
    expect(within(root).getByTestId('board-date')).toHaveTextContent('08:30 15/03/2026');
    expect(within(root).getByText(centreAgency.name)).toBeInTheDocument();
  });

  it('says there are no figures yet when the kiosk never reached the server', async () => {
    const { root } = await openBoard(async () => boardView(null, true));
    expect(await within(root).findByRole('alert')).toHaveTextContent(/Chưa có số liệu/);
  });

  it('reads in English', async () => {
    const { root } = await openBoard(async () => boardView(aggregated, true), 'en');
    expect(await within(root).findByTestId('board-stale')).toHaveTextContent(/Offline/);
    expect(root).toHaveTextContent('3 dossiers received');
  });
});
