/**
 * The end-to-end stand most e2e files need: the reference central server and the kiosk web host as processes (the
 * kiosk enrolled to the server unless asked otherwise), Debian's Chromium and one page the kiosk's portrait size.
 * Call `useKioskStand` once at a file's top level: it registers the hooks that start the stand before the file's
 * tests, save a screenshot of a failing test, and stop everything after.
 */
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demoData';
import { viewports } from './kioskScreens';
import { launchChromium, makeTempDir, startCentral, startWebHost, type RunningProcess } from './processes';
import { screenshotOnFailure } from './screenshots';

export interface KioskStandOptions {
  /** Names the stand's temporary folders (`hcc-e2e-<name>-central-…`), so a leftover one says which file made it. */
  name: string;
  /** False: the web host starts with no server and no code, on the setup wizard. */
  enrolled?: boolean;
  /** The page's browser context; the viewport is the kiosk's portrait screen unless given. */
  page?: BrowserContextOptions;
  /** A catalogue file the central server serves instead of the sample. */
  catalogue?: string;
}

export interface KioskStand {
  readonly central: RunningProcess;
  readonly kiosk: RunningProcess;
  readonly page: Page;
  /** The web host's data directory (its configuration file, outbox, catalogue cache). */
  readonly dataDir: string;
  /** Stops the central server if it still runs, then starts it again on the same port over the same database. */
  restartCentral(): Promise<void>;
}

export function useKioskStand(options: KioskStandOptions): KioskStand {
  const dbFile = join(makeTempDir(`e2e-${options.name}-central`), 'central.db');
  const dataDir = makeTempDir(`e2e-${options.name}-kiosk`);
  let central: RunningProcess | undefined;
  let kiosk: RunningProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    central = await startCentral({ dbFile, catalogue: options.catalogue });
    const enrolment = options.enrolled === false ? {} : { central: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE };
    kiosk = await startWebHost({ ...enrolment, dataDir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: viewports.portrait, ...options.page });
  });

  beforeEach((context) => screenshotOnFailure(context, () => page));

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await central?.stop();
  });

  /** What the hooks started; asked for before `beforeAll` ran, it is a mistake in the test file. */
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the stand's ${what} is not started yet: use it inside a test or a hook`);
    return value;
  };

  return {
    get central() {
      return started(central, 'central server');
    },
    get kiosk() {
      return started(kiosk, 'web host');
    },
    get page() {
      return started(page, 'page');
    },
    dataDir,
    async restartCentral() {
      const { port } = started(central, 'central server');
      await central?.stop();
      central = await startCentral({ dbFile, port, catalogue: options.catalogue });
    },
  };
}
