import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeKiosk, pressKeypad, renderKiosk } from './support';

async function openKeypad() {
  const kiosk = fakeKiosk();
  renderKiosk(kiosk);
  await userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
  await userEvent.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
  return kiosk;
}

const press = pressKeypad;
const typeCode = (code: string) => press(...code);

describe('keypad', () => {
  it('explains how to scan before offering the keypad', async () => {
    renderKiosk(fakeKiosk());
    await userEvent.click(screen.getByRole('button', { name: /Tra cứu hồ sơ/ }));
    expect(screen.getByText(/Đưa mã vạch hoặc mã QR trên giấy tiếp nhận/)).toBeInTheDocument();
  });

  it('looks up the typed code', async () => {
    const kiosk = await openKeypad();

    await typeCode('000.00.06.H56-231027-0361');
    expect(screen.getByTestId('keypad-display')).toHaveTextContent('000.00.06.H56-231027-0361');
    await press('Tra cứu');

    expect(kiosk.lookup).toHaveBeenCalledWith({ code: '000.00.06.H56-231027-0361' });
    expect(await screen.findByTestId('dossier-status')).toBeInTheDocument();
  });

  it('shows why a code is refused and keeps what was typed', async () => {
    const kiosk = await openKeypad();

    await typeCode('0/');
    await press('Tra cứu');

    expect(screen.getByTestId('keypad-rejection')).toHaveTextContent('Mã hồ sơ quá ngắn.');
    expect(screen.getByTestId('keypad-display')).toHaveTextContent('0/');
    expect(kiosk.lookup).not.toHaveBeenCalled();

    await typeCode('2026');
    expect(screen.queryByTestId('keypad-rejection')).not.toBeInTheDocument();
    expect(screen.getByTestId('keypad-display')).toHaveTextContent('0/2026');
  });

  it('refuses a code with no letter or digit', async () => {
    await openKeypad();
    await typeCode('..--');
    await press('Tra cứu');
    expect(screen.getByTestId('keypad-rejection')).toHaveAttribute('data-reason', 'BAD_CHARS');
  });

  it('deletes the last character and clears everything', async () => {
    await openKeypad();
    await typeCode('H56');

    await press('Xóa lùi');
    expect(screen.getByTestId('keypad-display')).toHaveTextContent(/^H5$/);

    await press('Xóa hết');
    expect(screen.getByTestId('keypad-display')).toHaveTextContent('Chưa nhập mã');
  });

  it('asks for a code when nothing was typed', async () => {
    await openKeypad();
    await press('Tra cứu');
    expect(screen.getByTestId('keypad-rejection')).toHaveAttribute('data-reason', 'EMPTY');
  });
});
