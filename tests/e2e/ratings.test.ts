/**
 * End to end: ratings survive the central server going away. The real reference server and the kiosk web host as
 * processes, the built renderer in Debian's Chromium, receipts scanned at scanner speed.
 */
import { describe, expect, it } from 'vitest';
import { FeedbackList, FeedbackSummary, feedbackPaths } from '../../shared/api/feedback';
import { demoDossierCode } from '../../server/demoData';
import { useKioskStand } from '../support/kioskStand';
import { TEST_ADMIN_TOKEN } from '../support/processes';
import { typeAsScanner } from '../support/scanner';

const stand = useKioskStand({ name: 'ratings' });

async function ratingsOnServer(): Promise<FeedbackList> {
  const response = await fetch(stand.central.url + feedbackPaths.adminFeedback, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return FeedbackList.parse(await response.json());
}

async function showStatus(code: string): Promise<void> {
  await stand.page.goto(stand.kiosk.url);
  await stand.page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();
  await typeAsScanner(stand.page, code);
  await stand.page.getByTestId('dossier-status').waitFor();
}

describe('ratings through the web host', () => {
  it('keeps a rating made while the server is down and delivers it when the server is back: the server holds exactly two', async () => {
    const first = demoDossierCode('processing');
    const second = demoDossierCode('returned');

    await showStatus(first);
    await stand.page.getByTestId('rate-dossier').click();
    await stand.page.getByRole('button', { name: 'Không hài lòng' }).click();
    await stand.page.getByRole('button', { name: 'Phải chờ đợi lâu' }).click();
    await stand.page.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
    await stand.page.getByText(/Cảm ơn quý khách đã đánh giá/).waitFor();
    await expect.poll(async () => (await ratingsOnServer()).total, { timeout: 10_000 }).toBe(1);

    await showStatus(second);
    await stand.central.stop();
    await stand.page.getByTestId('rate-dossier').click();
    await stand.page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await stand.page.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
    // Thanked at once: the rating is on the kiosk's disk, whatever the network does.
    await stand.page.getByText(/Cảm ơn quý khách đã đánh giá/).waitFor({ timeout: 5_000 });

    await stand.restartCentral();
    await expect.poll(async () => (await ratingsOnServer()).total, { timeout: 30_000, interval: 500 }).toBe(2);
    const { items } = await ratingsOnServer();
    expect(items.map((item) => [item.dossierCode, item.rating, item.reason]).sort()).toEqual(
      [
        [first, 'khong_hai_long', 'wait_long'],
        [second, 'hai_long', null],
      ].sort(),
    );
  }, 90_000);

  it('sends the indicators the citizen answered in the optional detailed rating, and the server summarises them', async () => {
    const code = demoDossierCode('result_ready');
    await showStatus(code);
    const before = (await ratingsOnServer()).total;
    await stand.page.getByTestId('rate-dossier').click();
    await stand.page.getByRole('button', { name: 'Rất hài lòng' }).click();
    await stand.page.getByRole('button', { name: 'Đánh giá thêm 9 tiêu chí (không bắt buộc)' }).click();
    await stand.page.getByRole('button', { name: 'Tốt', exact: true }).click(); // total time
    await stand.page.getByRole('button', { name: 'Câu sau' }).click(); // time at each agency: left out
    await stand.page.getByRole('button', { name: 'Đạt', exact: true }).click(); // contacts
    await stand.page.getByText('Đã trả lời 2/9 tiêu chí').waitFor();
    await stand.page.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
    await stand.page.getByText(/Cảm ơn quý khách đã đánh giá/).waitFor();

    await expect.poll(async () => (await ratingsOnServer()).total, { timeout: 10_000 }).toBe(before + 1);
    const rated = (await ratingsOnServer()).items.find((item) => item.dossierCode === code);
    expect(rated).toMatchObject({ rating: 'rat_hai_long', reason: null, indicators: { total_time: 2, contacts: 1 } });
    expect(Object.keys(rated?.indicators ?? {}).sort()).toEqual(['contacts', 'total_time']);

    const response = await fetch(`${stand.central.url}${feedbackPaths.adminFeedbackSummary}?period=year`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    const summary = FeedbackSummary.parse(await response.json());
    const row = summary.rows.find((candidate) => candidate.agency.id === rated?.agency.id);
    // The only rating with indicators: 2 and 1 average 1.5 a point, 13.5 of 18.
    expect(row?.indicators).toEqual({ rated: 1, means: { total_time: 2, contacts: 1 }, meanTotal: 13.5, rank: 'tot' });
  }, 60_000);
});
