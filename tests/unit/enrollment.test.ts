import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ENROLLMENT_FILE,
  EnrollmentError,
  ensureEnrolled,
  loadHardwareId,
  loadLogSecret,
  readEnrollment,
} from '../../electron/core/enrollment';
import { hang, sendJson, startTestServer, type TestServer } from './centralClient.testServer';

const VALID_CODE = 'DEMO-2025';
const issued = { kioskId: 'kiosk-7', token: 'issued-token-0123456789' };

let dataDir: string;
let central: TestServer;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hcc-enrollment-'));
  central = await startTestServer((request, response) => {
    const body = JSON.parse(request.body) as { enrollmentCode: string };
    if (body.enrollmentCode === VALID_CODE) sendJson(response, 201, issued);
    else sendJson(response, 400, { error: { code: 'ENROLLMENT_CODE_INVALID', message: 'unknown or expired code' } });
  });
});
afterEach(async () => {
  await central.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('ensureEnrolled', () => {
  it('enrolls with the code and stores the enrolment readable by the owner only', async () => {
    const enrollment = await ensureEnrolled({ dataDir, centralUrl: central.baseUrl, enrollmentCode: VALID_CODE, hardwareId: 'hw-1', name: 'Quầy 1' });

    expect(enrollment).toEqual({ centralUrl: central.baseUrl, ...issued });
    expect(JSON.parse(central.requests[0]?.body ?? '')).toEqual({ enrollmentCode: VALID_CODE, hardwareId: 'hw-1', name: 'Quầy 1' });
    expect(readEnrollment(dataDir)).toEqual(enrollment);
    expect(modeOf(join(dataDir, ENROLLMENT_FILE))).toBe(0o600);
  });

  it('reuses the stored enrolment for the same central server without calling it', async () => {
    await ensureEnrolled({ dataDir, centralUrl: central.baseUrl, enrollmentCode: VALID_CODE, hardwareId: 'hw-1' });
    const again = await ensureEnrolled({ dataDir, centralUrl: `${central.baseUrl}/`, hardwareId: 'hw-1' });
    expect(again).toEqual({ centralUrl: central.baseUrl, ...issued });
    expect(central.requests).toHaveLength(1);
  });

  it('enrolls again when the stored enrolment is for another central server', async () => {
    writeFileSync(join(dataDir, ENROLLMENT_FILE), JSON.stringify({ centralUrl: 'http://old.example', kioskId: 'k0', token: 'old-token-0123456789' }));
    const enrollment = await ensureEnrolled({ dataDir, centralUrl: central.baseUrl, enrollmentCode: VALID_CODE, hardwareId: 'hw-1' });
    expect(enrollment.kioskId).toBe(issued.kioskId);
    expect(central.requests).toHaveLength(1);
  });

  it('says NOT_ENROLLED when there is no enrolment and no code', async () => {
    await expect(ensureEnrolled({ dataDir, centralUrl: central.baseUrl, hardwareId: 'hw-1' })).rejects.toMatchObject({
      name: 'EnrollmentError',
      code: 'NOT_ENROLLED',
      message: expect.stringContaining('enrollment code'),
    });
    expect(central.requests).toHaveLength(0);
  });

  it('says ENROLLMENT_REFUSED with the server reason when the code is refused, and stores nothing', async () => {
    const error = await ensureEnrolled({ dataDir, centralUrl: central.baseUrl, enrollmentCode: 'WRONG-1', hardwareId: 'hw-1' }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(EnrollmentError);
    expect(error).toMatchObject({ code: 'ENROLLMENT_REFUSED', message: expect.stringContaining('ENROLLMENT_CODE_INVALID') });
    expect(readEnrollment(dataDir)).toBeNull();
  });

  it('says UNAVAILABLE when the central server does not answer', async () => {
    const silent = await startTestServer(hang);
    try {
      await expect(
        ensureEnrolled({ dataDir, centralUrl: silent.baseUrl, enrollmentCode: VALID_CODE, hardwareId: 'hw-1', fetch: timeoutAfter(100) }),
      ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await silent.close();
    }
  });

  it('treats an unreadable enrolment file as no enrolment', () => {
    writeFileSync(join(dataDir, ENROLLMENT_FILE), '{ not json');
    expect(readEnrollment(dataDir)).toBeNull();
  });
});

describe('per-install secrets', () => {
  it('creates the log secret once, owner-only, and returns the same one afterwards', () => {
    const secret = loadLogSecret(dataDir);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(loadLogSecret(dataDir)).toBe(secret);
    expect(modeOf(join(dataDir, 'log-secret'))).toBe(0o600);
  });

  it('keeps a stable hardware id per data directory', () => {
    const id = loadHardwareId(dataDir, 'web');
    expect(id).toMatch(/^web-/);
    expect(loadHardwareId(dataDir, 'web')).toBe(id);
    expect(readFileSync(join(dataDir, 'hardware-id'), 'utf8').trim()).toBe(id);
    const otherDir = mkdtempSync(join(tmpdir(), 'hcc-enrollment-other-'));
    try {
      expect(loadHardwareId(otherDir, 'electron')).toMatch(/^electron-/);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

/** The client's own timeouts are seconds long; this fetch gives up sooner so the test stays short. */
function timeoutAfter(ms: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: AbortSignal.any([init?.signal ?? new AbortController().signal, AbortSignal.timeout(ms)]) });
}
