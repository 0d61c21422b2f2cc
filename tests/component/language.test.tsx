import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { dossierView, fakeKiosk, renderKiosk, showStatusOf } from './support';

describe('language switch', () => {
  it('starts in Vietnamese and switches the home screen to English and back', async () => {
    renderKiosk(fakeKiosk());
    expect(screen.getByRole('heading', { name: 'Trung tâm Phục vụ hành chính công' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tiếng Việt' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { name: 'Public Administrative Service Centre' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Check my dossier/ })).toBeInTheDocument();
    expect(screen.queryByText('Tra cứu hồ sơ')).not.toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');

    await userEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'vi');
  });

  it('starts a kiosk set up in English in English, and goes back to English when a visit ends', async () => {
    renderKiosk(fakeKiosk(undefined, { language: 'en' }), 'vi');
    expect(await screen.findByRole('heading', { name: 'Public Administrative Service Centre' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    await userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Về trang chủ' }));

    expect(screen.getByRole('button', { name: /Check my dossier/ })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
  });

  it('switches a status screen already shown, dates included', async () => {
    const root = await showStatusOf(
      dossierView({
        status: 'awaiting_supplement',
        receivedAt: '2025-03-03T01:30:00Z',
        supplement: { documents: ['Tờ khai'], counter: 'Quầy số 3' },
      }),
    );
    expect(within(root).getByTestId('status-label')).toHaveTextContent('Chờ bổ sung hồ sơ');

    await userEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(within(root).getByTestId('status-label')).toHaveTextContent('Waiting for more documents');
    expect(within(root).getByTestId('next-step')).toHaveTextContent('Please bring the following documents to Quầy số 3:');
    expect(root).toHaveTextContent('03/03/2025, 08:30');
    expect(within(root).getByRole('button', { name: 'Back to start' })).toBeInTheDocument();
  });

  it('relabels the keypad keys', async () => {
    renderKiosk(fakeKiosk());
    await userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
    const keypad = screen.getByTestId('code-keypad');
    expect(within(keypad).getByRole('button', { name: 'Tra cứu' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(within(keypad).getByRole('button', { name: 'Look up' })).toBeInTheDocument();
    expect(within(keypad).getByRole('button', { name: 'Clear' })).toBeInTheDocument();
  });
});
