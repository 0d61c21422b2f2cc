/**
 * From the scanner's last keystroke to the dossier's status painted, through the web host, in Chromium, against the
 * reference central server on this machine. The kiosk's own share of a scan is that time minus the scan's own wait
 * for the central server (its time plus loopback HTTP, as the kiosk's log records it). Baseline: the central server
 * answering the same lookups directly, measured in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKioskConfig } from '../electron/core/config/configFile';
import { plainSecretBox } from '../electron/core/config/secretBox';
import { createLogger, logFilesIn } from '../electron/core/logger';
import { LOG_DIR } from '../electron/web/webKiosk';
import { apiPaths } from '../shared/api/gateway';
import { CatalogueStatus } from '../shared/contract/kiosk';
import { DEMO_ENROLLMENT_CODE, demoDossiers } from '../server/demoData';
import { callBridge } from '../tests/support/bridgeClient';
import { launchChromium, makeTempDir, startCentral, startWebHost } from '../tests/support/processes';
import { typeAsScanner } from '../tests/support/scanner';
import { startStealCount } from './cpuSteal';
import { ms, percentile, verdictLine } from './stats';

const ITERATIONS = 60;
const WARMUP = 5;

declare global {
  interface Window {
    /**
     * When the page received the scan's Enter, and the paint times (Element Timing API) of the status label and of
     * the details that follow it by a frame (facts, result and timeline: the whole screen).
     */
    __scanStart?: number;
    /** Settles once both paints after the last scan's Enter are known (the times from the Enter to each), or fails. */
    __scanPainted?: (timeoutMs: number) => Promise<{ status: number; whole: number }>;
  }
}

/**
 * Scans are timed at a kiosk in service, not during the catalogue download every kiosk makes once at start-up (a
 * few seconds of the host's CPU; later syncs fetch only changes).
 */
async function untilCatalogueSynced(kioskUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const reply = await callBridge(kioskUrl, 'catalogue:status', {});
    const status = reply.ok ? CatalogueStatus.safeParse(reply.response) : null;
    if (status?.success && status.data.lastSyncAt !== null && !status.data.syncing) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the kiosk did not sync its catalogue within 60 s');
}

/** The central server's part of each lookup the kiosk logged (`centralMs`), in the order they ran. */
function centralWaitsInLog(dataDir: string): number[] {
  return logFilesIn(join(dataDir, LOG_DIR))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line.includes('"event":"lookup"'))
    .map((line) => (JSON.parse(line) as { centralMs?: number }).centralMs)
    .filter((wait): wait is number => wait !== undefined);
}

