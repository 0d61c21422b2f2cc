/**
 * Sends the kiosk's heartbeat to the central server at start and then every interval, until stopped. A failed
 * heartbeat is logged and the loop goes on: the server's fleet view marks the kiosk stale, which is the point.
 */
import type { DeviceHealth, Heartbeat } from '../../../shared/api/fleet';
import type { CentralClient } from '../centralClient';
import type { Logger } from '../logger';

export const DEFAULT_HEARTBEAT_SECONDS = 5 * 60;

export interface HeartbeatLoop {
  start(): void;
  stop(): void;
  /** One heartbeat now; true when the server accepted it. */
  beat(): Promise<boolean>;
  /** Hosts report what they see of the scanner and the camera; sent with the next heartbeat. */
  reportDevice(device: 'scanner' | 'camera', health: DeviceHealth): void;
  /** What was last reported of each device ('unknown' before any report). */
  devices(): { scanner: DeviceHealth; camera: DeviceHealth };
}

export interface HeartbeatLoopOptions {
  client: Pick<CentralClient, 'postHeartbeat'>;
  kioskId: string;
  intervalMs: number;
  /** Builds the payload from the kiosk's state at the moment of sending (buildHeartbeat). */
  gather: (devices: { scanner: DeviceHealth; camera: DeviceHealth }) => Heartbeat;
  /** The server accepted `heartbeat`: what it carried need not be sent again. */
  delivered?: (heartbeat: Heartbeat) => void;
  logger: Logger;
}

export function createHeartbeatLoop(opts: HeartbeatLoopOptions): HeartbeatLoop {
  const devices: { scanner: DeviceHealth; camera: DeviceHealth } = { scanner: 'unknown', camera: 'unknown' };
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function beat(): Promise<boolean> {
    try {
      const heartbeat = opts.gather({ ...devices });
      await opts.client.postHeartbeat(opts.kioskId, heartbeat);
      opts.delivered?.(heartbeat);
      return true;
    } catch (error) {
      const kind = (error as { kind?: unknown }).kind;
      opts.logger.warn({ event: 'heartbeat.failed', errorKind: typeof kind === 'string' ? kind : 'internal' }, 'heartbeat not delivered');
      return false;
    }
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      void beat().finally(() => {
        if (running) schedule(opts.intervalMs);
      });
    }, delayMs);
    // The heartbeat alone never keeps the process alive.
    timer.unref();
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
    beat,
    reportDevice(device, health) {
      devices[device] = health;
    },
    devices: () => ({ ...devices }),
  };
}
