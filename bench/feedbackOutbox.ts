/**
 * The ratings outbox: how long a tap waits for its rating to be on disk (synchronous=FULL), beside the same write
 * with synchronous=NORMAL as the baseline (what durability costs); and how fast a backlog drains to the reference
 * server, beside posting the same ratings straight through the client (what the outbox's bookkeeping costs).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCentralClient } from '../electron/core/centralClient';
import { openFeedbackModule } from '../electron/core/feedback/feedbackModule';
import { openOutboxDb } from '../electron/core/feedback/outboxDb';
import { createLogger, createRedactor } from '../electron/core/logger';
import { apiPaths, EnrollResponse } from '../shared/api/gateway';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer } from '../server/centralServer';
import { makeTempDir } from '../tests/support/processes';
import { ms, percentile, verdictLine } from './stats';

const TAPS = 300;
const BACKLOG = 300;

export async function benchFeedbackOutbox(): Promise<string[]> {
  const dir = makeTempDir('bench-outbox');
  const central = await startCentralServer({ demo: true, dbFile: join(dir, 'central.sqlite') });
  try {
    const enrolled = EnrollResponse.parse(
      await (
        await fetch(central.url + apiPaths.enroll, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'bench-outbox' }),
        })
      ).json(),
    );
    const client = createCentralClient({ baseUrl: central.url, token: enrolled.token });
    const logger = createLogger({ level: 'silent' });
    const open = (file: string) =>
      openFeedbackModule({ dbPath: join(dir, file), client, kioskId: enrolled.kioskId, logger, redactor: createRedactor('bench') });

    const durable: number[] = [];
    const tapped = open('outbox-full.db');
    for (let i = 0; i < TAPS; i++) {
      const started = performance.now();
      await tapped.handlers['feedback:submit']({ sessionId: `bench-session-${i}`, dossierCode: demoDossierCode('processing'), rating: 'hai_long' });
      durable.push(performance.now() - started);
    }
    await tapped.close();

    const baseline: number[] = [];
    const plain = openOutboxDb(join(dir, 'outbox-normal.db'));
    plain.pragma('synchronous = NORMAL');
    const insert = plain.prepare("INSERT INTO outbox (idempotency_key, body, state, next_attempt_at, created_at) VALUES (?, '{}', 'pending', 0, 0)");
    for (let i = 0; i < TAPS; i++) {
      const started = performance.now();
      insert.run(`bench-key-${i}`);
      baseline.push(performance.now() - started);
    }
    plain.close();

    // The FULL outbox now holds TAPS pending ratings: drain them, then post as many straight through the client.
    const backlog = open('outbox-full.db');
    const drainStart = performance.now();
    const run = await backlog.delivery.deliverDue();
    const drainMs = performance.now() - drainStart;
    await backlog.close();
    const directStart = performance.now();
    for (let i = 0; i < BACKLOG; i++) {
      await client.postFeedback({ dossierCode: demoDossierCode('processing'), rating: 'hai_long', kioskId: enrolled.kioskId }, `bench-direct-${i}-0000000000`);
    }
    const directMs = performance.now() - directStart;

    return [
      `tap → rating on disk (synchronous=FULL), ${TAPS} taps: p50 ${ms(percentile(durable, 50))}, p95 ${ms(percentile(durable, 95))}`,
      `baseline: bare insert with synchronous=NORMAL: p50 ${ms(percentile(baseline, 50))}, p95 ${ms(percentile(baseline, 95))}`,
      verdictLine({ name: 'tap → rating on disk p95', value: percentile(durable, 95), target: 100 }),
      `drain ${run.delivered} pending ratings to the reference server: ${ms(drainMs)} (${ms(drainMs / Math.max(1, run.delivered))} each)`,
      `baseline: ${BACKLOG} posts straight through the client: ${ms(directMs)} (${ms(directMs / BACKLOG)} each)`,
    ];
  } finally {
    await central.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
