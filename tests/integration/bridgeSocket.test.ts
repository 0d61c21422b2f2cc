/**
 * The web host's bridge socket under a hostile or broken peer, over a real HTTP server and real ws clients: no
 * socket without the page's Origin, a bounded number of calls per socket (a flood on one socket neither queues
 * without bound nor holds up another socket's lookup), and a peer that stops reading its replies stopped and then
 * dropped instead of buffered for without end. The core is a stand-in whose handlers the test holds or sizes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_BUSY, MAX_CALLS_IN_FLIGHT_PER_SOCKET, MAX_CALLS_QUEUED_PER_SOCKET } from '../../shared/contract/webBridge';
import type { InvokeHandlers } from '../../electron/core/dispatch';
import { createLogger } from '../../electron/core/logger';
import { attachBridgeSocket } from '../../electron/web/bridgeSocket';
import { bridgeUpgradeStatus, openBridge, type BridgeReply } from '../support/bridgeClient';

let server: Server;
let hostUrl: string;
let bridge: { close(): void };
/** Lookups running in the stand-in core now, and the most there ever were. */
let running = 0;
let mostRunning = 0;
let releaseLookups: () => void;
let lookupsReleased: Promise<void>;
/** How many facets the stand-in's catalogue:facets answers with: its reply's size. */
let facetCount = 10;

/** The flood's lookups hang until released; any other code is answered at once. */
const FLOOD_CODE = '000.00.06.H56-260302-0001';

const handlers = {
  'dossier:lookup': async ({ code }: { code: string }) => {
    if (code !== FLOOD_CODE) return { ok: false, error: { code: 'NOT_FOUND', message: 'No dossier has this code' } };
    running++;
    mostRunning = Math.max(mostRunning, running);
    await lookupsReleased;
    running--;
    return { ok: false, error: { code: 'NOT_FOUND', message: 'No dossier has this code' } };
  },
  'app:info': async () => ({ version: '1.0.0', host: 'web', demo: true, idleTimeoutSeconds: 60, language: 'vi' }),
  'catalogue:facets': async () => ({
    levels: [],
    fields: [],
    agencies: Array.from({ length: facetCount }, (_, i) => ({ id: `agency-${i}`, name: `Ủy ban nhân dân phường số ${i} của tỉnh`, count: i })),
  }),
} as unknown as InvokeHandlers;

beforeEach(async () => {
  running = 0;
  mostRunning = 0;
  facetCount = 10;
  lookupsReleased = new Promise((resolve) => (releaseLookups = resolve));
  server = createServer((_request, response) => response.writeHead(426).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  hostUrl = `http://127.0.0.1:${port}/`;
  bridge = attachBridgeSocket({
    server,
    core: { handlers, catalogue: null },
    logger: createLogger({ level: 'silent' }),
    ownHost: () => `127.0.0.1:${port}`,
    ownOrigin: () => `http://127.0.0.1:${port}`,
  });
});

afterEach(async () => {
  releaseLookups();
  bridge.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const lookup = { code: FLOOD_CODE };

describe('web host bridge: who may open it', () => {
  it('refuses a socket without Origin with 403, and opens one with the page\'s own', async () => {
    expect(await bridgeUpgradeStatus(hostUrl, {})).toBe(403);
    expect(await bridgeUpgradeStatus(hostUrl, { Origin: new URL(hostUrl).origin })).toBe(101);
  });
});

describe('web host bridge: calls per socket', () => {
  it('runs a few calls of a socket at once, queues a few more in order and refuses the rest with BUSY at once', async () => {
    const flood = await openBridge(hostUrl);
    try {
      const calls = Array.from({ length: 2_000 }, () => flood.call('dossier:lookup', lookup));
      const refused = calls.slice(MAX_CALLS_IN_FLIGHT_PER_SOCKET + MAX_CALLS_QUEUED_PER_SOCKET);
      // The refusals come while the first calls still hang: nothing waits behind them.
      const refusals = await Promise.all(refused);
      expect(refusals.every((reply) => !reply.ok && reply.error.code === BRIDGE_BUSY)).toBe(true);
      expect(running).toBe(MAX_CALLS_IN_FLIGHT_PER_SOCKET);

      // Another socket's lookup (the citizen's page after the flood's) is answered while this one is saturated.
      const citizen = await openBridge(hostUrl);
      try {
        expect(await citizen.call('dossier:lookup', { code: '000.21.30.H56-260105-0042' })).toMatchObject({ ok: true, response: { ok: false, error: { code: 'NOT_FOUND' } } });
      } finally {
        citizen.close();
      }

      releaseLookups();
      const answered = await Promise.all(calls.slice(0, MAX_CALLS_IN_FLIGHT_PER_SOCKET + MAX_CALLS_QUEUED_PER_SOCKET));
      expect(answered.every((reply) => reply.ok)).toBe(true);
      expect(mostRunning).toBe(MAX_CALLS_IN_FLIGHT_PER_SOCKET);
    } finally {
      flood.close();
    }
  });
});

/** A client socket that reads nothing until told to, and counts the replies it then finds. */
async function openNonReadingClient() {
  const socket = new WebSocket(new URL('/bridge', hostUrl.replace('http:', 'ws:')).href, { headers: { Origin: new URL(hostUrl).origin } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let replies = 0;
  socket.on('message', () => replies++);
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  socket.pause();
  return { socket, closed, replies: () => replies };
}

describe('web host bridge: a peer that does not read its replies', () => {
  it('gets every reply once it reads again, however long it paused', async () => {
    facetCount = 1_000; // about 60 KB a reply
    const bridgeClient = await openBridge(hostUrl);
    try {
      bridgeClient.socket.pause();
      const replies = Array.from({ length: MAX_CALLS_IN_FLIGHT_PER_SOCKET + MAX_CALLS_QUEUED_PER_SOCKET }, () => bridgeClient.call('catalogue:facets', {}));
      await new Promise((resolve) => setTimeout(resolve, 300));
      bridgeClient.socket.resume();
      const answered: BridgeReply[] = await Promise.all(replies);
      expect(answered.every((reply) => reply.ok)).toBe(true);
    } finally {
      bridgeClient.close();
    }
  });

  it('stops reading it and closes it past a bound, instead of buffering its replies without end', async () => {
    // Half a megabyte a reply: the operating system's socket buffers (megabytes on loopback) fill, then the host's.
    facetCount = 8_000;
    const client = await openNonReadingClient();
    let sent = 0;
    let isClosed = false;
    void client.closed.then(() => (isClosed = true));
    // Calls keep coming, a few at a time, as a stuck page's would; bounded in count and time.
    const deadline = Date.now() + 20_000;
    while (!isClosed && client.socket.readyState === WebSocket.OPEN && Date.now() < deadline && sent < 5_000) {
      for (let i = 0; i < 8; i++) client.socket.send(JSON.stringify({ id: sent++, channel: 'catalogue:facets', request: {} }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    client.socket.resume();
    const code = await client.closed;
    expect([1001, 1006]).toContain(code);
    // Replies are a half-megabyte each: the ones delivered are those the socket buffers and the host's bound held.
    expect(client.replies()).toBeLessThan(sent);
    // The host serves the next socket as before.
    const next = await openBridge(hostUrl);
    try {
      await vi.waitFor(async () => expect(await next.call('app:info', {})).toMatchObject({ ok: true }));
    } finally {
      next.close();
    }
  });
});
