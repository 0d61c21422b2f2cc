import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { birthRegistration, fakeCatalogue, largeField, syncedStatus, type FakeCatalogue } from './catalogueSupport';
import { fakeKiosk, renderKiosk } from './support';

async function openCatalogue(catalogue: FakeCatalogue = fakeCatalogue()) {
  renderKiosk(fakeKiosk(undefined, {}, catalogue.api));
  await userEvent.click(screen.getByRole('button', { name: /Thủ tục hành chính/ }));
  return catalogue;
}

const tap = (name: string | RegExp) => userEvent.click(screen.getByRole('button', { name }));
const tapWhenShown = async (name: string | RegExp) => userEvent.click(await screen.findByRole('button', { name }));

/** Presses on-screen keyboard keys by their labels, one character each unless a named key. */
async function typeOnKeyboard(keys: string) {
  const keyboard = screen.getByTestId('viet-keyboard');
  for (const key of keys) {
    const label = key === ' ' ? 'Dấu cách' : key;
    await userEvent.click(within(keyboard).getByText(label, { selector: 'button > span' }));
  }
}

describe('catalogue: browsing by touch', () => {
  it('goes from level to field to a procedure, and shows what to bring', async () => {
    await openCatalogue();

    await tapWhenShown(/Cấp xã/);
    await tapWhenShown(/Hộ tịch/);
    await tapWhenShown(/Đăng ký khai sinh/);

    const page = await screen.findByTestId('procedure-page');
    expect(within(page).getByRole('heading', { name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    expect(page).toHaveTextContent('Mã thủ tục: 1.001193');
    expect(within(page).getByTestId('method-truc_tiep')).toHaveTextContent('1 ngày làm việc');
    expect(within(page).getByTestId('method-truc_tiep')).toHaveTextContent('Miễn lệ phí');
    expect(within(page).getByTestId('method-truc_tuyen')).toHaveTextContent('Phí, lệ phí: Không nêu');
  });

  it('offers only the levels that have procedures (no cấp huyện after 2025)', async () => {
    await openCatalogue();
    expect(await screen.findByRole('button', { name: /Cấp tỉnh\s*1 thủ tục/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Cấp xã\s*2 thủ tục/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Cấp huyện/ })).not.toBeInTheDocument();
  });

  it('browses by agency as well as by field', async () => {
    await openCatalogue();
    await tapWhenShown(/Cấp tỉnh/);
    await tap('Theo cơ quan');
    await tapWhenShown(/Sở Tư pháp/);
    expect(await screen.findByRole('button', { name: /Chứng thực bản sao/ })).toBeInTheDocument();
  });

  it('goes back one step at a time, and home from anywhere', async () => {
    await openCatalogue();
    await tapWhenShown(/Cấp xã/);
    await tapWhenShown(/Hộ tịch/);
    await screen.findByRole('button', { name: /Đăng ký kết hôn/ });

    await tap('Quay lại');
    expect(await screen.findByRole('button', { name: 'Theo lĩnh vực' })).toBeInTheDocument();
    await tap('Quay lại');
    expect(await screen.findByRole('button', { name: /Cấp tỉnh/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Quay lại' })).not.toBeInTheDocument();

    await tap('Về trang chủ');
    expect(screen.getByRole('button', { name: /Tra cứu hồ sơ/ })).toBeInTheDocument();
  });
});

describe('catalogue: procedure page', () => {
  async function openProcedure(level: RegExp, field: RegExp, name: RegExp) {
    await openCatalogue();
    await tapWhenShown(level);
    await tapWhenShown(field);
    await tapWhenShown(name);
    return screen.findByTestId('procedure-page');
  }

  it('lists the documents as a checklist with counts of originals and copies, grouped by case', async () => {
    const page = await openProcedure(/Cấp xã/, /Hộ tịch/, /Đăng ký khai sinh/);
    const documents = within(page).getByTestId('documents');
    const items = within(documents).getAllByRole('checkbox');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Tờ khai đăng ký khai sinh');
    expect(items[0]).toHaveTextContent('Bản chính: 1 · Bản sao: 0');
    expect(items[0]).toHaveTextContent('Theo mẫu');
    expect(documents).toHaveTextContent('Trường hợp: Người đi đăng ký được ủy quyền');

    await userEvent.click(items[1]!);
    expect(items[1]).toHaveAttribute('aria-checked', 'true');
    expect(items[0]).toHaveAttribute('aria-checked', 'false');
  });

  it('shows a QR code of the portal address as an image', async () => {
    const page = await openProcedure(/Cấp xã/, /Hộ tịch/, /Đăng ký khai sinh/);
    const qr = await within(page).findByRole('img', { name: /Mã QR/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml,%3Csvg/);
  });

  it('says when filing anywhere is not stated, and when a time has no unit', async () => {
    const marriage = await openProcedure(/Cấp xã/, /Hộ tịch/, /Đăng ký kết hôn/);
    expect(within(marriage).getByTestId('non-geographic')).toHaveTextContent('Chưa có thông tin');
    expect(within(marriage).getByTestId('method-truc_tiep')).toHaveTextContent('Thời hạn giải quyết: 5 (không nêu đơn vị)');
  });

  it('shows the source words for a time without a unit, and no QR without a portal address', async () => {
    const page = await openProcedure(/Cấp tỉnh/, /^Chứng thực/, /Chứng thực bản sao/);
    expect(within(page).getByTestId('method-truc_tiep')).toHaveTextContent('Trong ngày');
    expect(within(page).queryByTestId('portal-qr-figure')).not.toBeInTheDocument();
    expect(page).toHaveTextContent(/Dịch vụ công trực tuyến\s*Không nêu/);
  });
});

describe('catalogue: search on the on-screen keyboard', () => {
  async function openSearch() {
    const catalogue = await openCatalogue();
    await tapWhenShown(/Tìm thủ tục/);
    return catalogue;
  }

  it('composes Telex into Vietnamese and searches for the composed text', async () => {
    const catalogue = await openSearch();
    await typeOnKeyboard('ddaawng kys');

    expect(screen.getByTestId('search-display')).toHaveTextContent('đăng ký');
    expect(await screen.findByRole('button', { name: /Đăng ký khai sinh/ })).toBeInTheDocument();
    await waitFor(() => expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'đăng ký' })));
    // Debounced: not one search per key.
    expect(catalogue.search.mock.calls.length).toBeLessThan('ddaawng kys'.length);
  });

  it('composes VNI when chosen', async () => {
    const catalogue = await openSearch();
    await tap('Gõ tiếng Việt (VNI)');
    await typeOnKeyboard('d9ang8 ky1 khai sinh');

    expect(screen.getByTestId('search-display')).toHaveTextContent('đăng ký khai sinh');
    await waitFor(() => expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'đăng ký khai sinh' })));
  });

  it('searches without diacritics in ABC mode, and opens a result', async () => {
    const catalogue = await openSearch();
    await tap('ABC');
    await typeOnKeyboard('ket hon');

    await waitFor(() => expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'ket hon' })));
    await tapWhenShown(/Đăng ký kết hôn/);
    expect(await screen.findByTestId('procedure-page')).toHaveTextContent('Tờ khai đăng ký kết hôn');

    await tap('Quay lại');
    expect(screen.getByTestId('search-display')).toHaveTextContent('ket hon');
  });

  it('explains an empty result and offers suggestions that search', async () => {
    const catalogue = await openSearch();
    await typeOnKeyboard('xyz');

    const empty = await screen.findByTestId('no-results');
    expect(empty).toHaveTextContent('Không tìm thấy thủ tục phù hợp với “xyz”.');
    await userEvent.click(within(empty).getByRole('button', { name: 'khai sinh' }));

    expect(screen.getByTestId('search-display')).toHaveTextContent('khai sinh');
    expect(await screen.findByRole('button', { name: /Đăng ký khai sinh/ })).toBeInTheDocument();
    expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'khai sinh' }));
  });

  it('narrows the results with filters, and offers to clear them when nothing matches', async () => {
    const catalogue = await openSearch();
    await tap('Bộ lọc');
    await userEvent.click(await within(screen.getByTestId('filter-panel')).findByRole('button', { name: 'Nộp trực tuyến được' }));
    await tap('Bộ lọc');
    await typeOnKeyboard('chuwsng thuwjc');

    await waitFor(() =>
      expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'chứng thực', filters: { online: true } })),
    );
    await tapWhenShown('Bỏ bộ lọc');
    expect(await screen.findByRole('button', { name: /Chứng thực bản sao/ })).toBeInTheDocument();
  });
});

