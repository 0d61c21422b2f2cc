/**
 * The contract between the renderer and the kiosk core, whichever host runs the core: the Electron main process
 * (over IPC, through the preload's `window.kiosk`) or the web host (over HTTP on 127.0.0.1, through the same
 * `window.kiosk` shape). Every request and reply is a zod schema, checked where it is received.
 */
import { z } from 'zod';
import { Dossier } from '../api/gateway';

/** Errors that reach the renderer. Each has a message in the vi/en catalogues (renderer/i18n). */
export const kioskErrorCodes = [
  'INVALID_CODE', // the input is not a receipt code (reason in `reason`)
  'NOT_FOUND', // the central server does not know the code
  'UNAVAILABLE', // server down, slow (past the deadline) or answering 5xx
  'BAD_RESPONSE', // the server answered something that is not a valid reply
  'NOT_ENROLLED', // the kiosk has no token or the server refused it
  'BAD_REQUEST', // the request did not pass validation at the boundary
  'INTERNAL',
] as const;
export const KioskErrorCode = z.enum(kioskErrorCodes);
export type KioskErrorCode = z.infer<typeof KioskErrorCode>;

export const KioskError = z.object({
  code: KioskErrorCode,
  message: z.string(),
  /** For INVALID_CODE: the receipt parser's reason code. */
  reason: z.string().optional(),
});
export type KioskError = z.infer<typeof KioskError>;

const result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: KioskError })]);
export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

/** A dossier as the renderer sees it: the applicant's name is masked by the core, the full name never crosses. */
export const DossierView = Dossier.omit({ applicantName: true }).extend({ applicantNameMasked: z.string() });
export type DossierView = z.infer<typeof DossierView>;

export const LookupRequest = z.object({ code: z.string().max(2048) });
export type LookupRequest = z.infer<typeof LookupRequest>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  demo: z.boolean(),
  idleTimeoutSeconds: z.number().int().positive(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What a scan produced. The raw scanned text never crosses: a QR's ID-number parameter must not be kept. */
export const ScanEvent = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), code: z.string(), kind: z.enum(['structured', 'unstructured']), source: z.enum(['wedge', 'camera']) }),
  z.object({ ok: z.literal(false), reason: z.string(), source: z.enum(['wedge', 'camera']) }),
]);
export type ScanEvent = z.infer<typeof ScanEvent>;

/** Request/reply channels: name → schemas. Hosts register exactly these; the preload exposes exactly these. */
export const invokeChannels = {
  'dossier:lookup': { request: LookupRequest, response: result(DossierView) },
  'app:info': { request: z.object({}).strict(), response: AppInfo },
} as const;
export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;

/** Events pushed from the core to the renderer. */
export const eventChannels = {
  'scanner:scan': ScanEvent,
} as const;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/** The `window.kiosk` object: one function per operation, nothing generic. */
export interface KioskApi {
  dossier: { lookup(request: LookupRequest): Promise<Result<DossierView>> };
  app: { info(): Promise<AppInfo> };
  scanner: {
    /** Subscribe to scans from the USB wedge scanner (and later the camera). Returns the unsubscribe function. */
    onScan(listener: (event: ScanEvent) => void): () => void;
  };
}
