/**
 * Guards every web contents and every session the app creates (cawa-93's per-rule security modules, one place
 * here). Each rule names the item of the Electron security checklist it implements (style research, section B1),
 * and each decision is logged with origins and permission names only, never a URL path or query, which could carry
 * a dossier code or an ID number.
 */
import { app, type PermissionRequest, type MediaAccessPermissionRequest, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/logger';
import { isSameOrigin, originOf } from './origin';

export function applySecurityPolicy({ appOrigin, logger }: { appOrigin: string; logger: Logger }): void {
  const hardenedSessions = new WeakSet<Session>();
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appOrigin, logger);
    if (!hardenedSessions.has(contents.session)) {
      hardenedSessions.add(contents.session);
      hardenSession(contents.session, appOrigin, logger);
    }
  });
}

function guardWebContents(contents: WebContents, appOrigin: string, logger: Logger): void {
  // Item 13: no navigation away from the app; parsed origins are compared, never string prefixes.
  const keepInApp = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isSameOrigin(event.url, appOrigin)) return;
    event.preventDefault();
    logger.warn({ kind, target: originOf(event.url) }, 'blocked navigation away from the app');
  };
  contents.on('will-navigate', (event) => keepInApp(event, 'navigate'));
  contents.on('will-redirect', (event) => keepInApp(event, 'redirect'));
  // Item 14: no new windows, whatever the target.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn({ target: originOf(url) }, 'blocked a new window');
    return { action: 'deny' };
  });
  // A page's beforeunload handler never keeps the kiosk from reloading (recovery) or quitting (updates).
  contents.on('will-prevent-unload', (event) => {
    event.preventDefault();
    logger.warn('ignored a beforeunload that would have blocked unloading');
  });
  // Items 11-12: no <webview>, even if webviewTag were turned back on.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a webview');
  });
}

function hardenSession(session: Session, appOrigin: string, logger: Logger): void {
  // Item 5 and the kiosk permission table (B3): the camera (video only) for the app's own page, nothing else.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = mediaTypesOf(details);
    const allowed =
      permission === 'media' &&
      mediaTypes.length === 1 &&
      mediaTypes[0] === 'video' &&
      details.isMainFrame &&
      isSameOrigin(details.requestingUrl, appOrigin);
    logger.info({ permission, mediaTypes, origin: originOf(details.requestingUrl), allowed }, 'permission request');
    callback(allowed);
  });
  // The matching check, so enumerateDevices lists cameras with their labels (electron/electron#42713).
  // Checks run on every device enumeration, hence debug level.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const allowed = permission === 'media' && details.mediaType === 'video' && originOf(requestingOrigin) === appOrigin;
    logger.debug({ permission, mediaType: details.mediaType, origin: originOf(requestingOrigin), allowed }, 'permission check');
    return allowed;
  });
  // B3: no WebHID, Web Serial or WebUSB; the scanner is a keyboard wedge or the camera.
  session.setDevicePermissionHandler((details) => {
    logger.info({ deviceType: details.deviceType, origin: originOf(details.origin), allowed: false }, 'device permission');
    return false;
  });
  // B3 (nothing leaves the kiosk's screen): no downloads.
  session.on('will-download', (event, item) => {
    event.preventDefault();
    logger.warn({ source: originOf(item.getURL()) }, 'blocked a download');
  });
}

function mediaTypesOf(details: PermissionRequest | MediaAccessPermissionRequest): string[] {
  return 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
}
