import { describe, expect, it, vi } from 'vitest';
import { createWebHostKiosk } from '../../renderer/bridge/webHostKiosk';
import { birthRegistration, syncedStatus } from './catalogueSupport';
import { fakeBridgeHost } from './fakeBridgeHost';

function kioskReplying(response: unknown) {
  const host = fakeBridgeHost(() => ({ ok: true, response }));
  return { kiosk: createWebHostKiosk(window, host.open), host };
}

describe('web host bridge: catalogue', () => {
  it('sends a search on its channel and returns the validated results', async () => {
    const results = { items: [], total: 0 };
    const { kiosk, host } = kioskReplying(results);

    expect(await kiosk.catalogue.search({ query: 'khai sinh', filters: { level: 'xa' } })).toEqual(results);
    expect(host.calls()).toEqual([{ id: expect.any(Number), channel: 'catalogue:search', request: { query: 'khai sinh', filters: { level: 'xa' } } }]);
  });

  it('rejects a search reply that breaks the contract', async () => {
    const { kiosk } = kioskReplying({ items: 'none' });
    await expect(kiosk.catalogue.search({ query: '' })).rejects.toThrow('catalogue:search failed: BAD_RESPONSE');
  });

  it('returns a procedure, and a failure to reach the host as UNAVAILABLE rather than a throw', async () => {
    const { kiosk } = kioskReplying({ ok: true, value: birthRegistration });
    expect(await kiosk.catalogue.procedure({ id: birthRegistration.id })).toEqual({ ok: true, value: birthRegistration });

    const down = kioskReplying({});
    down.host.refuse(true);
    expect(await down.kiosk.catalogue.procedure({ id: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('subscribes once for all listeners, delivers valid status events, and unsubscribes after the last listener', async () => {
    const { kiosk, host } = kioskReplying(syncedStatus);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = kiosk.catalogue.onStatus(first);
    const stopSecond = kiosk.catalogue.onStatus(second);
    await vi.waitFor(() => expect(host.frames).toEqual([{ subscribe: 'catalogue:status' }]));
    expect(host.open).toHaveBeenCalledTimes(1);

    host.push({ event: 'catalogue:status', payload: { ...syncedStatus, online: false } });
    host.push({ event: 'catalogue:status', payload: { online: 'maybe' } });
    host.push({ event: 'scanner:unknown', payload: {} });
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith({ ...syncedStatus, online: false });
    expect(second).toHaveBeenCalledTimes(1);

    stopFirst();
    expect(host.frames).toHaveLength(1);
    stopSecond();
    expect(host.frames).toEqual([{ subscribe: 'catalogue:status' }, { unsubscribe: 'catalogue:status' }]);
  });

  it('subscribes again on a new socket when the host dropped the old one', async () => {
    vi.useFakeTimers();
    try {
      const { kiosk, host } = kioskReplying(syncedStatus);
      const listener = vi.fn();
      kiosk.catalogue.onStatus(listener);
      await vi.advanceTimersByTimeAsync(0);
      host.drop();
      await vi.advanceTimersByTimeAsync(5_000);

      expect(host.open).toHaveBeenCalledTimes(2);
      expect(host.frames).toEqual([{ subscribe: 'catalogue:status' }, { subscribe: 'catalogue:status' }]);
      host.push({ event: 'catalogue:status', payload: syncedStatus });
      expect(listener).toHaveBeenCalledWith(syncedStatus);
    } finally {
      vi.useRealTimers();
    }
  });
});
