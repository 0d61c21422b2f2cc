/**
 * Provisioning on the reference server: the public list of locations (the setup wizard reads it before the kiosk
 * has a token) and the admin's provisioning QR code, which a technician prints and scans on a new kiosk.
 */
import bwipjs from 'bwip-js/node';
import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { Location } from '../shared/api/catalogue';
import { type LocationList, ProvisioningQrQuery, provisioningPaths } from '../shared/api/provisioning';
import { formatProvisioningQr } from '../shared/provisioning/provisioningQr';
import { fail, type RouteDeps } from './httpHelpers';

const kindOrder = { centre: 0, branch: 1, reception_point: 2 } as const;
const topLevelFirst = (location: Location) => (location.parent === null ? 0 : 1);

export function registerProvisioningRoutes(app: Hono, { store, requireAdmin }: RouteDeps): void {
  app.get(provisioningPaths.locations, (c) => {
    const locations = store.catalogue
      .presentRecords('location')
      .map((json) => Location.parse(JSON.parse(json)))
      // The province's or city's own centre first, then its ward and commune centres and older kinds, by name.
      .sort((a, b) => topLevelFirst(a) - topLevelFirst(b) || kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name, 'vi'));
    return c.json({ locations } satisfies LocationList);
  });

  app.get(provisioningPaths.adminProvisioningQr, requireAdmin, async (c) => {
    const query = ProvisioningQrQuery.safeParse(c.req.query());
    if (!query.success) {
      const fields = [...new Set(query.error.issues.map((issue) => issue.path.join('.')))].join(', ');
      return fail(c, { status: 400, code: 'VALIDATION_FAILED', message: `Invalid query parameters: ${fields}.` });
    }
    const { code, location, format } = query.data;
    // The URL this request came to is the one the technician's browser reached; a proxy in front may say otherwise.
    const centralUrl = (query.data.central ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    const text = formatProvisioningQr({ centralUrl, enrollmentCode: code, locationId: location });
    // The enrollment code is a credential: nothing caches the image.
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    // eclevel is a QR option bwip-js's types do not list (as in receiptPages.ts).
    const options = { bcid: 'qrcode', text, eclevel: 'M', paddingwidth: 4, paddingheight: 4 };
    if (format === 'png') {
      // An opaque white background: a transparent PNG prints and decodes as black on black in some viewers.
      const png: Buffer = await bwipjs.toBuffer({ ...options, scale: 6, backgroundcolor: 'FFFFFF' });
      return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png' });
    }
    const svg = bwipjs.toSVG(options);
    if (format === 'svg') return c.body(svg, 200, { 'Content-Type': 'image/svg+xml' });
    c.header('Content-Security-Policy', "default-src 'none'; base-uri 'none'; form-action 'none'");
    return c.html(html`<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><title>Mã QR cài đặt ki-ốt / Kiosk provisioning QR</title></head>
  <body>
    <h1>Mã QR cài đặt ki-ốt <small>Kiosk provisioning QR</small></h1>
    <div>${raw(svg.replace(' xmlns="http://www.w3.org/2000/svg"', ' width="320" height="320"'))}</div>
    <p>Máy chủ / Server: ${centralUrl}<br />Địa điểm / Location: ${location}</p>
    <p>Quét mã này bằng máy quét của ki-ốt trên màn hình cài đặt. Mã chứa mã đăng ký: giữ kín như mật khẩu.<br />
      Scan this with the kiosk's scanner on its setup screen. It holds the enrollment code: keep it like a password.</p>
  </body>
</html>`);
  });
}
