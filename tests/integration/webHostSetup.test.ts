/**
 * Setup mode on the web host against the real reference central server: an unprovisioned kiosk serves only the
 * setup channels, explains each failure, and after 'setup:complete' switches to the full core without a restart;
 * the saved configuration starts it directly next time.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configPath } from '../../electron/core/config/configFile';
import { verifyPin } from '../../electron/core/technician/pin';
import type { WebHost } from '../../electron/web/webHost';
import { startWebKiosk } from '../../electron/web/webKiosk';
import { DEMO_ENROLLMENT_CODE, demoDossierCode, startCentralServer, type RunningCentralServer } from '../../server/centralServer';
import { makeTempDir } from '../support/processes';
import { callBridge } from '../support/bridgeClient';

let workDir: string;
let rendererDir: string;
let central: RunningCentralServer;
const hosts: WebHost[] = [];

beforeAll(async () => {
  workDir = makeTempDir('websetup');
  rendererDir = join(workDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title><div id="root"></div>');
  central = await startCentralServer({ demo: true });
});

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  await central.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function start(dataDir: string) {
  const host = await startWebKiosk({ port: 0, dataDir, demo: false, rendererDir });
  hosts.push(host);
  const invoke = async (channel: string, request: unknown = {}) => ({ body: (await callBridge(host.url, channel, request)) as Record<string, unknown> });
  return { host, invoke };
}

const settings = { language: 'en', idleTimeoutSeconds: 90, scannerMode: 'both', cameraDeviceId: null, pin: '482916' } as const;

describe('web host setup mode', () => {
  it('sets an unprovisioned kiosk up through the setup channels, then serves the full kiosk', async () => {
    const dataDir = join(workDir, 'kiosk-a');
    const { invoke } = await start(dataDir);
    expect((await invoke('setup:state')).body).toEqual({ ok: true, response: { mode: 'setup', reason: 'missing' } });
    // The kiosk's other channels are refused until it is set up.
    expect((await invoke('dossier:lookup', { code: demoDossierCode('processing') })).body).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    expect((await invoke('setup:checkServer', { url: 'ftp://nowhere' })).body.response).toMatchObject({ ok: false, error: { code: 'BAD_URL' } });
    expect((await invoke('setup:checkServer', { url: 'http://127.0.0.1:9' })).body.response).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect((await invoke('setup:checkServer', { url: central.url })).body.response).toMatchObject({ ok: true, version: expect.any(String) });

    const locations = (await invoke('setup:locations', { url: central.url })).body.response as { ok: true; locations: { id: string }[] };
    expect(locations.locations.length).toBeGreaterThan(0);
    const locationId = locations.locations[0]!.id;

    expect((await invoke('setup:complete', settings)).body.response).toMatchObject({ ok: false, error: { code: 'NOT_ENROLLED' } });
    const refused = await invoke('setup:enroll', { url: central.url, code: 'WRONG-CODE', name: 'Quầy 3', locationId });
    expect(refused.body.response).toMatchObject({ ok: false, error: { code: 'ENROLLMENT_REFUSED' } });
    const enrolled = await invoke('setup:enroll', { url: central.url, code: DEMO_ENROLLMENT_CODE, name: 'Quầy 3', locationId });
    expect(enrolled.body.response).toMatchObject({ ok: true, kioskId: expect.any(String) });
    // A PIN that is not 4-12 digits does not pass the contract.
    expect((await invoke('setup:complete', { ...settings, pin: '12' })).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await invoke('setup:complete', settings)).body).toEqual({ ok: true, response: { ok: true } });

    expect((await invoke('setup:state')).body.response).toEqual({ mode: 'kiosk', reason: null });
    const lookup = await invoke('dossier:lookup', { code: demoDossierCode('processing') });
    expect(lookup.body.response).toMatchObject({ ok: true, value: { code: demoDossierCode('processing') } });
    expect((await invoke('app:info')).body.response).toMatchObject({ idleTimeoutSeconds: 90 });
    expect((await invoke('setup:enroll', { url: central.url, code: DEMO_ENROLLMENT_CODE, name: 'x', locationId })).body.response).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_PROVISIONED' },
    });

    const saved = JSON.parse(readFileSync(configPath(dataDir), 'utf8')) as Record<string, unknown>;
    expect(statSync(configPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(saved).toMatchObject({ version: 1, centralUrl: central.url, kioskName: 'Quầy 3', locationId, language: 'en', scannerMode: 'both' });
    expect(JSON.stringify(saved)).not.toContain(settings.pin);
    expect(await verifyPin(settings.pin, saved.technicianPinHash as string)).toBe(true);
  });

  it('says HARDWARE_ENROLLED when this machine is already an enrolled kiosk and the code is not a re-enrolment code for it', async () => {
    const { invoke } = await start(join(workDir, 'kiosk-twice'));
    const locationId = ((await invoke('setup:locations', { url: central.url })).body.response as { locations: { id: string }[] }).locations[0]!.id;
    const request = { url: central.url, code: DEMO_ENROLLMENT_CODE, name: 'Quầy 4', locationId };
    expect((await invoke('setup:enroll', request)).body.response).toMatchObject({ ok: true });
    // The same machine (its hardware id) enrolling again, as after a technician's re-enrolment without the admin.
    expect((await invoke('setup:enroll', request)).body.response).toMatchObject({ ok: false, error: { code: 'HARDWARE_ENROLLED' } });
  });

  it('starts a configured kiosk directly, and a kiosk with a broken config in setup mode', async () => {
    const configured = await start(join(workDir, 'kiosk-a'));
    expect((await configured.invoke('setup:state')).body.response).toEqual({ mode: 'kiosk', reason: null });

    const brokenDir = join(workDir, 'kiosk-b');
    mkdirSync(brokenDir, { recursive: true });
    writeFileSync(configPath(brokenDir), '{"version": 1, "centralUrl": ');
    const broken = await start(brokenDir);
    expect((await broken.invoke('setup:state')).body.response).toEqual({ mode: 'setup', reason: 'invalid' });
  });
});
