/**
 * KioskApi for the web host, which has no preload: calls and events go over one WebSocket to the host
 * (shared/contract/webBridge.ts), opened at the first call and kept open. Replies are checked with the contract's
 * schemas. A dossier lookup never throws: a host that cannot be reached, or drops the socket before it answers,
 * makes UNAVAILABLE, and an unreadable reply BAD_RESPONSE. Events (catalogue status) are subscribed to while anyone
 * listens, and again whenever the socket is reopened.
 */
import type { z } from 'zod';
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
import { BRIDGE_BUSY, BridgeReplyFrame, WEB_BRIDGE_PATH, type BridgeFailure, type BridgeRequestFrame } from '../../shared/contract/webBridge';
import { createHealthReports, SCANNER_HEALTH_AFTER_BURST } from '../../shared/scanner/deviceHealth';
import { listenForWedgeScans } from './wedgeScanner';
import { parseJson } from '../../shared/text/parseJson';

/** Past the core's own 5 s deadline to the central server, so that the core's answer normally wins. */
const bridgeDeadlineMs = 10_000;

/** While someone listens for events, a socket the host dropped is reopened after this long. */
const reconnectDelayMs = 2_000;

type InvokeOutcome<C extends InvokeChannel> =
  | { kind: 'response'; response: InvokeResponse<C> }
  | { kind: 'failed'; error: KioskError };

/** The part of a browser's WebSocket the bridge uses; tests stand in for it. */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type OpenBridgeSocket = (url: string) => BridgeSocket;

/** WebSocket.OPEN and CONNECTING, which a stand-in socket need not define. */
const SOCKET_CONNECTING = 0;
const SOCKET_OPEN = 1;

