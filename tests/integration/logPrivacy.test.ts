/**
 * The kiosk's log never holds a citizen's data in clear: the real core, against the real reference server, logging
 * into memory exactly what would reach the log file, through a found lookup, a QR lookup carrying an ID number, a
 * failed lookup, a rating and its delivery.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../electron/core/kioskCore';
import { createRedactor } from '../../electron/core/logger';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { buildDemoDossiers } from '../../server/demoData';
import { apiPaths } from '../../shared/api/gateway';
import { maskPersonName } from '../../shared/privacy/maskName';
import { memoryLogger } from '../main/memoryLogger';
import { testTechnicianPorts } from '../main/technicianFakes';
import { apiCaller } from '../support/api';
import { makeTempDir } from '../support/processes';

const ID_NUMBER = '038095001234';
let central: RunningCentralServer;
let core: KioskCore;
let log: ReturnType<typeof memoryLogger>;

beforeAll(async () => {
  central = await startCentralServer({ demo: true });
  const enrolled = await apiCaller(central.url)(apiPaths.enroll, { method: 'POST', json: { enrollmentCode: DEMO_ENROLLMENT_CODE, hardwareId: 'privacy-test' } });
  const { kioskId, token } = (await enrolled.json()) as { kioskId: string; token: string };
  const dataDir = makeTempDir('privacy');
  log = memoryLogger();
  core = createKioskCore({
    centralUrl: central.url,
    token,
    host: 'web',
    demo: false,
    idleTimeoutSeconds: 60,
    version: '0.1.0',
    logger: log.logger,
    redactor: createRedactor('privacy-test-secret'),
    catalogueDbPath: join(dataDir, 'catalogue.db'),
    outboxDbPath: join(dataDir, 'outbox.db'),
    kioskId,
    technician: testTechnicianPorts(dataDir, log.logger),
  });
});

afterAll(async () => {
  await core.feedback.close();
  await core.catalogue.close();
  await central.close();
});

describe('log privacy', () => {
  it('keeps dossier codes, names and ID numbers out of the log through lookups, a failed lookup and a rating', async () => {
    const code = demoDossierCode('result_ready');
    const applicantName = buildDemoDossiers(new Date()).find((dossier) => dossier.code === code)?.applicantName;
    if (!applicantName) throw new Error('demo dossier without a name');
    const unknownCode = '000.00.06.H56-991231-9999';

    expect(await core.handlers['dossier:lookup']({ code })).toMatchObject({ ok: true });
    const qr = `https://dichvucong.example.gov.vn/tra-cuu?mahs=${encodeURIComponent(code)}&SGT=${ID_NUMBER}`;
    expect(await core.handlers['dossier:lookup']({ code: qr })).toMatchObject({ ok: true });
    expect(await core.handlers['dossier:lookup']({ code: unknownCode })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await core.handlers['feedback:submit']({ sessionId: 'privacy-session-1', dossierCode: code, rating: 'khong_hai_long', reason: 'cho_lau' }),
    ).toMatchObject({ ok: true });
    expect(await core.feedback.delivery.deliverDue()).toMatchObject({ delivered: 1 });
    expect(await core.fleet.beat()).toBe(true);

    const text = log.text();
    // The log did record these events, each under a hash.
    expect(log.entries().filter((entry) => entry.event === 'lookup').length).toBeGreaterThanOrEqual(3);
    for (const secret of [code, unknownCode, applicantName, maskPersonName(applicantName), ID_NUMBER]) {
      expect(text).not.toContain(secret);
    }
  });
});
