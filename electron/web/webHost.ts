/**
 * The web host: serves the built renderer and the HTTP bridge to the kiosk core on the loopback interface, for
 * machines without Electron (a browser in kiosk mode shows the page). Only pages served by this host may call the
 * bridge: requests naming another host (DNS rebinding) and cross-origin POSTs are refused.
 */
import { isIP } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy';
import { dispatchInvoke } from '../core/dispatch';
import type { CatalogueService } from '../core/catalogue/catalogueService';
import type { InvokeHandlers } from '../core/dispatch';
import type { Logger } from '../core/logger';

/**
 * What the host serves: a KioskCore, or in setup mode the setup handlers and no catalogue. Read at each request,
 * so the kiosk can switch from setup mode to its full core without restarting the server.
 */
export interface HostedCore {
  readonly handlers: InvokeHandlers;
  readonly catalogue: Pick<CatalogueService, 'status' | 'onStatus'> | null;
}

export interface WebHostOptions {
  port: number;
  host?: string;
  core: HostedCore;
  rendererDir: string;
  logger: Logger;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

/** A lookup request is a few hundred bytes; anything near this is not from our renderer. */
const MAX_BRIDGE_BODY_BYTES = 64 * 1024;

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
};

type BridgeError = { code: string; message: string };
const bridgeError = (c: Context, status: 400 | 403 | 404 | 405 | 413 | 500, error: BridgeError) =>
  c.json({ ok: false, error }, status);

export function isLoopbackAddress(host: string): boolean {
  return host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export async function startWebHost({ port, host = '127.0.0.1', core, rendererDir, logger }: WebHostOptions): Promise<WebHost> {
  if (!isLoopbackAddress(host)) throw new Error(`The web host listens on a loopback address only, not ${host}`);
  const app = new Hono();
  // Set once the port is known; requests cannot arrive before that.
  let ownHost = '';
  let ownOrigin = '';

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  });
  app.use(async (c, next) => {
    if (c.req.header('host') !== ownHost) {
      logger.warn({ event: 'web.refused', reason: 'host' }, 'request for a foreign Host refused');
      return bridgeError(c, 403, { code: 'FORBIDDEN', message: 'Unexpected Host header' });
    }
    return next();
  });

  app.post(
    '/bridge/invoke/:channel',
    async (c, next) => {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== ownOrigin) {
        logger.warn({ event: 'web.refused', reason: 'origin' }, 'cross-origin bridge call refused');
        return bridgeError(c, 403, { code: 'FORBIDDEN', message: 'Unexpected Origin' });
      }
      return next();
    },
    bodyLimit({
      maxSize: MAX_BRIDGE_BODY_BYTES,
      onError: (c) => bridgeError(c, 413, { code: 'BAD_REQUEST', message: 'Request body too large' }),
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const text = await c.req.text();
      let payload: unknown;
      try {
        payload = text === '' ? undefined : JSON.parse(text);
      } catch {
        return bridgeError(c, 400, { code: 'BAD_REQUEST', message: 'Request body is not JSON' });
      }
      const channel = c.req.param('channel');
      const outcome = await dispatchInvoke(core.handlers, channel, payload);
      if (outcome.ok) return c.json({ ok: true, response: outcome.response });
      if (outcome.failure) logger.error({ event: 'web.bridge_failed', channel, errorName: outcome.failure }, 'bridge handler failed');
      return bridgeError(c, outcome.status, outcome.error);
    },
  );
  app.all('/bridge/invoke/:channel', (c) => bridgeError(c, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Use POST' }));
  // Events from the core as Server-Sent Events (`event: <channel>`, `data: <JSON payload>`); the current catalogue
  // status first, so a page that (re)connects is up to date. Same Host check as the bridge; a GET carries nothing.
  app.get('/bridge/events', (c) => {
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      const send = (status: unknown) => void stream.writeSSE({ event: 'catalogue:status', data: JSON.stringify(status) });
      const { catalogue } = core;
      if (catalogue) send(catalogue.status());
      const unsubscribe = catalogue?.onStatus(send);
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      unsubscribe?.();
    });
  });
  app.all('/bridge/*', (c) => bridgeError(c, 404, { code: 'UNKNOWN_CHANNEL', message: 'Unknown bridge path' }));

  app.use(serveStatic({ root: rendererDir }));
  // A client-side route reloaded in the browser gets the app; a missing script or image stays a 404.
  app.get('*', async (c, next) => (isNavigation(c) ? next() : c.text('Not found', 404)), serveStatic({ root: rendererDir, path: 'index.html' }));
  app.notFound((c) => c.text('Not found', 404));

  const server = await listen(app, host, port);
  const address = server.address() as AddressInfo;
  const hostForUrl = isIP(host) === 6 ? `[${host}]` : host;
  ownHost = `${hostForUrl}:${address.port}`;
  ownOrigin = `http://${ownHost}`;
  logger.info({ event: 'web.listening', port: address.port }, 'web host listening');
  return { url: `${ownOrigin}/`, close: () => closeServer(server) };
}

function isNavigation(c: Context): boolean {
  const lastSegment = c.req.path.split('/').pop() ?? '';
  if (lastSegment.includes('.')) return false;
  return c.req.header('sec-fetch-mode') === 'navigate' || (c.req.header('accept') ?? '').includes('text/html');
}

function listen(app: Hono, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections from the browser would otherwise hold close() open.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
