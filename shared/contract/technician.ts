/**
 * The renderer ↔ core messages of technician mode (channels 'technician:*' in kiosk.ts). The core holds the
 * unlocked session: every call but 'technician:unlock' answers SESSION_REQUIRED once it has expired or was
 * locked, whatever the renderer believes. Nothing here carries a citizen's data: the recent errors are log
 * messages, which never hold any.
 */
import { z } from 'zod';
import { DeviceHealth } from '../api/fleet';
import { ScannerMode } from './camera';

export const TechnicianErrorCode = z.enum([
  'SESSION_REQUIRED', // not unlocked, or the session expired: enter the PIN again
  'NO_MEDIA', // the chosen USB drive is not (or no longer) mounted
  'FAILED', // the action failed; `message` says why in English for the log-minded technician
]);
export type TechnicianErrorCode = z.infer<typeof TechnicianErrorCode>;

const technicianResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: z.object({ code: TechnicianErrorCode, message: z.string() }) }),
  ]);
export type TechnicianResult<T> = { ok: true; value: T } | { ok: false; error: { code: TechnicianErrorCode; message: string } };

export const UnlockRequest = z.object({ pin: z.string().max(64) });

const isoTime = z.string();
export const UnlockReply = z.discriminatedUnion('result', [
  /** The session lasts until `expiresAt` and is extended by every technician call. */
  z.object({ result: z.literal('ok'), expiresAt: isoTime }),
  z.object({ result: z.literal('wrong'), attemptsLeft: z.number().int().min(0) }),
  z.object({ result: z.literal('locked'), until: isoTime }),
  /** No PIN in the kiosk's configuration: technician mode stays closed (set one with the CLI or the wizard). */
  z.object({ result: z.literal('notSet') }),
]);
export type UnlockReply = z.infer<typeof UnlockReply>;

export const RecentError = z.object({ at: isoTime, event: z.string().nullable(), message: z.string().max(300) });
export type RecentError = z.infer<typeof RecentError>;

const count = z.number().int().min(0);
export const Diagnostics = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  uptimeSeconds: z.number().min(0),
  kioskId: z.string(),
  server: z.object({ url: z.string(), reachable: z.boolean(), latencyMs: z.number().min(0).nullable(), serverVersion: z.string().nullable() }),
  catalogue: z.object({
    lastSyncAt: isoTime.nullable(),
    online: z.boolean(),
    counts: z.object({ procedures: count, agencies: count, fields: count, locations: count }),
  }),
  disk: z.object({ freeBytes: count, totalBytes: count }).nullable(),
  outboxPending: count,
  errors: z.object({ count, recent: z.array(RecentError).max(20) }),
  /** The scanner's and the camera's health as the next heartbeat will report it. */
  devices: z.object({ scanner: DeviceHealth, camera: DeviceHealth }),
  /** The host's voice (eSpeak NG, where the platform has none): the program the kiosk runs, and whether it runs. */
  voice: z.object({ program: z.string(), available: z.boolean() }),
});
export type Diagnostics = z.infer<typeof Diagnostics>;

/** A mounted removable drive the logs can be copied to. */
export const UsbTarget = z.object({ path: z.string(), label: z.string(), freeBytes: count.nullable() });
export type UsbTarget = z.infer<typeof UsbTarget>;

export const LogExport = z.object({ directory: z.string(), files: z.array(z.string()) });
export type LogExport = z.infer<typeof LogExport>;

export const LogTailRequest = z.object({ lines: z.number().int().min(1).max(500).default(100) });

export const TechnicianSettings = z.object({
  idleTimeoutSeconds: z.number().int().min(15).max(3600),
  language: z.enum(['vi', 'en']),
  scannerMode: ScannerMode,
  /** Minutes between catalogue syncs (the configuration's bounds). */
  catalogueSyncMinutes: z.number().int().min(1).max(24 * 60),
  /** The camera to scan with (null: the system's default), as in the setup wizard. */
  cameraDeviceId: z.string().min(1).max(512).nullable(),
});
export type TechnicianSettings = z.infer<typeof TechnicianSettings>;

const empty = z.object({}).strict();
/** Spread into kiosk.ts's invokeChannels. */
export const technicianChannels = {
  'technician:unlock': { request: UnlockRequest, response: UnlockReply },
  'technician:lock': { request: empty, response: z.object({ locked: z.literal(true) }) },
  'technician:diagnostics': { request: empty, response: technicianResult(Diagnostics) },
  'technician:usbTargets': { request: empty, response: technicianResult(z.array(UsbTarget)) },
  'technician:exportLogs': { request: z.object({ target: z.string().max(4096) }), response: technicianResult(LogExport) },
  'technician:logTail': { request: LogTailRequest, response: technicianResult(z.array(z.string())) },
  'technician:settings': { request: empty, response: technicianResult(TechnicianSettings) },
  'technician:updateSettings': { request: TechnicianSettings.partial(), response: technicianResult(TechnicianSettings) },
  /** The app restarts (and an unenrolled kiosk opens the setup wizard): the reply may never arrive. */
  'technician:reenroll': { request: empty, response: technicianResult(z.object({ restarting: z.literal(true) })) },
  'technician:restart': { request: empty, response: technicianResult(z.object({ restarting: z.literal(true) })) },
  'technician:exitToDesktop': { request: empty, response: technicianResult(z.object({ exiting: z.literal(true) })) },
} as const;

type Reply<C extends keyof typeof technicianChannels> = z.infer<(typeof technicianChannels)[C]['response']>;
type Input<C extends keyof typeof technicianChannels> = z.input<(typeof technicianChannels)[C]['request']>;

/** `window.kiosk.technician`. */
export interface TechnicianApi {
  unlock(request: { pin: string }): Promise<UnlockReply>;
  lock(): Promise<Reply<'technician:lock'>>;
  diagnostics(): Promise<Reply<'technician:diagnostics'>>;
  usbTargets(): Promise<Reply<'technician:usbTargets'>>;
  exportLogs(request: { target: string }): Promise<Reply<'technician:exportLogs'>>;
  logTail(request: Input<'technician:logTail'>): Promise<Reply<'technician:logTail'>>;
  settings(): Promise<Reply<'technician:settings'>>;
  updateSettings(request: Partial<TechnicianSettings>): Promise<Reply<'technician:updateSettings'>>;
  reenroll(): Promise<Reply<'technician:reenroll'>>;
  restart(): Promise<Reply<'technician:restart'>>;
  exitToDesktop(): Promise<Reply<'technician:exitToDesktop'>>;
}
