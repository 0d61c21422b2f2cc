/**
 * The reference server's catalogue feed under a province-sized synthetic catalogue (10,000 procedures): how long it
 * takes to generate and seed, and to serve a kiosk's first sync in pages of MAX_CHANGES_PAGE over loopback HTTP.
 * Baseline: the same server answering GET /health over the same connection, measured in the same run; a page's cost
 * beyond it is the feed's own (SQLite read, JSON).
 */
import { CatalogueChangesPage, cataloguePaths, MAX_CHANGES_PAGE } from '../shared/api/catalogue';
import { apiPaths, EnrollResponse } from '../shared/api/gateway';
import { generateCatalogue } from '../server/catalogueGenerator';
import { DEMO_ENROLLMENT_CODE, startCentralServer } from '../server/centralServer';
import { ms, percentile, verdictLine } from './stats';

const PROCEDURES = 10_000;
const SYNCS = 5;
const HEALTH_CALLS = 200;

export async function benchCatalogueFeed(): Promise<string[]> {
  const generateStart = performance.now();
  generateCatalogue({ procedures: PROCEDURES, seed: 1 });
  const generateMs = performance.now() - generateStart;

  const startStart = performance.now();
  const server = await startCentralServer({ demo: true, catalogue: { synthetic: PROCEDURES, seed: 1 } });
  const startMs = performance.now() - startStart;
  try {
    const enrolled = await fetch(server.url + apiPaths.enroll, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'bench-catalogue-feed' }),
    });
    const headers = { authorization: `Bearer ${EnrollResponse.parse(await enrolled.json()).token}` };

    const pageTimes: number[] = [];
    const syncTimes: number[] = [];
    let bytes = 0;
    let records = 0;
    for (let sync = 0; sync < SYNCS; sync++) {
      const syncStart = performance.now();
      bytes = 0;
      records = 0;
      let query = `limit=${MAX_CHANGES_PAGE}`;
      for (;;) {
        const pageStart = performance.now();
        const text = await (await fetch(`${server.url}${cataloguePaths.changes}?${query}`, { headers })).text();
        pageTimes.push(performance.now() - pageStart);
        bytes += Buffer.byteLength(text);
        const page = CatalogueChangesPage.parse(JSON.parse(text));
        records += page.changes.length;
        if (!page.hasMore) break;
        query = `since=${encodeURIComponent(page.cursor)}&limit=${MAX_CHANGES_PAGE}`;
      }
      syncTimes.push(performance.now() - syncStart);
    }

    const healthTimes: number[] = [];
    for (let i = 0; i < HEALTH_CALLS; i++) {
      const start = performance.now();
      await (await fetch(server.url + apiPaths.health)).json();
      healthTimes.push(performance.now() - start);
    }

    const page50 = percentile(pageTimes, 50);
    const page95 = percentile(pageTimes, 95);
    const health50 = percentile(healthTimes, 50);
    return [
      `generate ${PROCEDURES} procedures (validated): ${ms(generateMs)}; start server with them seeded: ${ms(startMs)}`,
      `first sync, ${records} records in pages of ${MAX_CHANGES_PAGE}, ${(bytes / 1024 / 1024).toFixed(1)} MiB (${SYNCS} syncs): median ${ms(percentile(syncTimes, 50))}, max ${ms(Math.max(...syncTimes))}`,
      `feed page of ${MAX_CHANGES_PAGE} changes: median ${ms(page50)}, p95 ${ms(page95)}`,
      `baseline "central server GET /health": median ${ms(health50)}, p95 ${ms(percentile(healthTimes, 95))}`,
      `ratio page / baseline: median ${(page50 / health50).toFixed(1)}x`,
      verdictLine({ name: `feed page of ${MAX_CHANGES_PAGE} p95`, value: page95, target: 100 }),
    ];
  } finally {
    await server.close();
  }
}
