/**
 * The web host's bridge socket (shared/contract/webBridge.ts): the page's calls handed to the core through
 * dispatchInvoke, as Electron's IPC does, and the events it subscribed to. The upgrade is refused unless it names
 * this host (DNS rebinding) and, when it carries an Origin (a browser always does), this host's origin: a page of
 * another site must not drive the kiosk. A frame that is not the bridge's closes the socket.
 */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BridgeRequestFrame, MAX_BRIDGE_FRAME_BYTES, WEB_BRIDGE_PATH, type BridgeReplyFrame } from '../../shared/contract/webBridge';
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
    const { origin } = request.headers;
    if (origin !== undefined && origin !== ownOrigin()) return { status: '403 Forbidden', reason: 'origin' };
    if (new URL(request.url ?? '/', 'http://host').pathname !== WEB_BRIDGE_PATH) return { status: '404 Not Found', reason: 'path' };
    return null;
  }

  function serve(socket: WebSocket): void {
    const subscriptions = new Map<string, () => void>();
    const send = (frame: BridgeReplyFrame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
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
      } else {
        void dispatchInvoke(core.handlers, message.channel, message.request).then((outcome) => {
          if (outcome.ok) return send({ id: message.id, ok: true, response: outcome.response });
          if (outcome.failure) logger.error({ event: 'web.bridge_failed', channel: message.channel, errorName: outcome.failure }, 'bridge handler failed');
          send({ id: message.id, ok: false, error: outcome.error });
        });
      }
    });
    socket.on('close', () => {
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