export function createWebHostKiosk(win: Window, openSocket: OpenBridgeSocket = (url) => new WebSocket(url)): KioskApi {
  const bridge = bridgeConnection(openSocket, bridgeUrl(win.location));
  // The request as the caller gives it (defaults not yet applied): the host fills them in when it validates.
  async function invoke<C extends InvokeChannel>(channel: C, request: z.input<(typeof invokeChannels)[C]['request']>): Promise<InvokeOutcome<C>> {
    const reply = await bridge.call(channel, request);
    if (reply.kind === 'lost') return failed('UNAVAILABLE', 'The kiosk host could not be reached');
    if (reply.kind === 'unreadable') return failed('BAD_RESPONSE', 'Unreadable host reply');
    if (reply.kind === 'failure') {
      // The host had too many of this page's calls waiting: the page's own flood, which passes; try again shortly.
      if (reply.error.code === BRIDGE_BUSY) return failed('UNAVAILABLE', reply.error.message);
      const code = KioskErrorCode.safeParse(reply.error.code);
      // Host-level codes outside the contract (UNKNOWN_CHANNEL) mean the two sides disagree: an internal fault.
      return failed(code.success ? code.data : 'INTERNAL', reply.error.message);
    }
    const response = invokeChannels[channel].response.safeParse(reply.response);
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
    speech: {
      async synthesize(request) {
        const outcome = await invoke('speech:synthesize', request);
        return outcome.kind === 'response' ? outcome.response : { ok: false, reason: 'failed' };
      },
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
      onStatus: (listener) => bridge.subscribe('catalogue:status', listener),
      reportSearchGap: async (request) => void valueOf('catalogue:reportSearchGap', await invoke('catalogue:reportSearchGap', request)),
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

function bridgeUrl(location: Location): string {
  const url = new URL(WEB_BRIDGE_PATH, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

type CallReply =
  | { kind: 'response'; response: unknown }
  | { kind: 'failure'; error: BridgeFailure }
  | { kind: 'lost' }
  | { kind: 'unreadable' };

interface Connection {
  socket: BridgeSocket;
  /** Settles true once open, false if the socket closed before that. */
  opened: Promise<boolean>;
  /** Calls sent on this socket and not answered yet: they fail when it closes. */
  pending: Map<number, (reply: CallReply) => void>;
}

/**
 * The socket to the host, (re)opened on demand. Each call is sent once and waits for its reply, the socket closing
 * or the deadline; an event is delivered to its channel's listeners if it matches the contract, else dropped.
 */
function bridgeConnection(open: OpenBridgeSocket, url: string) {
  let connection: Connection | null = null;
  let nextCallId = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  const subscribers = new Set<{ channel: EventChannel; deliver: (payload: unknown) => void }>();
  const subscribedChannels = () => new Set([...subscribers].map((subscriber) => subscriber.channel));
  const sendFrame = (socket: BridgeSocket, frame: BridgeRequestFrame) => socket.send(JSON.stringify(frame));

  function connect(): Connection {
    const socket = open(url);
    const current: Connection = { socket, opened: Promise.resolve(false), pending: new Map() };
    current.opened = new Promise((settle) => {
      socket.addEventListener('open', () => settle(true));
      socket.addEventListener('close', () => settle(false));
    });
    socket.addEventListener('open', () => {
      for (const channel of subscribedChannels()) sendFrame(socket, { subscribe: channel });
    });
    socket.addEventListener('message', (message) => receive(current, message.data));
    socket.addEventListener('close', () => {
      if (connection === current) connection = null;
      settleAll(current, { kind: 'lost' });
      if (subscribers.size > 0) reconnectTimer ??= setTimeout(reconnect, reconnectDelayMs);
    });
    return current;
  }

  function reconnect(): void {
    reconnectTimer = undefined;
    if (subscribers.size > 0) usable();
  }

  /** The open or opening socket, or a new one. */
  function usable(): Connection {
    const state = connection?.socket.readyState;
    if (connection === null || (state !== SOCKET_OPEN && state !== SOCKET_CONNECTING)) connection = connect();
    return connection;
  }

  function receive(from: Connection, data: unknown): void {
    const frame = typeof data === 'string' ? BridgeReplyFrame.safeParse(parseJson(data)) : null;
    if (!frame?.success) {
      // A host that sends what no call can be matched with is broken: fail what waits on it, start afresh.
      settleAll(from, { kind: 'unreadable' });
      from.socket.close();
      return;
    }
    const message = frame.data;
    if ('event' in message) {
      if (!Object.hasOwn(eventChannels, message.event)) return;
      const channel = message.event as EventChannel;
      const payload = eventChannels[channel].safeParse(message.payload);
      if (!payload.success) return;
      for (const subscriber of subscribers) if (subscriber.channel === channel) subscriber.deliver(payload.data);
      return;
    }
    from.pending.get(message.id)?.(message.ok ? { kind: 'response', response: message.response } : { kind: 'failure', error: message.error });
  }

  function settleAll(from: Connection, reply: CallReply): void {
    const waiting = [...from.pending.values()];
    from.pending.clear();
    for (const settle of waiting) settle(reply);
  }

  return {
    async call(channel: InvokeChannel, request: unknown): Promise<CallReply> {
      const current = usable();
      if (!(await current.opened)) return { kind: 'lost' };
      const id = nextCallId++;
      return new Promise<CallReply>((settle) => {
        const deadline = setTimeout(() => {
          current.pending.delete(id);
          settle({ kind: 'lost' });
        }, bridgeDeadlineMs);
        current.pending.set(id, (reply) => {
          clearTimeout(deadline);
          current.pending.delete(id);
          settle(reply);
        });
        sendFrame(current.socket, { id, channel, request });
      });
    },

    subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
      const isNewChannel = !subscribedChannels().has(channel);
      const subscriber = { channel, deliver: (payload: unknown) => listener(payload as EventPayload<C>) };
      subscribers.add(subscriber);
      const current = usable();
      // An opening socket subscribes to every channel once open.
      if (isNewChannel && current.socket.readyState === SOCKET_OPEN) sendFrame(current.socket, { subscribe: channel });
      return () => {
        subscribers.delete(subscriber);
        if (subscribedChannels().has(channel) || connection?.socket.readyState !== SOCKET_OPEN) return;
        sendFrame(connection.socket, { unsubscribe: channel });
      };
    },
  };
}

/** A technician action the host could not run is the action's own failure, shown on its panel. */
function technicianResult<C extends InvokeChannel>(outcome: InvokeOutcome<C>): InvokeResponse<C> | { ok: false; error: { code: 'FAILED'; message: string } } {
  return outcome.kind === 'response' ? outcome.response : { ok: false, error: { code: 'FAILED', message: outcome.error.message } };
}

function failed(code: KioskErrorCode, message: string): { kind: 'failed'; error: KioskError } {
  return { kind: 'failed', error: { code, message } };
}
