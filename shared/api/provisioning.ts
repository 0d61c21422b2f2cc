/**
 * Provisioning in the Kiosk Gateway API v1: the public list of locations a kiosk can be placed at (read by the
 * setup wizard before the kiosk has a token) and the admin's printable provisioning QR code
 * (shared/provisioning/provisioningQr.ts gives its text).
 */
import { z } from 'zod';
import { Location } from './catalogue';
import { API_PREFIX } from './gateway';

/** `GET /api/v1/locations`: the catalogue's `location` records, centre first, then branches and reception points. */
export const LocationList = z.object({ locations: z.array(Location) });
export type LocationList = z.infer<typeof LocationList>;

export const ProvisioningQrFormat = z.enum(['svg', 'png', 'html']);
export type ProvisioningQrFormat = z.infer<typeof ProvisioningQrFormat>;

/**
 * The longest central URL a provisioning QR code carries: a server's address is short, and drawing a QR code of
 * kilobytes blocks the server's event loop for most of a second.
 */
export const MAX_PROVISIONING_CENTRAL_URL = 200;

/** `GET /api/v1/admin/provisioning-qr?code=&location=[&central=][&format=svg|png|html]` (admin token). */
export const ProvisioningQrQuery = z.object({
  // Lengths are checked before anything else reads the value.
  code: z.string().max(100).trim().regex(/^[A-Za-z0-9-]{4,64}$/),
  location: z.string().max(100).trim().regex(/^[A-Za-z0-9._:-]{1,80}$/),
  /** The URL kiosks use to reach this server; default: the URL the admin's request came to. */
  central: z.string().max(MAX_PROVISIONING_CENTRAL_URL).url().optional(),
  format: ProvisioningQrFormat.default('svg'),
});
export type ProvisioningQrQuery = z.infer<typeof ProvisioningQrQuery>;

export const provisioningPaths = {
  locations: `${API_PREFIX}/locations`,
  adminProvisioningQr: `${API_PREFIX}/admin/provisioning-qr`,
} as const;
