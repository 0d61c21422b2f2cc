/**
 * The web host: serves the built renderer and the bridge to the kiosk core (a WebSocket, shared/contract/webBridge.ts)
 * on the loopback interface, for machines without Electron (a browser in kiosk mode shows the page). Only pages
 * served by this host may use the bridge: requests naming another host (DNS rebinding) and sockets opened from
 * another origin are refused.
 */
import { isIP } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { WEB_BRIDGE_PATH } from '../../shared/contract/webBridge';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy';
import type { Logger } from '../core/logger';
import { attachBridgeSocket, type HostedCore } from './bridgeSocket';

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
const bridgeError = (c: Context, status: 403 | 404 | 426, error: BridgeError) =>
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

  // The bridge is a WebSocket (the server's 'upgrade' below); a plain request there is a mistake.
  app.all(WEB_BRIDGE_PATH, (c) => bridgeError(c, 426, { code: 'UPGRADE_REQUIRED', message: 'The bridge is a WebSocket' }));
  app.all(`${WEB_BRIDGE_PATH}/*`, (c) => bridgeError(c, 404, { code: 'NOT_FOUND', message: 'Unknown bridge path' }));

  app.use(serveStatic({ root: rendererDir }));
  // A client-side route reloaded in the browser gets the app; a missing script or image stays a 404.
  app.get('*', async (c, next) => (isNavigation(c) ? next() : c.text('Not found', 404)), serveStatic({ root: rendererDir, path: 'index.html' }));
  app.notFound((c) => c.text('Not found', 404));

  const server = await listen(app, host, port);
  const bridge = attachBridgeSocket({ server, core, logger, ownHost: () => ownHost, ownOrigin: () => ownOrigin });
  const address = server.address() as AddressInfo;
  const hostForUrl = isIP(host) === 6 ? `[${host}]` : host;
  ownHost = `${hostForUrl}:${address.port}`;
  ownOrigin = `http://${ownHost}`;
  logger.info({ event: 'web.listening', port: address.port }, 'web host listening');
  return {
    url: `${ownOrigin}/`,
    close: () => {
      bridge.close();
      return closeServer(server);
    },
  };
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
