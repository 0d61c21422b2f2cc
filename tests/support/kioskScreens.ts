/**
 * Every screen of the kiosk, and how a citizen gets there from a freshly opened home screen, for the end-to-end
 * checks that must visit them all (axe, touch-target sizes, screenshots). Adding a screen is one entry in
 * `kioskScreens`. Each screen opens in its own browser context, so nothing one leaves behind reaches the next.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, type DemoScenario } from '../../server/demoData';
import { LocationList, provisioningPaths } from '../../shared/api/provisioning';
import { formatProvisioningQr } from '../../shared/provisioning/provisioningQr';
import { isBridgeCall } from './bridgeClient';
import { projectRoot } from './processes';
import { typeAsScanner } from './scanner';

export type Theme = 'normal' | 'high-contrast';
export type Orientation = 'portrait' | 'landscape';
export const themes: readonly Theme[] = ['normal', 'high-contrast'];
export const orientations: readonly Orientation[] = ['portrait', 'landscape'];
export const viewports: Record<Orientation, { width: number; height: number }> = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
};

/** The web host's idle timeout in these tests (its default): the attract screen and the countdown wait for it. */
export const idleTimeoutSeconds = 60;

/**
 * The kiosk web hosts the screens are reached on: set up, and not yet set up (the setup wizard); and their central.
 * `national`: a kiosk set up with a central that serves the national catalogue (a province's real scale).
 */
export interface KioskHosts {
  provisioned: string;
  unprovisioned: string;
  central: string;
  national: string;
}

export interface KioskScreen {
  name: string;
  /** From the first screen of a freshly loaded kiosk (home, or the setup wizard) to this screen, waiting until it shows. */
  open(page: Page, hosts: KioskHosts): Promise<void>;
  /** The setup wizard's screens: on a kiosk not yet set up, in the default theme only (its own screen, without the accessibility bar). */
  unprovisioned?: true;
  /** Reached on the kiosk whose central serves the national catalogue (hosts.national). */
  national?: true;
  /** Needs Playwright's clock to skip the idle wait (installed before the page loads). */
  clock?: true;
  /** Dossier lookups are held on their way to the host, never answered (routed before the page loads). */
  holdsLookups?: true;
  /** The high-contrast theme is chosen once the screen shows (the attract screen only shows with default settings). */
  themeAfterOpening?: true;
  /** The screen's main actions, which must sit in the lower two thirds of a portrait screen. */
  mainActions?: string;
}

/** What changes from one run to the next (dates, the month's figures): hidden, space kept, in screenshots. */
export const volatileSelectors = [
  '.dossier-facts .fact:nth-child(n+5) dd',
  '[data-testid="payment-deadline"]',
  '.timeline-step p:not(.timeline-step__name):not(.timeline-step__state)',
  '[data-testid="board-date"]',
  '.board-agencies',
  '[data-testid="attract-board-date"]',
  '.attract-board__bar',
  '.attract-board__legend',
  '.attract-board__figure',
  '[data-testid="catalogue-status"]',
  '.idle-seconds',
  '#idle-countdown-text',
];

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });

/**
 * Scans `text` until the kiosk shows `expected`. This walk is not the scanner's test (that is receiptLookup.test.ts):
 * on a machine too busy to deliver the burst whole, the kiosk rightly refuses the broken code (or looks up a piece
 * of it), and the walk goes home and scans again, twice at most.
 */
async function scanUntil(page: Page, text: string, expected: Locator): Promise<void> {
  const refused = page.getByRole('heading', { name: 'Không tra cứu được hồ sơ' });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await typeAsScanner(page, text);
    await expected.or(refused).first().waitFor();
    if ((await expected.count()) > 0) return;
    // Going home ends the session, which resets the theme: the next attempt is made in the theme the walk chose.
    const contrast = button(page, 'Tương phản cao');
    const highContrast = (await contrast.getAttribute('aria-pressed')) === 'true';
    await button(page, 'Về trang chủ').click();
    if (highContrast) await contrast.click();
  }
  throw new Error(`"${text}" did not scan whole in three attempts`);
}

