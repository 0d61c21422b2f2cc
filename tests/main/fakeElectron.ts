/**
 * The `electron` module replaced at its boundary (the binary cannot run under plain Node): small fakes that record
 * what the host hands them and let a test emit the events Electron would. Use with
 * `vi.mock('electron', () => import('./fakeElectron').then((fake) => fake.electron))` and `resetFakeElectron()`.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent } from 'electron';

/** An Electron event object: records preventDefault. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type Handler = (...args: never[]) => unknown;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler | null) {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = new FakeWebFrame('app://kiosk/index.html');
  destroyed = false;
  constructor(public session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  devToolsClosed = 0;
  closeDevTools() {
    this.devToolsClosed += 1;
  }
  visualZoomLevelLimits: [number, number] | null = null;
  setVisualZoomLevelLimits(minimum: number, maximum: number) {
    this.visualZoomLevelLimits = [minimum, maximum];
    return Promise.resolve();
  }
  zoomLevel = 0;
  setZoomLevel(level: number) {
    this.zoomLevel = level;
  }
  /** Like Electron, the renderer's death is reported by 'render-process-gone'. */
  forcefullyCrashRenderer() {
    this.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 9 });
  }
}

class FakeApp extends EventEmitter {
  sandboxEnabled = false;
  quitCalls = 0;
  singleInstanceLock = true;
  readonly calls: string[] = [];
  enableSandbox() {
    this.calls.push('enableSandbox');
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLock;
  }
  /** Set before the main entry runs for tests that go past ready; by default it never becomes ready. */
  readyOnStart = false;
  whenReady() {
    this.calls.push('whenReady');
    // Never ready unless asked: tests of the composition look at what happens before ready.
    return this.readyOnStart ? Promise.resolve() : new Promise<void>(() => {});
  }
  isPackaged = false;
  userDataDir = '/nonexistent/userData';
  getPath(_name: 'userData') {
    return this.userDataDir;
  }
  getVersion() {
    return '0.1.0';
  }
  readonly exitCodes: number[] = [];
  exit(code = 0) {
    this.exitCodes.push(code);
  }
  quit() {
    this.quitCalls += 1;
  }
}

export const defaultSession = new FakeSession();
export const app = new FakeApp();

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents(defaultSession);
  loadedUrl: string | null = null;
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  readonly loadedUrls: string[] = [];
  destroyed = false;
  loadURL(url: string) {
    this.loadedUrl = url;
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.shown = true;
  }
}

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    app.calls.push('registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const Menu = {
  applicationMenu: undefined as unknown,
  setApplicationMenu(menu: unknown) {
    this.applicationMenu = menu;
  },
};

type InvokeListener = Parameters<IpcMain['handle']>[1];

export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle(channel: string, listener: InvokeListener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
};

/** By default an invoke reaches the registered ipcMain handler from the app's main frame, as Electron would. */
class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  async invoke(channel: string, ...args: unknown[]) {
    this.invocations.push({ channel, args });
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const mainFrame = new FakeWebFrame('app://kiosk/index.html');
    try {
      return await handler({ sender: { mainFrame }, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent, ...args);
    } catch (error) {
      // Electron keeps only the message, wrapped like this.
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

/** A Linux desktop without a keyring (the common kiosk case): the plain-text backend, so no encryption on offer. */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (text: string) => Buffer.from(text),
  decryptString: (data: Buffer) => data.toString(),
};

export const electron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  contextBridge,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  safeStorage,
  session: { defaultSession },
};

/**
 * The Electron entry guards the real process against uncaught errors: note the process's listeners before a test
 * starts the entry, and call the returned function after it to give the test runner its process back.
 */
export function keepProcessListeners(): () => void {
  const exceptions = new Set(process.listeners('uncaughtException'));
  const rejections = new Set(process.listeners('unhandledRejection'));
  return () => {
    for (const listener of process.listeners('uncaughtException')) if (!exceptions.has(listener)) process.removeListener('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!rejections.has(listener)) process.removeListener('unhandledRejection', listener);
  };
}

export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.calls.length = 0;
  app.quitCalls = 0;
  app.singleInstanceLock = true;
  app.sandboxEnabled = false;
  app.readyOnStart = false;
  app.isPackaged = false;
  app.userDataDir = '/nonexistent/userData';
  app.exitCodes.length = 0;
  defaultSession.removeAllListeners();
  defaultSession.permissionRequestHandler = null;
  defaultSession.permissionCheckHandler = null;
  defaultSession.devicePermissionHandler = null;
  FakeBrowserWindow.created.length = 0;
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  Menu.applicationMenu = undefined;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  contextBridge.exposed.clear();
}
