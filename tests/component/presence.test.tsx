import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeKiosk, renderKiosk } from './support';

const idleTimeoutSeconds = 30;

async function advanceSeconds(seconds: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
  });
}

describe('presence reports for the updater', () => {
  beforeEach(() => {
    // setTimeout stays real: Testing Library waits on it after every user-event action.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports in use at start, idle at home once the home screen is left alone, and in use again at a touch', async () => {
    const kiosk = fakeKiosk(undefined, { idleTimeoutSeconds });
    renderKiosk(kiosk);
    await advanceSeconds(0); // app:info answers
    expect(kiosk.presence.mock.calls).toEqual([[{ idleAtHome: false }]]);

    await advanceSeconds(idleTimeoutSeconds);
    expect(screen.getByTestId('attract-screen')).toBeInTheDocument();
    expect(kiosk.presence.mock.calls.at(-1)).toEqual([{ idleAtHome: true }]);

    await userEvent.click(screen.getByTestId('attract-screen'));
    expect(kiosk.presence.mock.calls.at(-1)).toEqual([{ idleAtHome: false }]);
    expect(kiosk.presence).toHaveBeenCalledTimes(3);
  });
});
