// Settled ratings carry dossier codes: the outbox forgets them after the retention period, never a pending one.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openOutboxDb } from '../../electron/core/feedback/outboxDb';
import { createOutboxStore } from '../../electron/core/feedback/outboxStore';
import { makeTempDir } from '../support/processes';

const dir = makeTempDir('outbox-retention');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('forgets delivered and rejected ratings settled before the cutoff and keeps pending ones', () => {
  const db = openOutboxDb(join(dir, 'outbox.db'));
  try {
    const outbox = createOutboxStore(db);
    const day = (n: number) => new Date(Date.UTC(2026, 2, n, 3));
    const rating = (seq: number) => ({ dossierCode: `000.00.06.H56-260302-000${seq}`, rating: 'hai_long' as const, kioskId: 'kiosk-1' });
    outbox.add(rating(1), 'key-old-delivered', day(1));
    outbox.add(rating(2), 'key-old-rejected', day(1));
    outbox.add(rating(3), 'key-old-pending', day(1));
    outbox.add(rating(4), 'key-new-delivered', day(9));
    outbox.markDelivered('key-old-delivered', day(1));
    outbox.markRejected('key-old-rejected', 'DOSSIER_NOT_FOUND', day(1));
    outbox.markDelivered('key-new-delivered', day(9));

    expect(outbox.forgetSettledBefore(day(8))).toBe(2);
    expect(outbox.counts()).toEqual({ pending: 1, delivered: 1, rejected: 0 });
    expect(outbox.due(day(10), 10).map((entry) => entry.idempotencyKey)).toEqual(['key-old-pending']);
  } finally {
    db.close();
  }
});
