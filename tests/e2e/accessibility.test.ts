/**
 * Every screen of the kiosk, in both themes and both orientations, through the web host against the reference
 * server in Chromium: no serious or critical axe-core violation (and WCAG AAA text contrast in the high-contrast
 * theme), every visible touch target at least 64 px each way and with space around it, the main actions in view
 * (and in the lower two thirds of a portrait screen), every on-screen keyboard and its typed text wholly in view,
 * all text drawn in the bundled Be Vietnam Pro, no request leaving the machine, and a screenshot saved under
 * test-output/screenshots/ and compared against its baseline in tests/e2e/baselines/ (see
 * tests/support/screenshotBaseline.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demoData';
import { kioskScreens, openKioskScreen, orientations, showsTheme, themes, volatileSelectors, type KioskHosts, type OpenedScreen } from '../support/kioskScreens';
import { launchChromium, makeTempDir, projectRoot, startCentral, startWebHost, type RunningProcess } from '../support/processes';
import { checkAgainstBaseline } from '../support/screenshotBaseline';
import { keyboardsOutOfView, minTouchPx, reachableBoxes, smallTouchTargets, textNotInKioskFont, touchTargets } from '../support/pageChecks';
import { crowdedTouchTargets, minTouchGapPx } from '../support/touchSpacing';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let central: RunningProcess;
let kiosk: RunningProcess;
/** A kiosk of a central serving the national catalogue, for the screens of a province's real scale. */
let nationalCentral: RunningProcess;
let nationalKiosk: RunningProcess;
/** A kiosk never set up: the setup wizard's screens. */
let unprovisioned: RunningProcess;
let browser: Browser;
let hosts: KioskHosts;

beforeAll(async () => {
  central = await startCentral({ dbFile: join(makeTempDir('e2e-a11y-central'), 'central.db') });
  kiosk = await startWebHost({ central: central.url, dataDir: makeTempDir('e2e-a11y-kiosk'), enrollmentCode: DEMO_ENROLLMENT_CODE });
  unprovisioned = await startWebHost({ dataDir: makeTempDir('e2e-a11y-unprovisioned') });
  nationalCentral = await startCentral({ dbFile: join(makeTempDir('e2e-a11y-national'), 'central.db'), catalogue: join(projectRoot, '../shared/fixtures/catalogue-national.json') });
  nationalKiosk = await startWebHost({ central: nationalCentral.url, dataDir: makeTempDir('e2e-a11y-national-kiosk'), enrollmentCode: DEMO_ENROLLMENT_CODE });
  hosts = { provisioned: kiosk.url, unprovisioned: unprovisioned.url, central: central.url, national: nationalKiosk.url };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  await unprovisioned?.stop();
  await nationalKiosk?.stop();
  await nationalCentral?.stop();
  await central?.stop();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function axeViolations(page: Page, options: object): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') would refuse an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, options)).violations;
  }, options);
}

const describeViolation = (violation: AxeViolation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`;

/** Serious and critical axe-core violations of the default rules (WCAG 2.x A and AA, best practices). */
async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await axeViolations(page, { resultTypes: ['violations'] });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map(describeViolation);
}

/** Text below WCAG AAA contrast (7:1, 4.5:1 for large text): the high-contrast theme must have none. */
async function belowAaaContrast(page: Page): Promise<string[]> {
  return (await axeViolations(page, { runOnly: ['color-contrast-enhanced'], resultTypes: ['violations'] })).map(describeViolation);
}

/**
 * The screen's main actions (`selector`) that are not fully in view, or, on a portrait screen, whose top edge is in
 * the upper third (out of reach from a wheelchair).
 */
function misplacedMainActions(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found = [...document.querySelectorAll<HTMLElement>(selector)];
    if (found.length === 0) return [`nothing matches ${selector}`];
    const portrait = window.innerHeight > window.innerWidth;
    return found.flatMap((element) => {
      const box = element.getBoundingClientRect();
      const name = (element.textContent ?? '').trim().slice(0, 40);
      if (box.bottom > window.innerHeight || box.top < 0) return [`${name}: not fully in view`];
      if (portrait && box.top < window.innerHeight / 3) return [`${name}: in the upper third`];
      return [];
    });
  }, selector);
}

describe.each(themes.flatMap((theme) => orientations.map((orientation) => ({ theme, orientation }))))('$theme, $orientation', ({ theme, orientation }) => {
  const screens = kioskScreens.filter((screen) => showsTheme(screen, theme));
  it.each(screens.map((screen) => ({ name: screen.name, screen })))('$name', { timeout: 120_000 }, async ({ name, screen }) => {
    let opened: OpenedScreen | undefined;
    try {
      opened = await openKioskScreen(browser, hosts, screen, theme, orientation);
      const { page } = opened;

      expect.soft(await seriousViolations(page), 'serious or critical axe violations').toEqual([]);
      if (theme === 'high-contrast') expect.soft(await belowAaaContrast(page), 'text below AAA contrast in high contrast').toEqual([]);
      const targets = await touchTargets(page);
      expect.soft(smallTouchTargets(targets), `touch targets under ${minTouchPx} px`).toEqual([]);
      expect.soft(crowdedTouchTargets(reachableBoxes(targets)), `touch targets on ${name} overlapping or under ${minTouchGapPx} px apart`).toEqual([]);
      expect.soft(await keyboardsOutOfView(page), `on-screen keyboard or typed text of ${name} not wholly in view`).toEqual([]);
      expect.soft(await textNotInKioskFont(page), `text on ${name} not drawn in Be Vietnam Pro`).toEqual([]);
      if (screen.mainActions !== undefined) {
        expect.soft(await misplacedMainActions(page, screen.mainActions), 'main actions out of view or out of reach').toEqual([]);
      }
      const host = screen.unprovisioned ? unprovisioned.url : screen.national ? nationalKiosk.url : kiosk.url;
      expect.soft(opened.requests.filter((url) => !url.startsWith(host) && !url.startsWith('data:')), 'requests leaving the machine').toEqual([]);

      await page.evaluate((selectors) => {
        for (const element of document.querySelectorAll<HTMLElement>(selectors.join(','))) element.style.visibility = 'hidden';
        // Each screen from its top: where a walk's clicks left a scrolled panel depends on timing (a search's results
        // arriving after the last key re-flow the list), which is no visual change of the screen.
        for (const element of document.querySelectorAll<HTMLElement>('*')) if (element.scrollTop !== 0) element.scrollTop = 0;
      }, volatileSelectors);
      const screenshot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
      expect.soft(checkAgainstBaseline(`${name}-${theme}-${orientation}`, screenshot), 'screenshot against its baseline').toBeNull();
    } finally {
      await opened?.close();
    }
  });
});
