/**
 * The web host's bridge socket (shared/contract/webBridge.ts): the page's calls handed to the core through
 * dispatchInvoke, as Electron's IPC does, and the events it subscribed to. The upgrade is refused unless it names
 * this host (DNS rebinding) and carries this host's Origin: the kiosk's page always sends it, a page of another site
 * sends its own, and nothing else (the CLI, tests, a local process) has any business on the bridge.
 * A frame that is not the bridge's closes the socket.
 *
 * One socket cannot take more than its share: at most MAX_CALLS_IN_FLIGHT_PER_SOCKET calls run in the core at
 * once, MAX_CALLS_QUEUED_PER_SOCKET more wait in order, and past those a call is refused with BRIDGE_BUSY at once,
 * so a flood of lookups on one socket neither queues without bound nor holds up another socket's lookup. Replies a
 * peer does not read stop the host reading that socket (no new calls) until they drain, and close it past a bound.
 */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  BRIDGE_BUSY,
  BridgeRequestFrame,
  MAX_BRIDGE_FRAME_BYTES,
  MAX_CALLS_IN_FLIGHT_PER_SOCKET,
  MAX_CALLS_QUEUED_PER_SOCKET,
  WEB_BRIDGE_PATH,
  type BridgeReplyFrame,
} from '../../shared/contract/webBridge';
import type { CatalogueService } from '../core/catalogue/catalogueService';
import { dispatchInvoke, type InvokeHandlers } from '../core/dispatch';
import type { Logger } from '../core/logger';
import { parseJson } from '../../shared/text/parseJson';

/**
 * What the host serves: a KioskCore, or in setup mode the setup handlers and no catalogue. Read at each call and
 * subscription, so the kiosk can switch from setup mode to its full core under an open socket.
 */
export interface HostedCore {
  readonly handlers: InvokeHandlers;
  readonly catalogue: Pick<CatalogueService, 'status' | 'onStatus'> | null;
}

export interface BridgeSocketOptions {
  /** The HTTP server whose 'upgrade' requests are the bridge's. */
  server: Pick<EventEmitter, 'on'>;
  core: HostedCore;
  logger: Logger;
  /** The Host header and Origin this host answers to, known once it listens. */
  ownHost: () => string;
  ownOrigin: () => string;
}

/** Policy violation (RFC 6455 7.4.1): the peer sent something that is not a bridge frame. */
const CLOSE_NOT_A_BRIDGE_FRAME = 1008;

/** Replies written and not yet taken by the peer past which the socket is no longer read, and below which it is again. */
export const PAUSE_READING_AT_BYTES = 256 * 1024;
const RESUME_READING_AT_BYTES = 64 * 1024;
/** Past this many bytes of unread replies the peer is not reading at all: the socket is closed and its memory freed. */
export const CLOSE_UNREAD_AT_BYTES = 2 * 1024 * 1024;
/** Going away (RFC 6455 7.4.1), as the host gives up on a peer that does not read. */
const CLOSE_NOT_READING = 1001;

type EventFeed = (send: (payload: unknown) => void) => (() => void) | null;

