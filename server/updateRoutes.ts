/**
 * The update files kiosks download (shared/api/updates.ts), served from a directory given at start
 * (`--updates-dir`). Not secret: the same installers a technician downloads; electron-updater checks each file's
 * sha512 from latest*.yml. Range requests are answered, for electron-updater's differential downloads.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { UPDATES_PATH } from '../shared/api/updates';

const prefix = `/${UPDATES_PATH}`;

export function registerUpdateRoutes(app: Hono, { updatesDir }: { updatesDir: string }): void {
  app.use(`${prefix}*`, async (c, next) => {
    await next();
    // latest*.yml names the newest release: a cached copy would hide it.
    if (c.req.path.endsWith('.yml')) c.header('Cache-Control', 'no-cache');
  });
  app.use(`${prefix}*`, serveStatic({ root: updatesDir, rewriteRequestPath: (path) => path.slice(prefix.length - 1) }));
}
