/**
 * The setup wizard's part of the renderer ↔ core contract. A kiosk with no valid configuration runs these
 * handlers only (setup mode); once 'setup:complete' has saved the configuration, the host switches to the full
 * kiosk core and these answer ALREADY_PROVISIONED. The enrollment happens in the core: the token never reaches
 * the renderer.
 */
import { z } from 'zod';
import { Location } from '../api/catalogue';
import { ScannerMode } from './camera';

export const setupErrorCodes = [
  'BAD_URL', // not an http(s) URL without credentials, query or fragment
  'UNAVAILABLE', // nothing answers at that URL (or too slowly, or 5xx)
  'NOT_A_KIOSK_SERVER', // something answers, but not the Kiosk Gateway API
  'ENROLLMENT_REFUSED', // the server refused the enrollment code (unknown, expired or used)
  'HARDWARE_ENROLLED', // this machine is an enrolled kiosk: an admin must revoke it or issue a re-enrolment code
  'NOT_ENROLLED', // 'setup:complete' before a successful 'setup:enroll'
  'ALREADY_PROVISIONED', // the kiosk runs its full core: setup is over (re-enrolment is technician mode's)
  'SAVE_FAILED', // the configuration could not be written to the data directory
] as const;
export const SetupErrorCode = z.enum(setupErrorCodes);
export type SetupErrorCode = z.infer<typeof SetupErrorCode>;

export const SetupFailure = z.object({ ok: z.literal(false), error: z.object({ code: SetupErrorCode, message: z.string() }) });
export type SetupFailure = z.infer<typeof SetupFailure>;
const setupResult = <T extends z.ZodRawShape>(shape: T) => z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), SetupFailure]);

export const SetupState = z.object({
  mode: z.enum(['setup', 'kiosk']),
  /** Why setup mode: no configuration yet, or the one there was broken (moved aside). */
  reason: z.enum(['missing', 'invalid']).nullable(),
});
export type SetupState = z.infer<typeof SetupState>;

const url = z.string().trim().min(1).max(2048);
export const TechnicianPin = z.string().regex(/^\d{4,12}$/);

export const SetupEnrollRequest = z.object({
  url,
  code: z.string().trim().min(4).max(64),
  name: z.string().trim().min(1).max(100),
  locationId: z.string().min(1).max(80),
});
export type SetupEnrollRequest = z.infer<typeof SetupEnrollRequest>;

export const SetupCompleteRequest = z.object({
  language: z.enum(['vi', 'en']),
  idleTimeoutSeconds: z.number().int().min(15).max(3600),
  scannerMode: ScannerMode,
  /** The camera chosen in the wizard (null: the system's default); the resolution is the camera settings' default. */
  cameraDeviceId: z.string().min(1).max(512).nullable(),
  pin: TechnicianPin,
});
export type SetupCompleteRequest = z.infer<typeof SetupCompleteRequest>;

export const CheckServerReply = setupResult({ version: z.string(), latencyMs: z.number().int().min(0) });
export type CheckServerReply = z.infer<typeof CheckServerReply>;
export const LocationsReply = setupResult({ locations: z.array(Location) });
export type LocationsReply = z.infer<typeof LocationsReply>;
export const EnrollReply = setupResult({ kioskId: z.string() });
export type EnrollReply = z.infer<typeof EnrollReply>;
export const CompleteReply = setupResult({});
export type CompleteReply = z.infer<typeof CompleteReply>;

/** A scanned provisioning QR, parsed where it was scanned (shared/provisioning); the raw text never crosses. */
export const ProvisioningScan = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), centralUrl: z.string(), enrollmentCode: z.string(), locationId: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(['MALFORMED', 'UNSUPPORTED_VERSION']) }),
]);
export type ProvisioningScan = z.infer<typeof ProvisioningScan>;

const empty = z.object({}).strict();
export const setupChannels = {
  'setup:state': { request: empty, response: SetupState },
  'setup:checkServer': { request: z.object({ url }), response: CheckServerReply },
  'setup:locations': { request: z.object({ url }), response: LocationsReply },
  'setup:enroll': { request: SetupEnrollRequest, response: EnrollReply },
  'setup:complete': { request: SetupCompleteRequest, response: CompleteReply },
} as const;
export type SetupChannel = keyof typeof setupChannels;

export const setupEventChannels = { 'setup:provisioningScan': ProvisioningScan } as const;

export interface SetupApi {
  state(): Promise<SetupState>;
  checkServer(request: { url: string }): Promise<CheckServerReply>;
  locations(request: { url: string }): Promise<LocationsReply>;
  enroll(request: SetupEnrollRequest): Promise<EnrollReply>;
  complete(request: SetupCompleteRequest): Promise<CompleteReply>;
  /** Provisioning QR codes scanned with the wedge scanner. Receipts still arrive as scanner.onScan events. */
  onProvisioningScan(listener: (scan: ProvisioningScan) => void): () => void;
}
