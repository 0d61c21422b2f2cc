import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applySecurityPolicy } from '../../electron/main/security';
import { FakeSession, FakeWebContents, app, fakeEvent, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';

vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron));

let contents: FakeWebContents;
let session: FakeSession;
let log: ReturnType<typeof memoryLogger>;

beforeEach(() => {
  resetFakeElectron();
  log = memoryLogger();
  applySecurityPolicy({ appOrigin: 'app://kiosk', logger: log.logger });
  session = new FakeSession();
  contents = new FakeWebContents(session);
  app.emit('web-contents-created', fakeEvent(), contents);
});

const citizenUrl = 'https://dichvucong.example.vn/tra-cuu?SGT=001099012345&MHS=000.00.06.H56-231027-0361';

function navigate(eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
  const event = fakeEvent({ url });
  contents.emit(eventName, event, url);
  return event.defaultPrevented;
}

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
function requestPermission(permission: string, details: object): boolean {
  let granted: boolean | undefined;
  (session.permissionRequestHandler as unknown as RequestHandler)(contents, permission, (value) => (granted = value), details);
  if (granted === undefined) throw new Error('the request handler never answered');
  return granted;
}

type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
function checkPermission(permission: string, origin: string, details: object): boolean {
  return (session.permissionCheckHandler as unknown as CheckHandler)(contents, permission, origin, details);
}

const fromApp = { isMainFrame: true, requestingUrl: 'app://kiosk/index.html' };

describe('navigation and windows', () => {
  it.each([
    ['will-navigate', 'https://evil.example/'],
    ['will-navigate', 'file:///etc/passwd'],
    ['will-navigate', 'app://kiosk.evil.example/index.html'],
    ['will-navigate', 'app://kiosk@evil.example/index.html'],
    ['will-navigate', 'data:text/html,<h1>hi</h1>'],
    ['will-redirect', 'https://evil.example/'],
  ] as const)('%s to %s is prevented', (eventName, url) => {
    expect(navigate(eventName, url)).toBe(true);
  });

  it('navigation within the app origin is allowed', () => {
    expect(navigate('will-navigate', 'app://kiosk/index.html')).toBe(false);
    expect(navigate('will-redirect', 'app://kiosk/lookup')).toBe(false);
  });

  it('logs a blocked navigation by origin only, never its path or query', () => {
    navigate('will-navigate', citizenUrl);
    expect(log.text()).toContain('https://dichvucong.example.vn');
    expect(log.text()).not.toContain('001099012345');
    expect(log.text()).not.toContain('H56-231027');
  });

  it('denies window.open for any URL, the app origin included', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('never lets a beforeunload handler block a reload or quitting', () => {
    const event = fakeEvent();
    contents.emit('will-prevent-unload', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('prevents attaching a webview', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('prevents downloads', () => {
    const event = fakeEvent();
    session.emit('will-download', event, { getURL: () => citizenUrl }, contents);
    expect(event.defaultPrevented).toBe(true);
    expect(log.text()).not.toContain('001099012345');
  });
});

describe('permissions', () => {
  it('allows the camera (video only) to the app main frame', () => {
    expect(requestPermission('media', { ...fromApp, mediaTypes: ['video'] })).toBe(true);
  });

  it.each([
    ['the microphone', 'media', { ...fromApp, mediaTypes: ['audio'] }],
    ['camera with microphone', 'media', { ...fromApp, mediaTypes: ['video', 'audio'] }],
    ['media without types', 'media', fromApp],
    ['the camera for another origin', 'media', { isMainFrame: true, requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }],
    ['the camera for a sub-frame', 'media', { isMainFrame: false, requestingUrl: 'app://kiosk/frame.html', mediaTypes: ['video'] }],
    ['geolocation', 'geolocation', fromApp],
    ['notifications', 'notifications', fromApp],
    ['screen capture', 'display-capture', { ...fromApp, mediaTypes: ['video'] }],
    ['opening external links', 'openExternal', { ...fromApp, externalURL: 'https://evil.example/' }],
  ])('denies %s', (_name, permission, details) => {
    expect(requestPermission(permission, details)).toBe(false);
  });

  it('logs each request decision', () => {
    requestPermission('media', { ...fromApp, mediaTypes: ['video'] });
    requestPermission('geolocation', fromApp);
    const decisions = log.entries().filter((entry) => entry.msg === 'permission request');
    expect(decisions.map((entry) => [entry.permission, entry.allowed])).toEqual([
      ['media', true],
      ['geolocation', false],
    ]);
  });

  it('answers permission checks the same way, so cameras are listed with their labels', () => {
    expect(checkPermission('media', 'app://kiosk', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(checkPermission('media', 'app://kiosk', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(checkPermission('media', 'https://evil.example', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(checkPermission('geolocation', 'app://kiosk', { isMainFrame: true })).toBe(false);
  });

  it.each(['hid', 'serial', 'usb'])('denies %s devices', (deviceType) => {
    const handler = session.devicePermissionHandler as unknown as (details: object) => boolean;
    expect(handler({ deviceType, origin: 'app://kiosk', device: {} })).toBe(false);
  });

  it('applies the same table to a web contents with a session of its own', () => {
    const otherSession = new FakeSession();
    app.emit('web-contents-created', fakeEvent(), new FakeWebContents(otherSession));
    let granted: boolean | undefined;
    (otherSession.permissionRequestHandler as unknown as RequestHandler)(contents, 'geolocation', (value) => (granted = value), fromApp);
    expect(granted).toBe(false);
  });
});
