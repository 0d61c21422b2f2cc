/** A fake of the core's ratings and on-time board behind the KioskApi boundary, for component tests. */
import { vi } from 'vitest';
import type { OnTimeBoard } from '../../shared/api/feedback';
import type { OnTimeBoardView } from '../../shared/contract/feedback';
import type { KioskApi } from '../../shared/contract/kiosk';

export interface FakeRatings {
  api: Pick<KioskApi, 'feedback' | 'stats'>;
  submit: ReturnType<typeof vi.fn<KioskApi['feedback']['submit']>>;
  onTime: ReturnType<typeof vi.fn<KioskApi['stats']['onTime']>>;
}

export function fakeRatings(
  submit: KioskApi['feedback']['submit'] = async () => ({ ok: true, value: { recorded: true } }),
  onTime: KioskApi['stats']['onTime'] = async () => ({ board: null, fetchedAt: null, stale: true }),
): FakeRatings {
  const submitMock = vi.fn(submit);
  const onTimeMock = vi.fn(onTime);
  return { api: { feedback: { submit: submitMock }, stats: { onTime: onTimeMock } }, submit: submitMock, onTime: onTimeMock };
}

export function boardView(board: OnTimeBoard | null, stale = false, fetchedAt = '2026-03-16T03:00:00.000Z'): OnTimeBoardView {
  return { board, fetchedAt: board === null ? null : fetchedAt, stale };
}
