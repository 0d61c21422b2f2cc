/**
 * KioskApi for the web host, which has no preload: every call is `POST /bridge/invoke/<channel>` on the page's own
 * origin. The host replies `{ ok: true, response }` or `{ ok: false, error: { code, message } }`; the response is
 * checked with the contract's schema. A dossier lookup never throws: an unreachable host becomes UNAVAILABLE and
 * an unreadable reply BAD_RESPONSE. Pushed events (catalogue status) arrive over one EventSource on
 * `/bridge/events`, opened while anyone listens.
 */
import { z } from 'zod';
import {
  eventChannels,
  invokeChannels,
  KioskErrorCode,
  type InvokeChannel,
  type InvokeResponse,
  type KioskApi,
  type EventChannel,
  type EventPayload,
  type KioskError,
} from '../../shared/contract/kiosk';
import { createHealthReports, SCANNER_HEALTH_AFTER_BURST } from '../../shared/scanner/deviceHealth';
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

/** The part of a browser's EventSource the bridge uses; tests stand in for it. */
export interface HostEventStream {
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}
export type OpenEventStream = (url: string) => HostEventStream;

export function createHttpKiosk(
  win: Window,
  fetchImpl: typeof fetch = win.fetch.bind(win),
  openEventStream: OpenEventStream = (url) => new EventSource(url),
): KioskApi {
  const events = hostEvents(openEventStream);
  // The request as the caller gives it (defaults not yet applied): the host fills them in when it validates.
  async function invoke<C extends InvokeChannel>(channel: C, request: z.input<(typeof invokeChannels)[C]['request']>): Promise<InvokeOutcome<C>> {
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
  const reportHealth = async (request: z.input<(typeof invokeChannels)['device:health']['request']>) =>
    void valueOf('device:health', await invoke('device:health', request));
  // The wedge decoding runs here in the web host, so the scanner's health is reported from here too.
  const scannerHealth = createHealthReports(reportHealth);

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
      presence: async (request) => void valueOf('app:presence', await invoke('app:presence', request)),
    },
    device: {
      health: reportHealth,
    },
    scanner: {
      onScan: (listener) =>
        listenForWedgeScans(win, { scan: listener, burst: () => scannerHealth.report({ device: 'scanner', health: SCANNER_HEALTH_AFTER_BURST }) }),
      settings: async () => valueOf('scanner:settings', await invoke('scanner:settings', {})),
    },
    catalogue: {
      search: async (request) => valueOf('catalogue:search', await invoke('catalogue:search', request)),
      facets: async (request) => valueOf('catalogue:facets', await invoke('catalogue:facets', request)),
      async procedure(request) {
        const outcome = await invoke('catalogue:procedure', request);
        return outcome.kind === 'response' ? outcome.response : { ok: false, error: outcome.error };
      },
      status: async () => valueOf('catalogue:status', await invoke('catalogue:status', {})),
      syncNow: async () => valueOf('catalogue:syncNow', await invoke('catalogue:syncNow', {})),
      onStatus: (listener) => events.subscribe('catalogue:status', listener),
    },
    feedback: {
      async submit(request) {
        const outcome = await invoke('feedback:submit', request);
        return outcome.kind === 'response' ? outcome.response : { ok: false, error: outcome.error };
      },
    },
    technician: {
      unlock: async (request) => valueOf('technician:unlock', await invoke('technician:unlock', request)),
      lock: async () => valueOf('technician:lock', await invoke('technician:lock', {})),
      diagnostics: async () => technicianResult(await invoke('technician:diagnostics', {})),
      usbTargets: async () => technicianResult(await invoke('technician:usbTargets', {})),
      exportLogs: async (request) => technicianResult(await invoke('technician:exportLogs', request)),
      logTail: async (request) => technicianResult(await invoke('technician:logTail', request)),
      settings: async () => technicianResult(await invoke('technician:settings', {})),
      updateSettings: async (request) => technicianResult(await invoke('technician:updateSettings', request)),
      reenroll: async () => technicianResult(await invoke('technician:reenroll', {})),
      restart: async () => technicianResult(await invoke('technician:restart', {})),
      exitToDesktop: async () => technicianResult(await invoke('technician:exitToDesktop', {})),
    },
    stats: {
      onTime: async (request) => valueOf('stats:onTime', await invoke('stats:onTime', request)),
    },
    setup: {
      state: async () => valueOf('setup:state', await invoke('setup:state', {})),
      checkServer: async (request) => valueOf('setup:checkServer', await invoke('setup:checkServer', request)),
      locations: async (request) => valueOf('setup:locations', await invoke('setup:locations', request)),
      enroll: async (request) => valueOf('setup:enroll', await invoke('setup:enroll', request)),
      complete: async (request) => valueOf('setup:complete', await invoke('setup:complete', request)),
      onProvisioningScan: (listener) => listenForWedgeScans(win, { provisioning: listener }),
    },
  };
}

/** Calls whose contract has no error branch reject on failure; the screens show their own load error. */
function valueOf<C extends InvokeChannel>(channel: C, outcome: InvokeOutcome<C>): InvokeResponse<C> {
  if (outcome.kind === 'failed') throw new Error(`${channel} failed: ${outcome.error.code}`);
  return outcome.response;
}

/** One stream for all subscribers, closed when the last one leaves; a payload off the contract is dropped. */
function hostEvents(open: OpenEventStream) {
  let stream: HostEventStream | null = null;
  const subscribers = new Set<{ channel: EventChannel; deliver: (payload: unknown) => void }>();
  const onMessage = (channel: EventChannel) => (message: Event) => {
    const parsed = eventChannels[channel].safeParse(parseJson((message as MessageEvent<string>).data));
    if (!parsed.success) return;
    for (const subscriber of subscribers) if (subscriber.channel === channel) subscriber.deliver(parsed.data);
  };
  const handlers = new Map<EventChannel, (message: Event) => void>();
  return {
    subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
      stream ??= open('/bridge/events');
      if (!handlers.has(channel)) {
        const handler = onMessage(channel);
        handlers.set(channel, handler);
        stream.addEventListener(channel, handler);
      }
      const subscriber = { channel, deliver: (payload: unknown) => listener(payload as EventPayload<C>) };
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size > 0 || stream === null) return;
        stream.close();
        stream = null;
        handlers.clear();
      };
    },
  };
}

/** A technician action the host could not run is the action's own failure, shown on its panel. */
function technicianResult<C extends InvokeChannel>(outcome: InvokeOutcome<C>): InvokeResponse<C> | { ok: false; error: { code: 'FAILED'; message: string } } {
  return outcome.kind === 'response' ? outcome.response : { ok: false, error: { code: 'FAILED', message: outcome.error.message } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failed(code: KioskErrorCode, message: string): { kind: 'failed'; error: KioskError } {
  return { kind: 'failed', error: { code, message } };
}
