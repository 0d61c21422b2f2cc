// The reference server's limits on connections, request time and headers, over raw sockets on loopback: a capped
// number of connections, half-sent requests dropped, oversized headers and bodies refused honestly, and an upload the
// client abandons not logged as a server error.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/api/gateway';
import { type CentralServerOptions, startCentralServer } from '../../server/centralServer';

const ADMIN_TOKEN = 'limits-admin-token-0123456789';
const running: { close(): Promise<void> }[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.destroy());
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: CentralServerOptions = {}) {
  const log: string[] = [];
  const server = await startCentralServer({ adminToken: ADMIN_TOKEN, log: (line) => log.push(line), ...options });
  running.push(server);
  return { server, log };
}

/** A raw connection: what it received, and whether the server closed it. */
async function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const until = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received: ${received.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  return { socket, received: () => received, closed, isClosed: () => isClosed, until };
}

const health = `GET ${apiPaths.health} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;

describe('connection limits', () => {
  it('accepts at most maxConnections at once and closes the one past it, serving the others', async () => {
    const { server } = await start({ connectionLimits: { maxConnections: 3 } });
    const held = [await open(server.port), await open(server.port), await open(server.port)];
    const extra = await open(server.port);
    await extra.closed;
    expect(extra.received()).toBe('');
    held[0]!.socket.write(health);
    await held[0]!.until(() => held[0]!.received().includes('"status":"ok"'), 'a health reply on a held connection');
    expect(held[0]!.received()).toMatch(/^HTTP\/1\.1 200/);
  });

  it('drops a request whose headers never finish (slowloris) and a connection that sends nothing', async () => {
    const { server } = await start({ connectionLimits: { headersMs: 300, requestMs: 600, idleMs: 500 } });
    const slow = await open(server.port);
    slow.socket.write(`GET ${apiPaths.health} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a`);
    const silent = await open(server.port);
    await slow.until(() => slow.isClosed(), 'the half-sent request to be dropped');
    await silent.until(() => silent.isClosed(), 'the silent connection to be dropped');
    expect(slow.received()).not.toContain('200 OK');
    const fine = await fetch(server.url + apiPaths.health);
    expect(fine.status).toBe(200);
  });

  it('answers headers past maxHeaderBytes with 431 and closes', async () => {
    const { server } = await start({ connectionLimits: { maxHeaderBytes: 4096 } });
    const client = await open(server.port);
    client.socket.write(`GET ${apiPaths.health} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(8192)}\r\n\r\n`);
    await client.until(() => client.isClosed(), 'the connection to close');
    expect(client.received()).toMatch(/^HTTP\/1\.1 431/);
  });
});

describe('oversized and abandoned bodies', () => {
  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE and Connection: close, then closes; a new connection works', async () => {
    const { server } = await start();
    const client = await open(server.port);
    const body = 'x'.repeat(300 * 1024);
    // Announced as a chunked stream: the server learns the size only by reading past its limit.
    client.socket.write(`POST ${apiPaths.adminDossiers} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`);
    client.socket.write(`${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
    await client.until(() => client.isClosed(), 'the connection to close after the 413');
    expect(client.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(client.received().toLowerCase()).toContain('connection: close');
    expect(client.received()).toContain('PAYLOAD_TOO_LARGE');
    expect((await fetch(server.url + apiPaths.health)).status).toBe(200);
  });

  it('refuses a declared Content-Length past the limit at once, with Connection: close', async () => {
    const { server } = await start();
    const client = await open(server.port);
    client.socket.write(`POST ${apiPaths.adminDossiers} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`);
    await client.until(() => client.received().includes('PAYLOAD_TOO_LARGE'), 'the 413');
    expect(client.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(client.received().toLowerCase()).toContain('connection: close');
  });

  it('does not log an upload the client abandons as a server error', async () => {
    const { server, log } = await start();
    const client = await open(server.port);
    client.socket.write(`POST ${apiPaths.adminDossiers} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: 5000\r\n\r\n{"procedure":`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.socket.destroy();
    const deadline = Date.now() + 5000;
    while (!log.some((line) => line.startsWith('POST ')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.filter((line) => line.startsWith('POST '))).toEqual(['POST /api/v1/admin/dossiers 400']);
    expect(log.some((line) => line.startsWith('error'))).toBe(false);
    expect((await fetch(server.url + apiPaths.health)).status).toBe(200);
  });
});