export function attachBridgeSocket({ server, core, logger, ownHost, ownOrigin }: BridgeSocketOptions): { close(): void } {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_FRAME_BYTES });
  // The events a page can subscribe to here; each sends its current state first, so a page that (re)connects is
  // up to date. Scans are read in the page itself (renderer/bridge/wedgeScanner.ts).
  const eventSources = new Map<string, EventFeed>([
    [
      'catalogue:status',
      (send) => {
        const { catalogue } = core;
        if (!catalogue) return null;
        send(catalogue.status());
        return catalogue.onStatus(send);
      },
    ],
  ]);

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(request);
    if (refusal !== null) {
      logger.warn({ event: 'web.refused', reason: refusal.reason }, 'bridge socket refused');
      socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, serve);
  });

  function upgradeRefusal(request: IncomingMessage): { status: string; reason: string } | null {
    if (request.headers.host !== ownHost()) return { status: '403 Forbidden', reason: 'host' };
    if (request.headers.origin !== ownOrigin()) return { status: '403 Forbidden', reason: request.headers.origin === undefined ? 'no_origin' : 'origin' };
    if (new URL(request.url ?? '/', 'http://host').pathname !== WEB_BRIDGE_PATH) return { status: '404 Not Found', reason: 'path' };
    return null;
  }

  function serve(socket: WebSocket): void {
    const subscriptions = new Map<string, () => void>();
    let unreadBytes = 0;
    let running = 0;
    type Call = { id: number; channel: string; request?: unknown };
    const waiting: Call[] = [];

    const send = (frame: BridgeReplyFrame) => {
      if (socket.readyState !== socket.OPEN) return;
      const text = JSON.stringify(frame);
      const bytes = Buffer.byteLength(text);
      unreadBytes += bytes;
      // The callback runs once the frame is handed to the operating system, i.e. the peer's side has room for it.
      socket.send(text, () => {
        unreadBytes -= bytes;
        if (socket.isPaused && unreadBytes <= RESUME_READING_AT_BYTES) socket.resume();
      });
      if (unreadBytes > CLOSE_UNREAD_AT_BYTES) {
        logger.warn({ event: 'web.refused', reason: 'not_reading', unreadBytes }, 'bridge peer does not read its replies: socket closed');
        socket.close(CLOSE_NOT_READING, 'Replies not read');
        // A peer that does not read will not read a close frame either: its buffers go now.
        setTimeout(() => socket.terminate(), 1_000).unref();
      } else if (unreadBytes > PAUSE_READING_AT_BYTES && !socket.isPaused) socket.pause();
    };

    const run = (call: Call) => {
      running++;
      void dispatchInvoke(core.handlers, call.channel, call.request).then((outcome) => {
        running--;
        if (outcome.ok) send({ id: call.id, ok: true, response: outcome.response });
        else {
          if (outcome.failure) logger.error({ event: 'web.bridge_failed', channel: call.channel, errorName: outcome.failure }, 'bridge handler failed');
          send({ id: call.id, ok: false, error: outcome.error });
        }
        const next = socket.readyState === socket.OPEN ? waiting.shift() : undefined;
        if (next) run(next);
      });
    };

    socket.on('message', (data: RawData, isBinary: boolean) => {
      const frame = isBinary ? null : BridgeRequestFrame.safeParse(parseJson(data.toString()));
      if (!frame?.success) {
        logger.warn({ event: 'web.refused', reason: 'frame' }, 'not a bridge frame: socket closed');
        socket.close(CLOSE_NOT_A_BRIDGE_FRAME, 'Not a bridge frame');
        return;
      }
      const message = frame.data;
      if ('subscribe' in message) {
        if (subscriptions.has(message.subscribe)) return;
        const unsubscribe = eventSources.get(message.subscribe)?.((payload) => send({ event: message.subscribe, payload }));
        if (unsubscribe) subscriptions.set(message.subscribe, unsubscribe);
      } else if ('unsubscribe' in message) {
        subscriptions.get(message.unsubscribe)?.();
        subscriptions.delete(message.unsubscribe);
      } else if (running < MAX_CALLS_IN_FLIGHT_PER_SOCKET) run(message);
      else if (waiting.length < MAX_CALLS_QUEUED_PER_SOCKET) waiting.push(message);
      else send({ id: message.id, ok: false, error: { code: BRIDGE_BUSY, message: 'Too many calls waiting on this socket; try again shortly.' } });
    });
    socket.on('close', () => {
      waiting.length = 0;
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      subscriptions.clear();
    });
    socket.on('error', (error) => logger.warn({ event: 'web.bridge_socket_error', errorName: error.name }, 'bridge socket error'));
  }

  return {
    close() {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
    },
  };
}
