/**
 * The web host's bridge under a flood: a citizen's lookup on the page's socket while another socket has sent 2,000
 * lookups at once (the finding: relayed with no limit, they made the citizen's lookup take 7.8 s). Baseline:
 * the same lookup with no flood. The real web host and core against the reference central server, on loopback.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer } from '../server/centralServer';
import { startWebKiosk } from '../electron/web/webKiosk';
import { openBridge } from '../tests/support/bridgeClient';
import { makeTempDir } from '../tests/support/processes';
import { ms, percentile } from './stats';

const FLOOD = 2_000;
const CITIZEN_LOOKUPS = 20;

export async function benchBridgeFlood(): Promise<string[]> {
  const dir = makeTempDir('bench-flood');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const central = await startCentralServer({ demo: true, dbFile: join(dir, 'central.sqlite'), rateLimits: 'off' });
  const host = await startWebKiosk({ port: 0, centralUrl: central.url, dataDir: join(dir, 'kiosk'), enrollmentCode: DEMO_ENROLLMENT_CODE, demo: true, rendererDir });
  try {
    const citizen = await openBridge(host.url);
    const timedLookups = async () => {
      const times: number[] = [];
      for (let i = 0; i < CITIZEN_LOOKUPS; i++) {
        const started = performance.now();
        await citizen.call('dossier:lookup', { code: demoDossierCode('result_ready') });
        times.push(performance.now() - started);
      }
      return times;
    };
    await timedLookups();
    const quiet = await timedLookups();
    const flood = await openBridge(host.url);
    const flooded = Array.from({ length: FLOOD }, (_, i) => flood.call('dossier:lookup', { code: `000.00.06.H56-991231-${String(i).padStart(4, '0')}` }));
    const during = await timedLookups();
    const replies = await Promise.all(flooded);
    const busy = replies.filter((reply) => !reply.ok && reply.error.code === 'BUSY').length;
    flood.close();
    citizen.close();
    return [
      `citizen's lookup, no flood: median ${ms(percentile(quiet, 50))}, max ${ms(Math.max(...quiet))}`,
      `citizen's lookup while another socket floods ${FLOOD.toLocaleString('en')} lookups: median ${ms(percentile(during, 50))}, max ${ms(Math.max(...during))} (×${(percentile(during, 50) / percentile(quiet, 50)).toFixed(1)}); the flood's socket had ${busy.toLocaleString('en')} refused with BUSY`,
    ];
  } finally {
    await host.close();
    await central.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
