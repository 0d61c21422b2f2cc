/**
 * A keyboard-wedge scanner for end-to-end tests. A real scanner sends its key reports at its own fixed pace whatever
 * the host is doing; Playwright's `keyboard.type` waits for each key's round trip instead, so on a busy machine its
 * gaps grow to what a person would type. Here every key goes to Chromium at once through the DevTools protocol, in
 * order, as trusted key events stamped with a scanner's timing.
 */
import type { Page } from 'playwright-core';

export async function typeAsScanner(page: Page, text: string, terminator: 'Enter' | 'Tab' | null = 'Enter'): Promise<void> {
  // Let the page finish what it was painting first: on a two-core machine a busy renderer can hold the key events
  // back long enough to split the burst, which a USB scanner's own timing never does.
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
  const session = await page.context().newCDPSession(page);
  // Each key carries its own time, a scanner's 4 ms apart: a busy machine may deliver them late, but, as with a
  // real scanner's HID reports, the page sees when they were typed.
  const start = Date.now() / 1000;
  let index = 0;
  const key = (type: 'keyDown' | 'keyUp', params: Record<string, unknown>) =>
    session.send('Input.dispatchKeyEvent', { type, timestamp: start + (index++ >> 1) * 0.004, ...params });
  try {
    const sent: Promise<unknown>[] = [];
    for (const char of text) {
      sent.push(key('keyDown', { key: char, text: char, unmodifiedText: char }));
      sent.push(key('keyUp', { key: char }));
    }
    const terminatorKey = { Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }, Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 } };
    if (terminator) {
      sent.push(key('keyDown', { ...terminatorKey[terminator], ...(terminator === 'Enter' ? { text: '\r' } : {}) }));
      sent.push(key('keyUp', terminatorKey[terminator]));
    }
    await Promise.all(sent);
  } finally {
    await session.detach();
  }
}

/** A person at a keyboard: one key every `delayMs`. */
export async function typeAsPerson(page: Page, text: string, delayMs = 150): Promise<void> {
  await page.keyboard.type(text, { delay: delayMs });
  await page.keyboard.press('Enter');
}