describe('catalogue: sync status', () => {
  it('shows when the catalogue was updated, and an offline badge while the server cannot be reached', async () => {
    const catalogue = await openCatalogue();
    const status = await screen.findByTestId('catalogue-status');
    expect(status).toHaveTextContent('Cập nhật lúc 10:30 21/11/2026');
    expect(screen.queryByTestId('offline-badge')).not.toBeInTheDocument();

    catalogue.pushStatus({ ...syncedStatus, online: false });
    expect(screen.getByTestId('offline-badge')).toHaveTextContent('Mất kết nối');

    catalogue.pushStatus(syncedStatus);
    expect(screen.queryByTestId('offline-badge')).not.toBeInTheDocument();
  });

  it('starts offline when the core says so', async () => {
    await openCatalogue(fakeCatalogue({ ...syncedStatus, online: false, lastSyncAt: null }));
    expect(await screen.findByTestId('offline-badge')).toBeInTheDocument();
    expect(screen.getByTestId('catalogue-status')).toHaveTextContent('Danh mục chưa được cập nhật');
  });
});

describe('catalogue: searches that found nothing useful are reported for the province', () => {
  async function openSearch() {
    const catalogue = await openCatalogue();
    await tapWhenShown(/Tìm thủ tục/);
    await tap('ABC');
    return catalogue;
  }

  it('reports a search that found nothing once the citizen takes a suggestion instead', async () => {
    const catalogue = await openSearch();
    await typeOnKeyboard('xyz');
    const empty = await screen.findByTestId('no-results');
    expect(catalogue.reportSearchGap).not.toHaveBeenCalled();

    await userEvent.click(within(empty).getByRole('button', { name: 'khai sinh' }));
    await waitFor(() => expect(catalogue.reportSearchGap).toHaveBeenCalledWith({ query: 'xyz', outcome: 'noResult' }));
    expect(catalogue.reportSearchGap).toHaveBeenCalledTimes(1);
  });

  it('reports the query the citizen stopped at, not each letter on the way, when they leave without opening anything', async () => {
    const catalogue = await openSearch();
    await typeOnKeyboard('ket hon');
    await screen.findByRole('button', { name: /Đăng ký kết hôn/ });
    // A letter deleted and typed again is the same search.
    await userEvent.click(within(screen.getByTestId('viet-keyboard')).getByRole('button', { name: /Xóa lùi/ }));
    await waitFor(() => expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'ket ho' })));
    await typeOnKeyboard('n');
    await waitFor(() => expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'ket hon' })));

    await tap('Về trang chủ');
    await waitFor(() => expect(catalogue.reportSearchGap).toHaveBeenCalledWith({ query: 'ket hon', outcome: 'openedNothing' }));
    expect(catalogue.reportSearchGap).toHaveBeenCalledTimes(1);
  });

  it('reports nothing when the citizen opened a procedure from the results', async () => {
    const catalogue = await openSearch();
    await typeOnKeyboard('ket hon');
    await tapWhenShown(/Đăng ký kết hôn/);
    await screen.findByTestId('procedure-page');
    await tap('Quay lại');
    await tap('Quay lại');
    await screen.findByRole('button', { name: /Tìm thủ tục/ });
    expect(catalogue.reportSearchGap).not.toHaveBeenCalled();
  });

  it('reports a search whose text was cleared', async () => {
    const catalogue = await openSearch();
    await typeOnKeyboard('abc');
    await screen.findByTestId('no-results');
    await userEvent.click(within(screen.getByTestId('viet-keyboard')).getByRole('button', { name: /Xóa hết/ }));
    await waitFor(() => expect(catalogue.reportSearchGap).toHaveBeenCalledWith({ query: 'abc', outcome: 'noResult' }));
  });
});

