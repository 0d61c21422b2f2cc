/**
 * The accessibility walk's page checks (tests/support/pageChecks.ts) on small made-up pages in Chromium: each finds
 * the fault it is there for, and only that, so a walk that passes means the kiosk's screens have none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyboardsOutOfView, reachableBoxes, smallTouchTargets, textNotInKioskFont, touchTargets } from '../support/pageChecks';
import { launchChromium } from '../support/processes';
import { crowdedTouchTargets } from '../support/touchSpacing';

const fontFile = readFileSync(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2'));
const origin = 'http://kiosk.test';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1080, height: 800 } });
  await page.route(`${origin}/**`, (route) =>
    route.request().url().endsWith('.woff2') ? route.fulfill({ body: fontFile, contentType: 'font/woff2' }) : route.fulfill({ body: html, contentType: 'text/html' }),
  );
});

afterAll(async () => {
  await browser?.close();
});

let html = '';

/** Shows `body` in the kiosk's typeface, the way the kiosk's page has it. */
async function show(body: string): Promise<void> {
  html = `<!doctype html><html><head><meta charset="utf-8"><style>
    @font-face { font-family: 'Be Vietnam Pro'; src: url(/be-vietnam-pro.woff2) format('woff2'); }
    :root { font-family: 'Be Vietnam Pro', sans-serif; font-size: 28px; }
    body { margin: 0; }
    .key, button { display: block; position: absolute; width: 80px; height: 80px; padding: 0; font-family: inherit; }
  </style></head><body>${body}</body></html>`;
  await page.goto(`${origin}/`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('touch targets', () => {
  it('finds a pair too close together and names both, and leaves well spaced ones alone', async () => {
    await show(`
      <button style="left: 0; top: 0">Một</button>
      <button style="left: 84px; top: 0">Hai</button>
      <button style="left: 300px; top: 0">Ba</button>`);
    const targets = await touchTargets(page);
    expect(smallTouchTargets(targets)).toEqual([]);
    expect(crowdedTouchTargets(reachableBoxes(targets))).toEqual(['button "Một" and button "Hai" only 4 px apart']);
  });

  it('finds a target smaller than 64 px', async () => {
    await show(`<button style="left: 0; top: 0; width: 120px; height: 40px">Nhỏ</button>`);
    expect(smallTouchTargets(await touchTargets(page))).toEqual(['button "Nhỏ" 120x40']);
  });

  it('counts only what a finger can reach: not what a fixed bar covers, nor what an overlay hides', async () => {
    await show(`
      <button style="left: 0; top: 700px">Dưới thanh</button>
      <div style="position: fixed; left: 0; right: 0; top: 740px; height: 60px; background: #fff">
        <button style="left: 0; top: 0; width: 200px; height: 60px; position: relative">Thanh</button>
      </div>`);
    const targets = await touchTargets(page);
    expect(targets.find((target) => target.name === 'button "Dưới thanh"')?.reachable).toMatchObject({ top: 700, bottom: 740 });
    expect(crowdedTouchTargets(reachableBoxes(targets))).toEqual([
      'button "Dưới thanh" and button "Thanh" only 0 px apart',
    ]);

    await show(`
      <button style="left: 0; top: 0">Dưới lớp phủ</button>
      <div style="position: fixed; inset: 0; background: rgba(0, 0, 0, 0.6)"></div>`);
    expect((await touchTargets(page)).map((target) => target.reachable)).toEqual([null]);
  });
});

describe('on-screen keyboards in view', () => {
  const keyboard = (height: number) => `
    <div class="keypad-display" style="height: 80px">abc</div>
    <div style="height: ${height}px; overflow-y: auto; position: relative">
      <div class="simple-keyboard" style="position: relative; height: 400px">
        <div class="hg-button key" style="left: 0; top: 0">q</div>
        <div class="hg-button key" style="left: 0; top: 300px">z</div>
      </div>
    </div>`;

  it('passes a keyboard and typed text wholly in view', async () => {
    await show(keyboard(500));
    expect(await keyboardsOutOfView(page)).toEqual([]);
  });

  it('finds the keys a scrolled panel cuts off, and typed text off screen', async () => {
    await show(keyboard(340));
    expect(await keyboardsOutOfView(page)).toEqual(['key "z"']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await show(`<div style="height: 900px"></div>${keyboard(500)}`);
    expect(await keyboardsOutOfView(page)).toEqual(['typed text "abc"', 'key "q"', 'key "z"']);
  });
});

describe('text drawn in Be Vietnam Pro', () => {
  it('passes text that inherits the kiosk typeface', async () => {
    await show(`<p>Hello</p><button style="left: 0; top: 200px">Key</button>`);
    expect(await textNotInKioskFont(page)).toEqual([]);
  });

  it('finds a button left with the browser font, text given another face and a glyph the face lacks, by what was rendered', async () => {
    await show(`<p>Hello <span style="font-family: monospace">0123</span></p><p>Ωmega</p><button style="left: 0; top: 200px; font-family: revert">Key</button>`);
    const found = await textNotInKioskFont(page);
    expect(found.map((finding) => finding.split(' in ')[0])).toEqual(['"0123"', '"Ωmega"', '"Key"']);
    expect(found.every((finding) => !finding.includes('Be Vietnam Pro'))).toBe(true);
  });
});