/** Scans the demo receipt of `scenario` and waits for its status. */
const scan = (page: Page, scenario: DemoScenario) => scanUntil(page, demoDossierCode(scenario), page.getByTestId('dossier-status'));

async function openCatalogue(page: Page): Promise<void> {
  await button(page, /Thủ tục hành chính/).click();
  // The web host syncs on start; the levels appear once the first sync has filled the cache.
  await button(page, /Cấp xã/).waitFor({ timeout: 30_000 });
}

async function openProcedureList(page: Page): Promise<void> {
  await openCatalogue(page);
  await button(page, /Cấp xã/).click();
  await button(page, /^Hộ tịch/).click();
  await page.getByTestId('procedure-list').waitFor();
}

/** Cấp xã's Hải quan in the national catalogue: 124 procedures, 16 pages. Reached by touch, paging the fields. */
async function openLargeField(page: Page): Promise<void> {
  await openCatalogue(page);
  await button(page, /Cấp xã/).click();
  const field = button(page, /^Hải quan/);
  for (let turn = 0; turn < 20 && (await field.count()) === 0; turn++) {
    const position = await page.locator('.pager-position').textContent();
    await button(page, 'Trang sau').click();
    await page.waitForFunction((before) => document.querySelector('.pager-position')?.textContent !== before, position);
  }
  await field.click();
  await page.getByTestId('search-within').waitFor();
}

async function openSearch(page: Page): Promise<void> {
  await openCatalogue(page);
  await button(page, /Tìm thủ tục/).click();
  for (const key of 'khai sinh') await page.locator(`[data-testid="viet-keyboard"] [data-skbtn="${key === ' ' ? '{space}' : key}"]`).click();
  await button(page, /Thủ tục đăng ký khai sinh/).waitFor();
}

function statusScreen(scenario: DemoScenario): KioskScreen {
  return { name: `status-${scenario.replaceAll('_', '-')}`, open: (page) => scan(page, scenario), mainActions: '.actions .button' };
}

