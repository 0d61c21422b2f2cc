/**
 * Serves the built renderer from the privileged `app://kiosk` origin, never from file:// (security checklist B1
 * item 18): a real origin for the IPC sender check and the permission table, and a CSP header on every response
 * (item 7).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy';
import type { Logger } from '../core/logger';

export const APP_SCHEME = 'app';
const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const ENTRY_FILE = 'index.html';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(opts: { rendererDir: string; logger: Logger }): void {
  protocol.handle(APP_SCHEME, createRendererResponder(opts));
}

/** Answers `app://kiosk/...` requests with files under `rendererDir` only. */
function createRendererResponder({ rendererDir, logger }: { rendererDir: string; logger: Logger }) {
  const root = resolve(rendererDir);
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return respond(404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405);
    const file = fileInside(root, url.pathname);
    if (file === null) {
      logger.warn({ status: 403 }, 'refused a renderer path outside the renderer directory');
      return respond(403);
    }
    try {
      const found = (await readOptional(file)) ?? (isNavigation(request, url.pathname) ? await readOptional(resolve(root, ENTRY_FILE)) : null);
      if (found === null) return respond(404);
      return respond(200, request.method === 'HEAD' ? null : found.body, found.contentType);
    } catch (error) {
      logger.error({ err: error }, 'could not read a renderer file');
      return respond(500);
    }
  };
}

/**
 * The file a URL path names, or null when the path is malformed or could leave the root: `..` (also encoded as
 * `%2f`), NUL, and backslashes, which are separators on Windows and never appear in the built renderer's names.
 */
function fileInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const target = resolve(root, `.${decoded.endsWith('/') ? `${decoded}${ENTRY_FILE}` : decoded}`);
  const inside = relative(root, target);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

/** Client-side routes have no file extension; only navigations and routes fall back to the entry page. */
function isNavigation(request: Request, pathname: string): boolean {
  return request.headers.get('sec-fetch-mode') === 'navigate' || extname(pathname) === '';
}

async function readOptional(file: string): Promise<{ body: Buffer; contentType: string } | null> {
  try {
    return { body: await readFile(file), contentType: getMimeType(file) ?? 'application/octet-stream' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function respond(status: number, body: Buffer | null = null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
