import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DossierView, Result } from '../../shared/contract/kiosk';
import { LOADING_SCREEN_DELAY_MS } from '../../renderer/hooks/useScreenDuringLookup';
import { deferred, dossierView, fakeKiosk, found, renderKiosk, scanOf, type FakeKiosk } from './support';

const first = dossierView({ code: '000.00.06.H56-231027-0361', procedure: { code: '1', name: 'Đăng ký khai sinh' } });
const second = dossierView({
  code: '000.00.53.H48-220921-0099',
  status: 'result_ready',
  procedure: { code: '2', name: 'Cấp bản sao trích lục hộ tịch' },
});
const byCode = async ({ code }: { code: string }): Promise<Result<DossierView>> =>
  code === second.code ? found(second) : found(first);

/** Ways to reach each screen a scan may interrupt. */
const screens: { name: string; reach: (kiosk: FakeKiosk) => Promise<void> }[] = [
  { name: 'home', reach: async () => undefined },
  { name: 'lookup instructions', reach: () => userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })) },
  {
    name: 'keypad with text typed',
    reach: async () => {
      await userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
      await userEvent.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
      await userEvent.click(within(screen.getByTestId('code-keypad')).getByRole('button', { name: '7' }));
    },
  },
  { name: 'procedures', reach: () => userEvent.click(screen.getByRole('button', { name: /Thủ tục hành chính/ })) },
  {
    name: 'error',
    reach: async (kiosk) => {
      kiosk.scan({ ok: false, reason: 'MARKUP', source: 'wedge' });
      await screen.findByTestId('lookup-error');
    },
  },
  {
    name: "another dossier's status",
    reach: async (kiosk) => {
      kiosk.scan(scanOf(first.code));
      await screen.findByText('Đăng ký khai sinh');
    },
  },
];

describe('a scan at any moment', () => {
  it.each(screens)('opens the dossier status from the $name screen', async ({ reach }) => {
    const kiosk = fakeKiosk(byCode);
    renderKiosk(kiosk);
    await reach(kiosk);

    kiosk.scan(scanOf(second.code));

    const status = await screen.findByTestId('dossier-status');
    expect(status).toHaveAttribute('data-status', 'result_ready');
    expect(await within(status).findByText('Cấp bản sao trích lục hộ tịch')).toBeInTheDocument();
    expect(kiosk.lookup).toHaveBeenLastCalledWith({ code: second.code });
  });

  it("sends a scan's lookup at once, before the screen changes, and only once", async () => {
    const screenHeldAtLookup: boolean[] = [];
    const kiosk = fakeKiosk(async (request) => {
      screenHeldAtLookup.push(screen.getByRole('main').hasAttribute('inert'));
      return byCode(request);
    });
    renderKiosk(kiosk);

    kiosk.scan(scanOf(second.code));

    expect(await screen.findByTestId('dossier-status')).toHaveAttribute('data-status', 'result_ready');
    // Sent in the scan's own task: React had not yet rendered the held screen.
    expect(screenHeldAtLookup).toEqual([false]);
  });

  it('keeps the screen the lookup started from, untouchable, while the answer is quick to come', async () => {
    const kiosk = fakeKiosk(() => deferred<Result<DossierView>>().promise);
    renderKiosk(kiosk);
    await userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
    kiosk.scan(scanOf(first.code));

    // No blank or flashing loading frame before a fast answer: the instructions stay, inert (Chromium ignores taps on
    // them; jsdom does not implement inert, so the attribute is what can be checked here).
    expect(screen.getByRole('main')).toHaveAttribute('inert');
    expect(screen.getByRole('button', { name: 'Nhập mã hồ sơ' })).toBeInTheDocument();
    expect(screen.queryByTestId('lookup-loading')).not.toBeInTheDocument();
  });

  it('says it is looking up once the core takes longer than a moment', async () => {
    const kiosk = fakeKiosk(() => deferred<Result<DossierView>>().promise);
    renderKiosk(kiosk);
    kiosk.scan(scanOf(first.code));

    expect(await screen.findByTestId('lookup-loading', {}, { timeout: 2 * LOADING_SCREEN_DELAY_MS })).toHaveTextContent('Đang tra cứu…');
    expect(screen.getByRole('main')).not.toHaveAttribute('inert');
    expect(screen.queryByRole('button', { name: /Tra cứu hồ sơ/ })).not.toBeInTheDocument();
  });

  it('goes from the screen scanned on straight to the answer, never showing the loading screen', async () => {
    const kiosk = fakeKiosk(byCode);
    renderKiosk(kiosk);
    const loadingShown = watchFor('[data-testid="lookup-loading"]');
    kiosk.scan(scanOf(second.code));

    expect(await within(await screen.findByTestId('dossier-status')).findByText('Cấp bản sao trích lục hộ tịch')).toBeInTheDocument();
    expect(screen.getByRole('main')).not.toHaveAttribute('inert');
    expect(loadingShown()).toBe(false);
  });

  it('keeps the loading screen up when a new scan supersedes a slow lookup', async () => {
    const kiosk = fakeKiosk(() => deferred<Result<DossierView>>().promise);
    renderKiosk(kiosk);
    kiosk.scan(scanOf(first.code));
    await screen.findByTestId('lookup-loading', {}, { timeout: 2 * LOADING_SCREEN_DELAY_MS });

    kiosk.scan(scanOf(second.code));

    expect(screen.getByTestId('lookup-loading')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tra cứu hồ sơ/ })).not.toBeInTheDocument();
    expect(kiosk.lookup).toHaveBeenLastCalledWith({ code: second.code });
  });

  it('supersedes a lookup still running, and ignores its late reply', async () => {
    const slow = deferred<Result<DossierView>>();
    const kiosk = fakeKiosk(({ code }) => (code === first.code ? slow.promise : byCode({ code })));
    renderKiosk(kiosk);

    kiosk.scan(scanOf(first.code));
    kiosk.scan(scanOf(second.code));
    await screen.findByText('Cấp bản sao trích lục hộ tịch');
    slow.resolve(found(first));
    await slow.promise;

    expect(screen.getByTestId('dossier-status')).toHaveTextContent('Cấp bản sao trích lục hộ tịch');
    expect(screen.queryByText('Đăng ký khai sinh')).not.toBeInTheDocument();
  });
});

/** Whether an element matching the selector was ever in the document from now on, however briefly. */
function watchFor(selector: string): () => boolean {
  let seen = document.querySelector(selector) !== null;
  const observer = new MutationObserver(() => {
    seen ||= document.querySelector(selector) !== null;
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    return seen;
  };
}
