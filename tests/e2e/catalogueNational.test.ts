/**
 * End to end on a province's real catalogue: the national file (1,601 procedures, 123 fields) served by the
 * reference server (`--catalogue`), synced into the web host's cache, browsed by touch in Chromium: a field of over
 * a hundred procedures paged and searched inside, and a procedure done at provincial and commune level found under
 * both levels.
 */
import { resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useKioskStand } from '../support/kioskStand';
import { projectRoot } from '../support/processes';

const stand = useKioskStand({
  name: 'catalogue-national',
  page: { hasTouch: true },
  catalogue: resolve(projectRoot, '../shared/fixtures/catalogue-national.json'),
});

const button = (name: string | RegExp) => stand.page.getByRole('button', { name });
const position = () => stand.page.locator('.pager-position').first().textContent();

async function openLevel(level: RegExp) {
  await stand.page.goto(stand.kiosk.url);
  await button(/Thủ tục hành chính/).tap();
  // The web host syncs on start; the levels appear once the first sync has filled the cache.
  await button(level).waitFor({ timeout: 60_000 });
  await button(level).tap();
}

/** Turns the pages of a list by touch until `target` is on screen: at most `pages` turns. */
async function pageUntil(target: Locator, pages: number) {
  for (let turn = 0; turn < pages && (await target.count()) === 0; turn++) {
    const before = await position();
    await button('Trang sau').tap();
    await expect.poll(position).not.toBe(before);
  }
  await target.waitFor();
}

async function typeOnKeyboard(keys: string) {
  for (const key of keys) await stand.page.locator(`[data-testid="viet-keyboard"] [data-skbtn="${key === ' ' ? '{space}' : key}"]`).tap();
}

describe('the national catalogue through the web host, by touch', () => {
  it('pages a field of over a hundred procedures to its end and back, and narrows it by words typed', async () => {
    await openLevel(/^Cấp xã/);
    await pageUntil(button(/^Hải quan\s*124 thủ tục/), 20);
    await button(/^Hải quan/).tap();
    await stand.page.getByTestId('procedure-list').waitFor();
    await expect.poll(position).toBe('Trang 1/16');

    await button('Trang cuối').tap();
    await expect.poll(position).toBe('Trang 16/16');
    expect(await stand.page.getByTestId('procedure-list').getByRole('button').count()).toBe(124 - 15 * 8);
    await button('Trang đầu').tap();
    await expect.poll(position).toBe('Trang 1/16');

    await button(/Tìm trong Hải quan/).tap();
    await expect.poll(() => stand.page.getByText('Đang tìm trong: Hải quan').count()).toBe(1);
    await typeOnKeyboard('quas canhr');
    await expect.poll(() => stand.page.getByTestId('search-display').textContent()).toBe('quá cảnh');
    // Ranked inside the field: what was typed first, and nothing from another field.
    const list = stand.page.getByTestId('procedure-list');
    await expect.poll(() => list.getByRole('button').first().textContent()).toMatch(/quá cảnh/i);
    const details = await list.locator('.list-detail').allTextContents();
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) expect(detail).toMatch(/Hải quan/);
  });

  it('lists a procedure done at provincial and commune level under both levels', async () => {
    const copyOfBirth = button(/^Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh/);
    await openLevel(/^Cấp tỉnh/);
    await pageUntil(button(/^Hộ tịch/), 20);
    await button(/^Hộ tịch/).tap();
    await copyOfBirth.waitFor();

    await openLevel(/^Cấp xã/);
    await pageUntil(button(/^Hộ tịch\s*41 thủ tục/), 20);
    await button(/^Hộ tịch/).tap();
    await stand.page.getByTestId('procedure-list').waitFor();
    await pageUntil(copyOfBirth, 6);
    await copyOfBirth.tap();
    await expect.poll(() => stand.page.getByTestId('procedure-page').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    );
  });
});
