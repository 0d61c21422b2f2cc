/**
 * KioskApi for the web host, which has no preload: every call is `POST /bridge/invoke/<channel>` on the page's own
 * origin. The host replies `{ ok: true, response }` or `{ ok: false, error: { code, message } }`; the response is
 * checked with the contract's schema. A dossier lookup never throws: an unreachable host becomes UNAVAILABLE and
 * an unreadable reply BAD_RESPONSE.
 */
import { z } from 'zod';
import {
  invokeChannels,
  KioskErrorCode,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type KioskApi,
  type KioskError,
} from '../../shared/contract/kiosk';
import { listenForWedgeScans } from './wedgeScanner';

/** Past the core's own 5 s deadline to the central server, so that the core's answer normally wins. */
const bridgeDeadlineMs = 10_000;

const HostReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), response: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

type InvokeOutcome<C extends InvokeChannel> =
  | { kind: 'response'; response: InvokeResponse<C> }
  | { kind: 'failed'; error: KioskError };

export function createHttpKiosk(win: Window, fetchImpl: typeof fetch = win.fetch.bind(win)): KioskApi {
  async function invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeOutcome<C>> {
    let reply: Response;
    try {
      reply = await fetchImpl(`/bridge/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(bridgeDeadlineMs),
      });
    } catch {
      return failed('UNAVAILABLE', 'The kiosk host could not be reached');
    }
    const body = HostReply.safeParse(await reply.json().catch(() => undefined));
    if (!body.success) {
      // A proxy's error page in front of a host that is down is not a bad reply from the host.
      return reply.status >= 500
        ? failed('UNAVAILABLE', `Host answered ${reply.status}`)
        : failed('BAD_RESPONSE', 'Unreadable host reply');
    }
    if (!body.data.ok) {
      const code = KioskErrorCode.safeParse(body.data.error.code);
      // Host-level codes outside the contract (UNKNOWN_CHANNEL) mean the two sides disagree: an internal fault.
      return failed(code.success ? code.data : 'INTERNAL', body.data.error.message);
    }
    const response = invokeChannels[channel].response.safeParse(body.data.response);
    if (!response.success) return failed('BAD_RESPONSE', 'Host reply does not match the contract');
    return { kind: 'response', response: response.data as InvokeResponse<C> };
  }

  return {
    dossier: {
      async lookup(request) {
        const outcome = await invoke('dossier:lookup', request);
        return outcome.kind === 'response' ? outcome.response : { ok: false, error: outcome.error };
      },
    },
    app: {
      async info() {
        const outcome = await invoke('app:info', {});
        if (outcome.kind === 'failed') throw new Error(`app:info failed: ${outcome.error.code}`);
        return outcome.response;
      },
    },
    scanner: {
      onScan: (listener) => listenForWedgeScans(win, listener),
    },
  };
}

function failed(code: KioskErrorCode, message: string): { kind: 'failed'; error: KioskError } {
  return { kind: 'failed', error: { code, message } };
}
