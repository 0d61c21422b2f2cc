/**
 * What durability costs the reference server: acknowledged writes (a rating stored once per idempotency key, its own
 * transaction, as POST /api/v1/feedback does) per second and per write with synchronous=FULL, the server's setting,
 * beside synchronous=NORMAL (WAL), the setting it had, as the baseline. On the same disk, one after the other.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoDossiers } from '../server/demoData';
import { type Durability, openCentralStore } from '../server/centralStore';
import { makeTempDir } from '../tests/support/processes';
import { ms, percentile } from './stats';

const WRITES = 1000;

function measure(dir: string, durability: Durability): { perSecond: number; p50: number; p99: number } {
  const store = openCentralStore(join(dir, `central-${durability}.sqlite`), durability);
  try {
    const now = new Date();
    const dossier = buildDemoDossiers(now)[0]!;
    store.insertDossier(dossier, now);
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < WRITES; i++) {
      const before = performance.now();
      store.feedback.insertOnce({
        id: randomUUID(),
        idempotencyKey: `bench-${durability}-${i}-0123456789`,
        requestHash: 'x'.repeat(64),
        record: { dossierCode: dossier.code, agency: dossier.agency, kioskId: 'bench-kiosk', rating: 'hai_long', reason: null, indicators: null },
        receivedAt: now,
      });
      samples.push(performance.now() - before);
    }
    const elapsedS = (performance.now() - started) / 1000;
    return { perSecond: WRITES / elapsedS, p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    store.close();
  }
}

export async function benchCentralWrites(): Promise<string[]> {
  const dir = makeTempDir('bench-central-writes');
  try {
    // NORMAL first, then FULL, then NORMAL again: a cold first run would flatter FULL.
    const normal = [measure(dir, 'NORMAL'), measure(dir, 'NORMAL')];
    const full = measure(dir, 'FULL');
    const baseline = normal[1]!;
    return [
      `${WRITES} acknowledged rating writes, one transaction each, WAL, on ${dir.split('/').slice(0, 2).join('/') || '/'}`,
      `synchronous=FULL (the server's):   ${full.perSecond.toFixed(0)} writes/s, p50 ${ms(full.p50)}, p99 ${ms(full.p99)}`,
      `synchronous=NORMAL (baseline):     ${baseline.perSecond.toFixed(0)} writes/s, p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}`,
      `FULL costs ${(baseline.perSecond / full.perSecond).toFixed(1)}× the time per write of NORMAL`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