export const kioskScreens: readonly KioskScreen[] = [
  { name: 'home', open: async () => undefined, mainActions: '.button--choice' },
  {
    name: 'attract',
    clock: true,
    themeAfterOpening: true,
    async open(page) {
      await page.clock.runFor((idleTimeoutSeconds + 1) * 1000);
      await page.getByTestId('attract-board').waitFor();
    },
    mainActions: '.attract-start',
  },
  {
    name: 'lookup',
    async open(page) {
      await button(page, /Tra cứu hồ sơ/).click();
      await button(page, 'Nhập mã hồ sơ').waitFor();
    },
  },
  {
    name: 'keypad',
    async open(page) {
      await button(page, /Tra cứu hồ sơ/).click();
      await button(page, 'Nhập mã hồ sơ').click();
      for (const key of '000.H56') await page.locator(`[data-testid="code-keypad"] [data-skbtn="${key}"]`).click();
      await page.getByTestId('keypad-display').getByText('000.H56').waitFor();
    },
  },
  {
    name: 'keypad-rejected',
    async open(page) {
      await button(page, /Tra cứu hồ sơ/).click();
      await button(page, 'Nhập mã hồ sơ').click();
      await page.locator('[data-testid="code-keypad"] [data-skbtn="{submit}"]').click();
      await page.locator('.inline-error').waitFor();
    },
  },
  {
    name: 'loading',
    holdsLookups: true,
    async open(page) {
      // The lookup is held (holdsLookups) and timers of 10 s or more (the bridge's deadline, the idle timeout)
      // disarmed, so that the loading screen stays however long the checks take on a loaded machine (else they may
      // catch the error screen).
      await page.evaluate(() => {
        const arm = window.setTimeout;
        window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => (ms !== undefined && ms >= 10_000 ? 0 : arm(handler, ms, ...rest))) as typeof window.setTimeout;
      });
      await typeAsScanner(page, demoDossierCode('processing'));
      await page.locator('.loading-screen').waitFor({ state: 'visible' });
    },
  },
  statusScreen('processing'),
  statusScreen('awaiting_supplement'),
  {
    // The fee with its VietQR code: the code is drawn after the text, so the walk waits for it.
    name: 'status-awaiting-payment',
    async open(page) {
      await scan(page, 'awaiting_payment');
      await page.getByTestId('payment-qr').waitFor();
    },
    mainActions: '.actions .button',
  },
  statusScreen('overdue'),
  statusScreen('result_ready'),
  statusScreen('rejected'),
  {
    name: 'status-largest-text',
    async open(page) {
      await scan(page, 'result_ready');
      await button(page, /^A\+ /).click();
      await button(page, /^A\+ /).click();
      await page.locator('.kiosk[data-text-size="2"]').waitFor();
    },
    mainActions: '.actions .button',
  },
  {
    name: 'error-not-found',
    async open(page) {
      await scanUntil(page, '000.00.06.H56-990101-9999', page.getByText(/Không tìm thấy hồ sơ với mã này/));
    },
  },
  {
    name: 'error-unreadable',
    async open(page) {
      await scanUntil(page, 'https://example.com/', page.getByText(/Mã QR này không chứa mã hồ sơ/));
    },
  },
  { name: 'catalogue-levels', open: openCatalogue },
  {
    name: 'catalogue-fields',
    async open(page) {
      await openCatalogue(page);
      await button(page, /Cấp xã/).click();
      await button(page, /^Hộ tịch/).waitFor();
    },
  },
  { name: 'catalogue-procedures', open: openProcedureList },
  { name: 'catalogue-search', open: openSearch },
  { name: 'catalogue-large-field', national: true, open: openLargeField },
  {
    name: 'catalogue-search-within',
    national: true,
    async open(page) {
      await openLargeField(page);
      await page.getByTestId('search-within').click();
      for (const key of 'quas canhr') await page.locator(`[data-testid="viet-keyboard"] [data-skbtn="${key === ' ' ? '{space}' : key}"]`).click();
      await page.locator('.search-results').getByText(/quá cảnh/i).first().waitFor();
    },
  },
  {
    name: 'procedure-page',
    async open(page) {
      await openSearch(page);
      await button(page, /Thủ tục đăng ký khai sinh/).click();
      await page.getByTestId('procedure-page').waitFor();
      await page.getByTestId('portal-qr').evaluate((img: HTMLImageElement) => img.decode());
    },
  },
  {
    name: 'rating',
    async open(page) {
      await scan(page, 'returned');
      await page.getByTestId('rate-dossier').click();
      await button(page, 'Không hài lòng').waitFor();
    },
  },
  {
    name: 'rating-reason',
    async open(page) {
      await scan(page, 'returned');
      await page.getByTestId('rate-dossier').click();
      await button(page, 'Không hài lòng').click();
      await button(page, 'Phải chờ đợi lâu').waitFor();
    },
  },
  {
    name: 'rating-indicators',
    async open(page) {
      await scan(page, 'returned');
      await page.getByTestId('rate-dossier').click();
      await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
      await button(page, 'Đánh giá thêm 9 tiêu chí (không bắt buộc)').click();
      await page.getByRole('button', { name: 'Tốt', exact: true }).click();
      await page.getByText('Tiêu chí 2/9').waitFor();
    },
    mainActions: '.indicator-scores .button, .indicator-actions .button--primary',
  },
  {
    name: 'rate-scan',
    async open(page) {
      await button(page, /Đánh giá hài lòng/).click();
      await page.getByText(/Vui lòng quét mã vạch hoặc mã QR trên giấy tiếp nhận của hồ sơ/).waitFor();
    },
  },
  {
    name: 'board',
    async open(page) {
      await button(page, /Kết quả giải quyết hồ sơ/).click();
      await page.locator('[data-testid="on-time-board"][data-load="loaded"]').waitFor();
    },
  },
  {
    name: 'technician-pin',
    async open(page) {
      // The hidden gesture: five taps in the top-left corner.
      for (let tap = 0; tap < 5; tap++) await page.mouse.click(20, 20);
      await page.getByTestId('pin-pad').waitFor();
    },
  },
  {
    name: 'setup-server',
    unprovisioned: true,
    open: (page) => page.getByTestId('setup-step-server').waitFor(),
  },
  {
    name: 'setup-place',
    unprovisioned: true,
    async open(page, hosts) {
      // The provisioning QR fills in the server and the code: the step with the name keyboard and the places. Nothing
      // is enrolled, so the kiosk stays unprovisioned for the next screens.
      const centralUrl = hosts.central.replace(/\/$/, '');
      const { locations } = LocationList.parse(await (await fetch(centralUrl + provisioningPaths.locations)).json());
      await page.getByTestId('setup-step-server').waitFor();
      await typeAsScanner(page, formatProvisioningQr({ centralUrl, enrollmentCode: DEMO_ENROLLMENT_CODE, locationId: locations[0]!.id }));
      await page.getByTestId('setup-step-place').waitFor();
    },
  },
  {
    name: 'idle-countdown',
    clock: true,
    async open(page) {
      await scan(page, 'processing');
      // A touch restarts the wait, the clock runs into the last ten seconds, then the time stands still so that the
      // countdown stays while it is checked (its number is hidden in screenshots: the machine's pace shifts it).
      await page.locator('.kiosk-main').dispatchEvent('pointerdown');
      await page.clock.runFor((idleTimeoutSeconds - 10) * 1000 + 250);
      await page.clock.setFixedTime(await page.evaluate(() => Date.now()));
      await page.getByTestId('idle-countdown').waitFor();
    },
  },
];

