// Provisioning on the reference central server over real HTTP: the public location list and the admin's QR code,
// read back with the kiosk's own barcode decoder.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFiles } from '../../electron/cli/decode';
import { LocationList, MAX_PROVISIONING_CENTRAL_URL, provisioningPaths } from '../../shared/api/provisioning';
import { ApiErrorBody } from '../../shared/api/gateway';
import { parseProvisioningQr } from '../../shared/provisioning/provisioningQr';
import { loadSampleCatalogue } from '../../server/catalogueSample';
import { startCentralServer } from '../../server/centralServer';
import { apiCaller } from '../support/api';
import { makeTempDir } from '../support/processes';

const ADMIN_TOKEN = 'provisioning-admin-token-0123456789';
const server = await startCentralServer({ demo: true, adminToken: ADMIN_TOKEN });
const call = apiCaller(server.url);
const tempDir = makeTempDir('provisioning-qr');
afterAll(async () => {
  await server.close();
  rmSync(tempDir, { recursive: true, force: true });
});

const qrPath = (query: Record<string, string>) => `${provisioningPaths.adminProvisioningQr}?${new URLSearchParams(query).toString()}`;

describe('GET /api/v1/locations', () => {
  it('lists every catalogue location without a kiosk token, centre first', async () => {
    const response = await call(provisioningPaths.locations);
    expect(response.status).toBe(200);
    const { locations } = LocationList.parse(await response.json());
    expect(locations.map((location) => location.id).sort()).toEqual(loadSampleCatalogue().locations.map((location) => location.id).sort());
    expect(locations[0]!.kind).toBe('centre');
  });
});

describe('GET /api/v1/admin/provisioning-qr', () => {
  it('prints a QR code the kiosk scanner reads as this server, code and location', async () => {
    const response = await call(qrPath({ code: 'K7P2-QX9M', location: 'loc-1', format: 'png' }), { token: ADMIN_TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const file = join(tempDir, 'qr.png');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const [line] = await decodeFiles([file], ['qr']);
    expect(line).toMatchObject({ ok: true, format: 'qr' });
    expect(parseProvisioningQr(line!.ok ? line!.text : '')).toEqual({ ok: true, centralUrl: server.url.replace(/\/$/, ''), enrollmentCode: 'K7P2-QX9M', locationId: 'loc-1' });
  });

  it('serves an SVG by default and a printable page, with the central URL the admin gives', async () => {
    const svg = await call(qrPath({ code: 'ABCD', location: 'loc-1', central: 'https://hcc.example.vn' }), { token: ADMIN_TOKEN });
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg/);
    const page = await call(qrPath({ code: 'ABCD', location: 'loc-1', central: 'https://hcc.example.vn', format: 'html' }), { token: ADMIN_TOKEN });
    expect(page.headers.get('content-type')).toContain('text/html');
    const text = await page.text();
    expect(text).toContain('<svg');
    expect(text).toContain('https://hcc.example.vn');
  });

  it('needs the admin token and refuses a malformed query', async () => {
    expect((await call(qrPath({ code: 'ABCD', location: 'loc-1' }))).status).toBe(401);
    const bad = await call(qrPath({ code: 'no spaces allowed', location: 'loc-1' }), { token: ADMIN_TOKEN });
    expect(bad.status).toBe(400);
    expect(ApiErrorBody.parse(await bad.json()).error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('code') });
  });

  it('refuses kilobyte parameters before drawing anything, so the server never blocks on a huge QR code', async () => {
    const long = `https://hcc.example.vn/${'a'.repeat(2048)}`;
    for (const query of <Record<string, string>[]>[
      { code: 'ABCD-EFGH', location: 'loc-1', central: long },
      { code: 'A'.repeat(2048), location: 'loc-1' },
      { code: 'ABCD-EFGH', location: 'l'.repeat(2048) },
    ]) {
      const refused = await call(qrPath(query), { token: ADMIN_TOKEN });
      expect(refused.status).toBe(400);
      expect(ApiErrorBody.parse(await refused.json()).error.code).toBe('VALIDATION_FAILED');
    }
    const longest = `https://hcc.example.vn/${'a'.repeat(MAX_PROVISIONING_CENTRAL_URL - 23)}`;
    expect((await call(qrPath({ code: 'ABCD-EFGH', location: 'loc-1', central: longest }), { token: ADMIN_TOKEN })).status).toBe(200);
  });
});
