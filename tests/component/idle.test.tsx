import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeKiosk, renderKiosk, scanOf } from './support';

const idleTimeoutSeconds = 30;

async function advanceSeconds(seconds: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
  });
}

async function kioskShowingAStatus() {
  const kiosk = fakeKiosk(undefined, { idleTimeoutSeconds });
  renderKiosk(kiosk);
  await advanceSeconds(0); // app:info answers
  kiosk.scan(scanOf('000.00.06.H56-231027-0361'));
  await advanceSeconds(0); // the lookup answers
  expect(screen.getByTestId('dossier-status')).toBeInTheDocument();
  return kiosk;
}

describe('idle reset', () => {
  beforeEach(() => {
    // setTimeout stays real: Testing Library waits on it after every user-event action.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down the last 10 seconds, then returns home and clears the dossier', async () => {
    await kioskShowingAStatus();

    await advanceSeconds(idleTimeoutSeconds - 11);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();

    await advanceSeconds(1);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('Màn hình sẽ trở về trang chủ sau 10 giây.');
    await advanceSeconds(6);
    expect(screen.getByTestId('idle-countdown')).toHaveTextContent('sau 4 giây');

    await advanceSeconds(4);
    expect(screen.queryByTestId('dossier-status')).not.toBeInTheDocument();
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Đăng ký khai sinh');
  });

  it('stays when the citizen presses "Tiếp tục"', async () => {
    const user = userEvent.setup();
    await kioskShowingAStatus();
    await advanceSeconds(idleTimeoutSeconds - 5);

    await user.click(within(screen.getByTestId('idle-countdown')).getByRole('button', { name: 'Tiếp tục' }));
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();

    await advanceSeconds(idleTimeoutSeconds - 1);
    expect(screen.getByTestId('dossier-status')).toBeInTheDocument();
    await advanceSeconds(1);
    expect(screen.queryByTestId('dossier-status')).not.toBeInTheDocument();
  });

  it('restarts the wait on any touch', async () => {
    const user = userEvent.setup();
    await kioskShowingAStatus();
    await advanceSeconds(idleTimeoutSeconds - 12);

    await user.pointer({ keys: '[TouchA]', target: screen.getByTestId('dossier-status') });
    await advanceSeconds(idleTimeoutSeconds - 12);

    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
    expect(screen.getByTestId('dossier-status')).toBeInTheDocument();
  });

  it('forgets what was typed on the keypad and goes back to Vietnamese', async () => {
    const user = userEvent.setup();
    renderKiosk(fakeKiosk(undefined, { idleTimeoutSeconds }));
    await advanceSeconds(0);
    await user.click(screen.getByRole('button', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: /Check my dossier/ }));
    await user.click(screen.getByRole('button', { name: 'Type the dossier code' }));
    await user.click(within(screen.getByTestId('code-keypad')).getByText('H', { selector: 'button > span' }));
    expect(screen.getByTestId('keypad-display')).toHaveTextContent('H');

    await advanceSeconds(idleTimeoutSeconds);

    expect(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
    await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
    expect(screen.getByTestId('keypad-display')).toHaveTextContent('Chưa nhập mã');
  });

  it('leaves the untouched home screen alone', async () => {
    renderKiosk(fakeKiosk(undefined, { idleTimeoutSeconds }));
    await advanceSeconds(idleTimeoutSeconds * 3);
    expect(screen.queryByTestId('idle-countdown')).not.toBeInTheDocument();
  });
});