export interface OpenedScreen {
  page: Page;
  /** Every URL the page requested, to check that nothing leaves the machine. */
  requests: string[];
  close(): Promise<void>;
}

/** Whether `screen` is shown in `theme` (the setup wizard has no theme choice). */
export function showsTheme(screen: KioskScreen, theme: Theme): boolean {
  return theme === 'normal' || !screen.unprovisioned;
}

/** Opens `screen` in a new context: the kiosk on its host, the viewport of `orientation`, the `theme` chosen. */
export async function openKioskScreen(browser: Browser, hosts: KioskHosts, screen: KioskScreen, theme: Theme, orientation: Orientation): Promise<OpenedScreen> {
  // Reduced motion: the attract screen's animation stands still, so the screenshots compare.
  const context: BrowserContext = await browser.newContext({ viewport: viewports[orientation], reducedMotion: 'reduce' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  if (screen.clock) await page.clock.install();
  if (screen.holdsLookups) {
    await page.routeWebSocket(/\/bridge$/, (socket) => {
      const host = socket.connectToServer();
      socket.onMessage((frame) => (isBridgeCall(frame, 'dossier:lookup') ? undefined : host.send(frame)));
    });
  }
  const chooseTheme = async () => {
    if (theme === 'high-contrast') await button(page, 'Tương phản cao').click();
  };
  try {
    if (screen.unprovisioned) {
      await page.goto(hosts.unprovisioned);
    } else {
      await page.goto(screen.national ? hosts.national : hosts.provisioned);
      await button(page, /Tra cứu hồ sơ/).waitFor({ timeout: 60_000 });
    }
    if (!screen.themeAfterOpening) await chooseTheme();
    await screen.open(page, hosts);
    if (screen.themeAfterOpening) await chooseTheme();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  } catch (error) {
    // What the kiosk showed when the way to the screen failed, for whoever reads the log.
    const file = join(projectRoot, 'test-output', 'failures', `open-${screen.name}-${theme}-${orientation}.png`);
    await page.screenshot({ path: file }).then(() => console.error(`screenshot of the failure: ${file}`), () => undefined);
    await context.close();
    throw error;
  }
  return { page, requests, close: () => context.close() };
}
