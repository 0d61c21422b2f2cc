import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DossierStatus } from '../../shared/api/gateway';
import type { DossierView } from '../../shared/contract/kiosk';
import { dossierView, showStatusOf } from './support';

const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('status screen', () => {
  const cases: { status: DossierStatus; label: string; nextStep: RegExp; dossier?: Partial<DossierView> }[] = [
    { status: 'received', label: 'Đã tiếp nhận', nextStep: /chưa cần làm gì thêm/ },
    { status: 'processing', label: 'Đang xử lý', nextStep: /chưa cần làm gì thêm/ },
    {
      status: 'awaiting_supplement',
      label: 'Chờ bổ sung hồ sơ',
      nextStep: /^Vui lòng mang các giấy tờ sau đến Quầy số 3:$/,
      dossier: { supplement: { documents: ['Bản sao Giấy chứng nhận kết hôn'], counter: 'Quầy số 3' } },
    },
    {
      status: 'awaiting_payment',
      label: 'Chờ nộp phí, lệ phí',
      nextStep: /nộp phí, lệ phí tại Quầy thu phí số 2/,
      dossier: { supplement: { documents: [], counter: 'Quầy thu phí số 2' } },
    },
    { status: 'suspended', label: 'Tạm dừng xử lý', nextStep: /liên hệ quầy tiếp nhận/ },
    {
      status: 'result_ready',
      label: 'Đã có kết quả',
      nextStep: /mang giấy tiếp nhận đến Quầy trả kết quả số 5/,
      dossier: { finishedAt: past(1) },
    },
    { status: 'returned', label: 'Đã trả kết quả', nextStep: /kết quả đã được trả/, dossier: { finishedAt: past(1) } },
    { status: 'rejected', label: 'Không được tiếp nhận', nextStep: /không được tiếp nhận.*biết lý do/ },
    { status: 'withdrawn', label: 'Đã rút hồ sơ', nextStep: /đã được rút/ },
  ];

  it.each(cases)('shows $status as "$label" with what to do next', async ({ status, label, nextStep, dossier }) => {
    const root = await showStatusOf(dossierView({ status, ...dossier }));

    expect(root).toHaveAttribute('data-status', status);
    expect(within(root).getByTestId('status-label')).toHaveTextContent(label);
    expect(within(root).getByTestId('next-step')).toHaveTextContent(nextStep);
    expect(within(root).queryByTestId('timeliness-flag')).not.toBeInTheDocument();
  });

  it('lists the documents to bring for a supplement', async () => {
    const root = await showStatusOf(
      dossierView({
        status: 'awaiting_supplement',
        supplement: {
          documents: ['Bản sao Giấy chứng nhận kết hôn', 'Tờ khai có chữ ký của người đi khai'],
          counter: 'Quầy số 3',
        },
      }),
    );
    const items = within(root).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(
      expect.arrayContaining(['Bản sao Giấy chứng nhận kết hôn', 'Tờ khai có chữ ký của người đi khai']),
    );
  });

  it("prefers the server's own status label", async () => {
    const root = await showStatusOf(dossierView({ status: 'processing', statusLabel: 'Đang thẩm định tại Phòng Tư pháp' }));
    expect(within(root).getByTestId('status-label')).toHaveTextContent('Đang thẩm định tại Phòng Tư pháp');
  });

  it('flags a dossier past its due date as overdue', async () => {
    const root = await showStatusOf(dossierView({ status: 'processing', receivedAt: past(10), dueAt: past(2) }));
    const flag = within(root).getByTestId('timeliness-flag');
    expect(flag).toHaveTextContent('Quá hạn');
    expect(flag).toHaveAttribute('data-timeliness', 'overdue');
  });

  it('says a dossier finished after its due date was completed late', async () => {
    const root = await showStatusOf(
      dossierView({ status: 'returned', receivedAt: past(10), dueAt: past(5), finishedAt: past(2) }),
    );
    expect(within(root).getByTestId('timeliness-flag')).toHaveTextContent('Hoàn thành trễ hạn');
  });

  it('shows the steps as a timeline with the first unfinished one current', async () => {
    const root = await showStatusOf(dossierView());
    // The timeline follows the status by a frame (StatusScreen paints the citizen's answer first).
    const steps = await within(root).findAllByRole('listitem');

    expect(steps.map((step) => step.getAttribute('data-step-state'))).toEqual(['done', 'current', 'upcoming']);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[1]).toHaveTextContent('Thẩm định hồ sơ');
    expect(steps[1]).toHaveTextContent('Phòng Tư pháp');
    expect(steps[1]).toHaveTextContent('Đang thực hiện');
    expect(steps[0]).toHaveTextContent('Đã xong');
  });

  it('shows the masked applicant name, never the full one even if the core sent it', async () => {
    const leaky = { ...dossierView(), applicantName: 'Nguyễn Văn An' } as DossierView;
    const root = await showStatusOf(leaky);

    expect(root).toHaveTextContent('Nguyễn V** A*');
    expect(document.body).not.toHaveTextContent('Nguyễn Văn An');
  });

  it("shows the procedure, agency, dates in Vietnam's time and how to collect the result", async () => {
    const root = await showStatusOf(
      dossierView({ receivedAt: '2025-03-03T01:30:00Z', dueAt: '2099-03-10T09:00:00Z', steps: [] }),
    );

    expect(root).toHaveTextContent('Đăng ký khai sinh');
    expect(root).toHaveTextContent('UBND phường Lái Thiêu');
    expect(within(root).getByText('000.00.06.H56-231027-0361')).toBeInTheDocument();
    expect(root).toHaveTextContent('08:30 03/03/2025');
    expect(root).toHaveTextContent('16:00 10/03/2099');
    expect(root).toHaveTextContent('Nhận trực tiếp');
    expect(root).toHaveTextContent('Nơi nhận: Quầy trả kết quả số 5');
    expect(root).toHaveTextContent('Chưa có bước xử lý nào.');
  });

  it('returns home with "Về trang chủ"', async () => {
    const root = await showStatusOf(dossierView());
    await userEvent.click(within(root).getByRole('button', { name: 'Về trang chủ' }));
    expect(await screen.findByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
    expect(screen.queryByTestId('dossier-status')).not.toBeInTheDocument();
  });
});
