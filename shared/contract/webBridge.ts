/**
 * The web host's bridge: one WebSocket at `/bridge` between the page and the kiosk core, carrying the renderer's
 * calls (one frame each way, matched by `id`) and the events the page subscribed to. A socket rather than an HTTP
 * request per call: once open, a call is one small frame each way, where a browser's fetch costs several process
 * hops and tasks per request (about 6 ms more per call on the kiosk's scan-to-status path, bench/scanToPaint.ts).
 * Frames are JSON text; the channels and their payloads are the contract's (kiosk.ts), checked as before.
 */
import { z } from 'zod';

export const WEB_BRIDGE_PATH = '/bridge';

/** A lookup request is a few hundred bytes; a frame near this is not from our renderer. */
export const MAX_BRIDGE_FRAME_BYTES = 64 * 1024;

const CallId = z.number().int().nonnegative();

/** Page → host. */
export const BridgeRequestFrame = z.union([
  z.object({ id: CallId, channel: z.string(), request: z.unknown().optional() }).strict(),
  /** Events of this channel are sent to this socket from now on, the current state first where there is one. */
  z.object({ subscribe: z.string() }).strict(),
  z.object({ unsubscribe: z.string() }).strict(),
]);
export type BridgeRequestFrame = z.infer<typeof BridgeRequestFrame>;

/**
 * A call the host refused because this socket already has MAX_CALLS_QUEUED_PER_SOCKET calls waiting: a host-level
 * failure code, which the page reports to its caller as UNAVAILABLE (try again shortly).
 */
export const BRIDGE_BUSY = 'BUSY';
/** Calls one socket may have running in the core at once; more wait on that socket, in order. */
export const MAX_CALLS_IN_FLIGHT_PER_SOCKET = 4;
/** Calls that may wait behind those; a call past this is refused with BRIDGE_BUSY. */
export const MAX_CALLS_QUEUED_PER_SOCKET = 16;

export const BridgeFailure = z.object({ code: z.string(), message: z.string() });
export type BridgeFailure = z.infer<typeof BridgeFailure>;

/** Host → page: a call's reply, or an event. */
export const BridgeReplyFrame = z.union([
  z.object({ id: CallId, ok: z.literal(true), response: z.unknown() }),
  z.object({ id: CallId, ok: z.literal(false), error: BridgeFailure }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);
export type BridgeReplyFrame = z.infer<typeof BridgeReplyFrame>;
