import { describe, expect, it, vi } from 'vitest';
import { createHttpKiosk, type OpenEventStream } from '../../renderer/bridge/httpKiosk';
import { birthRegistration, syncedStatus } from './catalogueSupport';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** An event stream the test feeds by hand, as the web host's /bridge/events would. */
function fakeEventStream() {
  const target = new EventTarget();
  const close = vi.fn();
  const open = vi.fn<OpenEventStream>(() => ({
    addEventListener: (type: string, listener: (event: Event) => void) => target.addEventListener(type, listener),
    close,
  }));
  const emit = (type: string, data: string) => target.dispatchEvent(new MessageEvent(type, { data }));
  return { open, close, emit };
}

function kioskReplying(response: unknown) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => json(200, { ok: true, response }));
  const events = fakeEventStream();
  return { kiosk: createHttpKiosk(window, fetch, events.open), fetch, events };
}

describe('http bridge: catalogue', () => {
  it('posts a search to its channel and returns the validated results', async () => {
    const results = { items: [], total: 0 };
    const { kiosk, fetch } = kioskReplying(results);

    expect(await kiosk.catalogue.search({ query: 'khai sinh', filters: { level: 'xa' } })).toEqual(results);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/bridge/invoke/catalogue:search');
    expect(JSON.parse(String(init?.body))).toEqual({ query: 'khai sinh', filters: { level: 'xa' } });
  });

  it('rejects a search reply that breaks the contract', async () => {
    const { kiosk } = kioskReplying({ items: 'none' });
    await expect(kiosk.catalogue.search({ query: '' })).rejects.toThrow('catalogue:search failed: BAD_RESPONSE');
  });

  it('returns a procedure, and a failure to reach the host as UNAVAILABLE rather than a throw', async () => {
    const { kiosk } = kioskReplying({ ok: true, value: birthRegistration });
    expect(await kiosk.catalogue.procedure({ id: birthRegistration.id })).toEqual({ ok: true, value: birthRegistration });

    const unreachable = createHttpKiosk(window, () => Promise.reject(new TypeError('Failed to fetch')), fakeEventStream().open);
    expect(await unreachable.catalogue.procedure({ id: 'x' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('delivers catalogue status events from one stream, drops invalid ones, and closes it after the last listener', async () => {
    const { kiosk, events } = kioskReplying(syncedStatus);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = kiosk.catalogue.onStatus(first);
    const stopSecond = kiosk.catalogue.onStatus(second);
    expect(events.open).toHaveBeenCalledTimes(1);
    expect(events.open).toHaveBeenCalledWith('/bridge/events');

    events.emit('catalogue:status', JSON.stringify({ ...syncedStatus, online: false }));
    events.emit('catalogue:status', '{"online": "maybe"}');
    events.emit('catalogue:status', 'not json');
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith({ ...syncedStatus, online: false });
    expect(second).toHaveBeenCalledTimes(1);

    stopFirst();
    expect(events.close).not.toHaveBeenCalled();
    stopSecond();
    expect(events.close).toHaveBeenCalledTimes(1);
  });
});
