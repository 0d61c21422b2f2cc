/**
 * The web host's bridge socket (shared/contract/webBridge.ts) from a test, without a page: calls answered by id,
 * events collected, and the raw socket for frames no page would send. Host and Origin can be set to anything a
 * hostile page or process would send.
 */
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { WEB_BRIDGE_PATH } from '../../shared/contract/webBridge';

/** A call's reply as the host sends it, without its id. */
export type BridgeReply = { ok: true; response?: unknown } | { ok: false; error: { code: string; message: string } };

export interface BridgeClient {
  call(channel: string, request?: unknown): Promise<BridgeReply>;
  /** Events received so far, in order. */
  events: { event: string; payload: unknown }[];
  socket: WebSocket;
  /** Settles with the close code once the socket is closed, by either side. */
  closed: Promise<number>;
  close(): void;
}

export function bridgeUrl(hostUrl: string): string {
  const url = new URL(WEB_BRIDGE_PATH, hostUrl);
  url.protocol = 'ws:';
  return url.href;
}

/** Opens the bridge as the host's own page would (its Origin), unless `headers` says otherwise. */
export async function openBridge(hostUrl: string, headers: Record<string, string> = { Origin: new URL(hostUrl).origin }): Promise<BridgeClient> {
  const socket = new WebSocket(bridgeUrl(hostUrl), { headers });
  const waiting = new Map<number, (reply: BridgeReply) => void>();
  const events: BridgeClient['events'] = [];
  let nextId = 1;
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { id?: number; event?: string; payload?: unknown } & BridgeReply;
    if (frame.event !== undefined) return void events.push({ event: frame.event, payload: frame.payload });
    const { id, ...reply } = frame;
    waiting.get(id!)?.(reply as BridgeReply);
    waiting.delete(id!);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    call: (channel, request) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, channel, request }));
      }),
    events,
    socket,
    closed,
    close: () => socket.close(),
  };
}

/** One call on a socket of its own, for tests that make a few. */
export async function callBridge(hostUrl: string, channel: string, request?: unknown): Promise<BridgeReply> {
  const bridge = await openBridge(hostUrl);
  try {
    return await bridge.call(channel, request);
  } finally {
    bridge.close();
  }
}

/** The HTTP status the host answers an attempt to open the bridge with: 101 when it opens. */
export function bridgeUpgradeStatus(hostUrl: string, headers: Record<string, string>, path = WEB_BRIDGE_PATH): Promise<number> {
  const url = new URL(path, bridgeUrl(hostUrl));
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.href, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => (socket.readyState === socket.CLOSED ? undefined : reject(error)));
  });
}

/** Whether a frame a page sent on the bridge is a call on `channel`. */
export function isBridgeCall(frame: string | Buffer, channel: string): boolean {
  try {
    return (JSON.parse(frame.toString()) as { channel?: unknown }).channel === channel;
  } catch {
    return false;
  }
}

/** Counts the calls on `channel` that `page` makes over its bridge sockets; to be set up before the page opens one. */
export function countBridgeCalls(page: Page, channel: string): () => number {
  let calls = 0;
  page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => void (isBridgeCall(payload, channel) && calls++)));
  return () => calls;
}