export async function benchScanToPaint(): Promise<string[]> {
  const dataDir = makeTempDir('bench-kiosk');
  const central = await startCentral({ dbFile: join(makeTempDir('bench-central'), 'central.db'), rateLimits: false });
  const kiosk = await startWebHost({ central: central.url, dataDir, enrollmentCode: DEMO_ENROLLMENT_CODE, idleTimeoutSeconds: 3600 });
  await untilCatalogueSynced(kiosk.url);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    // Timestamps are taken inside the page: the scan's Enter key event, and when Chromium actually painted the
    // status label (Element Timing: the renderer marks it with elementtiming="dossier-status"). Installed before the
    // page's own scripts, so this listener runs before the kiosk's: the renderer handles the Enter (loading screen,
    // lookup request) synchronously in its own listener, and a clock started after that would leave it out. The bench
    // waits for the paints' own entries rather than polling the page every frame, which would keep the renderer and
    // the compositor busy at 60 Hz while the lookup is out, as the kiosk is not.
    // (No named function expressions in here: tsx would wrap them in a helper the page does not have.)
    await page.addInitScript(() => {
      const paints = {
        status: [] as number[],
        details: [] as number[],
        waiting: null as ((times: { status: number; whole: number }) => void) | null,
        settle() {
          const start = window.__scanStart ?? Infinity;
          const status = paints.status.find((time) => time > start);
          const details = paints.details.find((time) => time > start);
          if (paints.waiting === null || status === undefined || details === undefined) return;
          paints.waiting({ status: status - start, whole: details - start });
          paints.waiting = null;
        },
      };
      // The time the page received the Enter, not its timeStamp: the harness stamps keys with a scanner's timing.
      window.addEventListener('keydown', (event) => event.key === 'Enter' && (window.__scanStart = performance.now()), { capture: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
          if (entry.identifier === 'dossier-status') paints.status.push(entry.renderTime);
          if (entry.identifier === 'dossier-details') paints.details.push(entry.renderTime);
        }
        paints.settle();
      }).observe({ type: 'element', buffered: false });
      window.__scanPainted = (timeoutMs) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no paint in ${timeoutMs} ms`)), timeoutMs);
          paints.waiting = (times) => {
            clearTimeout(timer);
            resolve(times);
          };
          paints.settle();
        });
    });
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).waitFor();

    const codes = demoDossiers.map((d) => d.code);
    const stolen = startStealCount();
    const kioskTimes: number[] = [];
    const wholeScreenTimes: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      await page.getByRole('button', { name: /Về trang chủ/ }).first().click().catch(() => undefined);
      await typeAsScanner(page, codes[i % codes.length]!);
      const elapsed = await page.evaluate(() => window.__scanPainted!(10_000)).catch(async (error: unknown) => {
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 200));
        throw new Error(`no status painted after scan ${i} (${String(error)}): ${shown}`, { cause: error });
      });
      if (i >= WARMUP) {
        kioskTimes.push(elapsed.status);
        wholeScreenTimes.push(elapsed.whole);
      }
    }

    const stealLine = stolen();
    const loaded = loadKioskConfig({ dataDir, secretBox: plainSecretBox, logger: createLogger({ level: 'silent' }) });
    if (loaded.kind !== 'ok') throw new Error('the web host did not enroll');
    const enrollment = loaded.config;
    const serverTimes: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const start = performance.now();
      const response = await fetch(central.url + apiPaths.dossier(codes[i % codes.length]!), {
        headers: { authorization: `Bearer ${enrollment.token}` },
      });
      await response.json();
      if (i >= WARMUP) serverTimes.push(performance.now() - start);
    }

    // Each scan's own HTTP exchange with the central server, as the kiosk timed it (its log's centralMs, one per scan).
    const centralWaits = centralWaitsInLog(dataDir);
    if (centralWaits.length !== WARMUP + ITERATIONS) throw new Error(`one lookup per scan expected in the kiosk's log, found ${centralWaits.length}`);
    const scanCentralWaits = centralWaits.slice(WARMUP);
    const kioskShares = kioskTimes.map((time, i) => time - scanCentralWaits[i]!);

    const p50 = percentile(kioskTimes, 50);
    const p95 = percentile(kioskTimes, 95);
    const server50 = percentile(serverTimes, 50);
    const server95 = percentile(serverTimes, 95);
    return [
      `scan → status painted, web host + Chromium (${ITERATIONS} scans, after the start-up catalogue sync): median ${ms(p50)}, p95 ${ms(p95)}`,
      `scan → whole status screen painted (facts, result, timeline: a frame after the status): median ${ms(percentile(wholeScreenTimes, 50))}, p95 ${ms(percentile(wholeScreenTimes, 95))}`,
      `the server's time in each scan (the kiosk's HTTP exchange with the central server, request sent to reply read): median ${ms(percentile(scanCentralWaits, 50))}, p95 ${ms(percentile(scanCentralWaits, 95))}`,
      `baseline "central server direct GET": median ${ms(server50)}, p95 ${ms(server95)}`,
      `ratio scan-to-paint / baseline: median ${(p50 / server50).toFixed(1)}x, p95 ${(p95 / server95).toFixed(1)}x`,
      `kiosk share, estimated as scan-to-paint p95 minus the direct GET's median: ${ms(p95 - server50)}`,
      verdictLine({ name: "kiosk share p95 (each scan's time to paint minus its own exchange with the server)", value: percentile(kioskShares, 95), target: 50 }),
      ...(stealLine === null ? [] : [stealLine]),
    ];
  } finally {
    await browser.close();
    await kiosk.stop();
    await central.stop();
  }
}