describe('catalogue: a field with over a hundred procedures, by touch', () => {
  const province = () => fakeCatalogue(syncedStatus, [birthRegistration, ...largeField(150)]);
  const position = () => screen.getByRole('navigation').querySelector('.pager-position')?.textContent;

  it('pages by large buttons to the last page and back to the first', async () => {
    await openCatalogue(province());
    await tapWhenShown(/Cấp tỉnh\s*150 thủ tục/);
    await tapWhenShown(/Hải quan\s*150 thủ tục/);
    await screen.findByTestId('procedure-list');
    expect(position()).toBe('Trang 1/19');
    expect(screen.getByRole('button', { name: 'Trang đầu' })).toBeDisabled();

    await tap('Trang cuối');
    expect(await screen.findByRole('button', { name: /\(150\)/ })).toBeInTheDocument();
    expect(position()).toBe('Trang 19/19');
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
    await tap('Trang trước');
    await waitFor(() => expect(position()).toBe('Trang 18/19'));
    await tap('Trang đầu');
    expect(await screen.findByRole('button', { name: /\(1\)\s*Sở/ })).toBeInTheDocument();
    expect(position()).toBe('Trang 1/19');
  });

  it('narrows the field by a few words typed, and widens the search to every field on request', async () => {
    const catalogue = await openCatalogue(province());
    await tapWhenShown(/Cấp tỉnh/);
    await tapWhenShown(/Hải quan/);
    await tapWhenShown(/Tìm trong Hải quan/);
    expect(screen.getByText('Đang tìm trong: Hải quan')).toBeInTheDocument();
    await tap('ABC');
    await typeOnKeyboard('hoan thue');

    await waitFor(() =>
      expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'hoan thue', filters: { level: 'tinh', field: 'hai-quan' } })),
    );
    expect(await screen.findByText('30 thủ tục phù hợp')).toBeInTheDocument();
    await tap('Tìm trong mọi lĩnh vực');
    await waitFor(() => expect(catalogue.search).toHaveBeenLastCalledWith(expect.objectContaining({ query: 'hoan thue', filters: {} })));
    expect(screen.queryByText(/Đang tìm trong/)).not.toBeInTheDocument();
  });

  it('does not offer the search inside a list that fits on one page', async () => {
    await openCatalogue(province());
    await tapWhenShown(/Cấp xã/);
    await tapWhenShown(/Hộ tịch/);
    await screen.findByTestId('procedure-list');
    expect(screen.queryByTestId('search-within')).not.toBeInTheDocument();
  });

  it('lists a procedure done at provincial and commune level under both levels', async () => {
    await openCatalogue(province());
    const twoLevel = /\(150\)/;
    await tapWhenShown(/Cấp xã\s*2 thủ tục/);
    await tapWhenShown(/Hải quan\s*1 thủ tục/);
    expect(await screen.findByRole('button', { name: twoLevel })).toBeInTheDocument();

    await tap('Quay lại');
    await tap('Quay lại');
    await tapWhenShown(/Cấp tỉnh\s*150 thủ tục/);
    await tapWhenShown(/Hải quan/);
    await tapWhenShown('Trang cuối');
    expect(await screen.findByRole('button', { name: twoLevel })).toBeInTheDocument();
  });
});
