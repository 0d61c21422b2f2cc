import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../shared/contract/kiosk';
import { buildVietQrPayload } from '../../shared/payment/vietQr';
import { dossierView, showStatusOf } from './support';

const payment: PaymentView = {
  amountVnd: 1_250_000,
  purpose: 'Phí thẩm định hồ sơ và lệ phí cấp Giấy chứng nhận quyền sử dụng đất (tách thửa)',
  beneficiary: { bankBin: '970415', accountNumber: '113000268868', accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG TP HO CHI MINH' },
  reference: 'HCC 2601080187',
  deadline: '2026-12-15T16:30:00+07:00',
  vietQrPayload: buildVietQrPayload({ bankBin: '970415', accountNumber: '113000268868', amountVnd: 1_250_000, purpose: 'HCC 2601080187' }),
};
const awaitingPayment = dossierView({ status: 'awaiting_payment', payment, supplement: { documents: [], counter: 'Quầy số 6' } });

/** The VietQR image once drawn (tests/unit/paymentQr.test.ts reads such an image back to its payload). */
async function qrShown(root: HTMLElement): Promise<HTMLImageElement> {
  return (await within(root).findByTestId('payment-qr')) as HTMLImageElement;
}

describe('status screen of a dossier awaiting payment', () => {
  it('shows in Vietnamese the amount, what it is for, the deadline, the account and the VietQR code to scan', async () => {
    const root = await showStatusOf(awaitingPayment, 'vi');
    const panel = within(root).getByTestId('payment');
    expect(within(root).getByRole('region', { name: 'Nộp phí, lệ phí bằng VietQR' })).toBe(panel);
    expect(within(panel).getByTestId('payment-amount').textContent?.replace(/\s/g, ' ')).toBe('1.250.000 ₫');
    expect(panel).toHaveTextContent(payment.purpose);
    expect(within(panel).getByTestId('payment-deadline')).toHaveTextContent(/15\/12\/2026/);
    expect(within(panel).getByTestId('payment-deadline')).toHaveTextContent(/16:30/);
    expect(panel).toHaveTextContent('113000268868');
    expect(panel).toHaveTextContent('TRUNG TAM PHUC VU HANH CHINH CONG TP HO CHI MINH');
    expect(panel).toHaveTextContent('HCC 2601080187');
    const qr = await qrShown(root);
    expect(qr.alt).toBe(`Mã VietQR chuyển khoản ${within(panel).getByTestId('payment-amount').textContent}`);
    expect(qr.src).toMatch(/^data:image\/svg\+xml,/);
    expect(within(root).getByTestId('next-step')).toHaveTextContent(
      'Vui lòng nộp phí, lệ phí: quét mã VietQR trên màn hình bằng ứng dụng ngân hàng, hoặc nộp tại Quầy số 6.',
    );
  });

  it('shows the same in English', async () => {
    const root = await showStatusOf(awaitingPayment, 'en');
    const panel = within(root).getByTestId('payment');
    expect(within(root).getByRole('region', { name: 'Pay the fees by VietQR' })).toBe(panel);
    expect(within(panel).getByTestId('payment-amount').textContent?.replace(/\s/g, ' ')).toBe('VND 1,250,000');
    expect(within(panel).getByText('Pay by')).toBeInTheDocument();
    expect(within(panel).getByTestId('payment-deadline')).toHaveTextContent(/15\/12\/2026/);
    expect((await qrShown(root)).alt).toMatch(/^VietQR code to transfer VND/);
    expect(within(root).getByTestId('next-step')).toHaveTextContent(/scan the VietQR code on the screen with your banking app, or pay at Quầy số 6/);
  });

  it('sends the citizen to the counter, with no code, when the dossier has no payment to show', async () => {
    const root = await showStatusOf({ ...awaitingPayment, payment: null }, 'vi');
    expect(within(root).queryByTestId('payment')).not.toBeInTheDocument();
    expect(within(root).getByTestId('next-step')).toHaveTextContent('Vui lòng nộp phí, lệ phí tại Quầy số 6.');
  });

  it('shows no payment on a dossier no longer awaiting one', async () => {
    const root = await showStatusOf({ ...awaitingPayment, status: 'processing' }, 'vi');
    expect(within(root).queryByTestId('payment')).not.toBeInTheDocument();
  });
});
