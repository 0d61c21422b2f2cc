/**
 * The web host's end of the bridge socket, played by a test: it sees each frame the page sends and answers calls
 * with what the test says, as the host's bridgeSocket.ts would (a frame object, raw text, or nothing at all).
 */
import { vi } from 'vitest';
import type { BridgeSocket, OpenBridgeSocket } from '../../renderer/bridge/webHostKiosk';

export interface BridgeCall {
  id: number;
  channel: string;
  request?: unknown;
}

/** What the host does with a call: a reply frame's body (the id is added), raw text, silence, or dropping the socket. */
export type HostAnswer = { ok: true; response: unknown } | { ok: false; error: { code: string; message: string } } | { raw: string } | 'silence' | 'drop';

export interface FakeBridgeHost {
  open: ReturnType<typeof vi.fn<OpenBridgeSocket>>;
  /** Every frame the page sent, on any socket, in order. */
  frames: unknown[];
  calls(channel?: string): BridgeCall[];
  /** Sends an event (or raw text) on the open socket. */
  push(frame: unknown): void;
  /** Closes the open socket from the host's side. */
  drop(): void;
  /** Sockets opened from now on are refused (as when the host is down), or accepted again. */
  refuse(refused: boolean): void;
}

export function fakeBridgeHost(answer: (call: BridgeCall) => HostAnswer = () => ({ ok: true, response: {} })): FakeBridgeHost {
  const frames: unknown[] = [];
  let refused = false;
  let current: FakeSocket | null = null;

  class FakeSocket implements BridgeSocket {
    readyState = 0;
    private readonly listeners = new Map<string, ((event: { data: unknown }) => void)[]>();

    constructor() {
      // A socket opens (or is refused) after the page's current task, as a browser's does.
      setTimeout(() => {
        if (refused) return this.closeNow();
        this.readyState = 1;
        this.fire('open', undefined);
      });
    }

    addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }

    send(data: string): void {
      if (this.readyState !== 1) throw new Error('send on a socket that is not open');
      const frame = JSON.parse(data) as Record<string, unknown>;
      frames.push(frame);
      if (typeof frame.id !== 'number') return;
      const outcome = answer(frame as unknown as BridgeCall);
      queueMicrotask(() => {
        if (outcome === 'silence' || this.readyState !== 1) return;
        if (outcome === 'drop') return this.closeNow();
        this.receive('raw' in outcome ? outcome.raw : JSON.stringify({ id: frame.id, ...outcome }));
      });
    }

    close(): void {
      this.closeNow();
    }

    receive(data: string): void {
      this.fire('message', data);
    }

    closeNow(): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.fire('close', undefined);
    }

    private fire(type: string, data: unknown): void {
      for (const listener of this.listeners.get(type) ?? []) listener({ data });
    }
  }

  const open = vi.fn<OpenBridgeSocket>(() => (current = new FakeSocket()));
  const openSocket = () => (current?.readyState === 1 ? current : null);
  return {
    open,
    frames,
    calls: (channel) => frames.filter((frame): frame is BridgeCall => typeof (frame as BridgeCall).id === 'number' && (channel === undefined || (frame as BridgeCall).channel === channel)),
    push: (frame) => openSocket()?.receive(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    drop: () => openSocket()?.closeNow(),
    refuse: (value) => void (refused = value),
  };
}
