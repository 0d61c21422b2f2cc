/**
 * The kiosk's catalogue cache on the national catalogue (1,601 real procedures, server/fixtures), served by the
 * reference server in its own process from `--catalogue`: the full sync, search latency over the relevance table's
 * queries, and the table's hits at 1 and 3 per tier. Baseline: off-the-shelf MiniSearch (in memory; prefix, fuzzy
 * 0.2, any word, name boosted) over the same procedures' names and documents, on the same queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { CATALOGUE_DB_FILE } from '../electron/core/catalogue/catalogueDb';
import { openCatalogueService } from '../electron/core/catalogue/catalogueService';
import { createCentralClient } from '../electron/core/centralClient';
import { ensureEnrolled } from '../electron/core/enrollment';
import { createLogger } from '../electron/core/logger';
import { loadNationalCatalogue, NATIONAL_CATALOGUE_FILE } from '../server/catalogueDemo';
import { DEMO_ENROLLMENT_CODE } from '../server/centralServer';
import { searchKey } from '../shared/text/fold';
import { scoreTier } from '../tests/support/nationalCache';
import { relevanceQueries, type RelevanceTier } from '../tests/support/relevanceQueries';
import { startBenchCentral } from './catalogue';
import { ms, percentile, verdictLine } from './stats';

const ROUNDS = 10;
const cpuMs = ({ user, system }: NodeJS.CpuUsage): number => (user + system) / 1000;

export async function benchCatalogueNational(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hcc-bench-national-'));
  const central = await startBenchCentral(join(dir, 'central.sqlite'), ['--catalogue', NATIONAL_CATALOGUE_FILE.pathname]);
  const { token } = await ensureEnrolled({ dataDir: dir, centralUrl: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'bench-national' });
  const service = openCatalogueService({
    dbPath: join(dir, CATALOGUE_DB_FILE),
    client: createCentralClient({ baseUrl: central.url, token }),
    logger: createLogger({ level: 'silent' }),
    pageSize: 500,
  });
  try {
    const fullStart = performance.now();
    const fullCpu = process.cpuUsage();
    const full = await service.syncNow();
    const fullMs = performance.now() - fullStart;
    const fullCpuMs = cpuMs(process.cpuUsage(fullCpu));
    if (!full.ok) throw new Error(`full sync failed: ${full.message}`);

    const tiers = Object.keys(relevanceQueries) as RelevanceTier[];
    const queries = tiers.flatMap((tier) => relevanceQueries[tier].map(({ query }) => query));
    const { catalogue } = loadNationalCatalogue();
    const mini = new MiniSearch<{ id: string; name: string; documents: string }>({
      fields: ['name', 'documents'],
      processTerm: (term) => searchKey(term) || null,
      searchOptions: { boost: { name: 10 }, prefix: true, fuzzy: 0.2 },
    });
    mini.addAll(catalogue.procedures.map((p) => ({ id: p.id, name: p.name, documents: p.documents.map((d) => d.name).join(' ') })));

    const time = (run: (query: string) => unknown) => {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const query of queries) {
          const before = process.cpuUsage();
          const start = performance.now();
          run(query);
          wall.push(performance.now() - start);
          cpu.push(cpuMs(process.cpuUsage(before)));
        }
      }
      return { wall, cpu };
    };
    const kioskTop = (query: string) => service.search({ query, filters: {}, limit: 30, offset: 0 }).items.map((item) => item.id);
    const miniTop = (query: string) => mini.search(query).slice(0, 30).map((result) => String(result.id));
    const kiosk = time(kioskTop);
    const baseline = time(miniTop);

    const relevance = tiers.map((tier) => {
      const size = relevanceQueries[tier].length;
      const ours = scoreTier(relevanceQueries[tier], kioskTop);
      const theirs = scoreTier(relevanceQueries[tier], miniTop);
      return `relevance ${tier} (${size} queries): kiosk hits@1 ${ours.hitsAt1}, hits@3 ${ours.hitsAt3}; MiniSearch hits@1 ${theirs.hitsAt1}, hits@3 ${theirs.hitsAt3}`;
    });
    const [p50, p95, mini50, mini95] = [percentile(kiosk.wall, 50), percentile(kiosk.wall, 95), percentile(baseline.wall, 50), percentile(baseline.wall, 95)];
    return [
      `national catalogue: ${catalogue.procedures.length} procedures, ${full.applied} records in ${full.pages} pages, ${full.refused.length} refused; ${queries.length} queries x ${ROUNDS}`,
      verdictLine({ name: 'full sync of the national catalogue', value: fullMs, target: 2000 }),
      `full sync CPU time of the kiosk process (server apart): ${ms(fullCpuMs)}`,
      verdictLine({ name: 'search p95 (national)', value: p95, target: 5 }),
      `search median ${ms(p50)}, p95 ${ms(p95)}; CPU time per query median ${ms(percentile(kiosk.cpu, 50))}, p95 ${ms(percentile(kiosk.cpu, 95))}`,
      `baseline "MiniSearch in memory (prefix, fuzzy 0.2, any word)": median ${ms(mini50)}, p95 ${ms(mini95)}; CPU p95 ${ms(percentile(baseline.cpu, 95))}`,
      `ratio cache search / baseline: median ${(p50 / mini50).toFixed(2)}x, p95 ${(p95 / mini95).toFixed(2)}x`,
      ...relevance,
    ];
  } finally {
    await service.close();
    central.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
