import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanEvent } from '../../shared/contract/kiosk';
import { defaultWedgeTiming } from '../../shared/scanner/wedgeDecoder';
import { createHttpKiosk } from '../../renderer/bridge/httpKiosk';
import { dossierView } from './support';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function kioskReplying(reply: () => Promise<Response>) {
  const fetch = vi.fn<typeof globalThis.fetch>(reply);
  return { kiosk: createHttpKiosk(window, fetch), fetch };
}

describe('http bridge: dossier lookup', () => {
  it('posts the request to the host and returns its validated reply', async () => {
    const dossier = dossierView();
    const { kiosk, fetch } = kioskReplying(async () => json(200, { ok: true, response: { ok: true, value: dossier } }));

    const result = await kiosk.dossier.lookup({ code: dossier.code });

    expect(result).toEqual({ ok: true, value: dossier });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/bridge/invoke/dossier:lookup');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ code: dossier.code });
  });

  it("passes the core's own lookup errors through", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'No such dossier' } };
    const { kiosk } = kioskReplying(async () => json(200, { ok: true, response: notFound }));
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toEqual(notFound);
  });

  it('turns a network failure into UNAVAILABLE', async () => {
    const { kiosk } = kioskReplying(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await kiosk.dossier.lookup({ code: 'H56-0001' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('turns a proxy error page in front of the host into UNAVAILABLE', async () => {
    const { kiosk } = kioskReplying(async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it.each([
    ['text that is not JSON', () => new Response('garbage', { status: 200 })],
    ['JSON without the envelope', () => json(200, { dossier: 'here' })],
    ['a dossier that breaks the contract', () => json(200, { ok: true, response: { ok: true, value: { code: 'X' } } })],
  ])('turns %s into BAD_RESPONSE', async (_, reply) => {
    const { kiosk } = kioskReplying(async () => reply());
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });

  it("keeps the host's error code when the contract knows it, else calls it INTERNAL", async () => {
    const badRequest = kioskReplying(async () => json(400, { ok: false, error: { code: 'BAD_REQUEST', message: 'no' } }));
    expect(await badRequest.kiosk.dossier.lookup({ code: '' })).toMatchObject({ error: { code: 'BAD_REQUEST' } });

    const unknown = kioskReplying(async () => json(404, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'no' } }));
    expect(await unknown.kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});

describe('http bridge: app info', () => {
  it('returns the validated app info', async () => {
    const info = { version: '0.1.0', host: 'web', demo: false, idleTimeoutSeconds: 90, language: 'vi' };
    const { kiosk, fetch } = kioskReplying(async () => json(200, { ok: true, response: info }));
    expect(await kiosk.app.info()).toEqual(info);
    expect(fetch.mock.calls[0]?.[0]).toBe('/bridge/invoke/app:info');
  });

  it('rejects when the host cannot tell', async () => {
    const { kiosk } = kioskReplying(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(kiosk.app.info()).rejects.toThrow(/UNAVAILABLE/);
  });
});

describe('http bridge: keyboard-wedge scanner', () => {
  const scanSpeedMs = 5;
  const typingSpeedMs = 180;

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function subscribe() {
    const kiosk = createHttpKiosk(window, vi.fn<typeof fetch>());
    const scans: ScanEvent[] = [];
    const unsubscribe = kiosk.scanner.onScan((event) => scans.push(event));
    return { scans, unsubscribe };
  }

  /** Key-downs as a keyboard sends them; returns the events so a test can see what was prevented. */
  function keys(text: string[], gapMs: number, target: EventTarget = document.body): KeyboardEvent[] {
    return text.map((key) => {
      vi.advanceTimersByTime(gapMs);
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event;
    });
  }

  const chars = (text: string) => [...text];

  it('reports a burst at scanner speed ended by Enter as a scan of the parsed code', () => {
    const { scans } = subscribe();

    const events = keys([...chars('000.00.06.h56-231027-0361'), 'Enter'], scanSpeedMs);

    expect(scans).toEqual([{ ok: true, code: '000.00.06.H56-231027-0361', kind: 'structured', source: 'wedge' }]);
    expect(events.at(-1)?.defaultPrevented).toBe(true);
  });

  it('reports a burst without a terminator once the scanner falls silent', () => {
    const { scans } = subscribe();

    keys(chars('03706/2026/07906'), scanSpeedMs);
    expect(scans).toEqual([]);
    vi.advanceTimersByTime(defaultWedgeTiming.silenceMs);

    expect(scans).toEqual([{ ok: true, code: '03706/2026/07906', kind: 'unstructured', source: 'wedge' }]);
  });

  it('keeps only the dossier code of a QR lookup URL, never the ID number in it', () => {
    const { scans } = subscribe();

    keys([...chars('https://hcc.example.gov.vn/tra-cuu?SGT=012345678901&MHS=000.00.06.H56-231027-0361'), 'Enter'], scanSpeedMs);

    expect(scans).toEqual([{ ok: true, code: '000.00.06.H56-231027-0361', kind: 'structured', source: 'wedge' }]);
    expect(JSON.stringify(scans)).not.toContain('012345678901');
  });

  it('reports an unreadable scan with its reason', () => {
    const { scans } = subscribe();
    keys([...chars('<b>000123</b>'), 'Enter'], scanSpeedMs);
    expect(scans).toEqual([{ ok: false, reason: 'MARKUP', source: 'wedge' }]);
  });

  it('ignores a person typing at human speed, and leaves their Enter alone', () => {
    const { scans } = subscribe();

    const events = keys([...chars('000.00.06.H56'), 'Enter'], typingSpeedMs);
    vi.advanceTimersByTime(1000);

    expect(scans).toEqual([]);
    expect(events.at(-1)?.defaultPrevented).toBe(false);
  });

  it('ignores keys typed into an editable field', () => {
    const { scans } = subscribe();
    const input = document.createElement('input');
    document.body.append(input);

    keys([...chars('000.00.06.H56-231027-0361'), 'Enter'], scanSpeedMs, input);
    vi.advanceTimersByTime(1000);
    input.remove();

    expect(scans).toEqual([]);
  });

  it('tells the core the scanner works after its first burst, once, and never for a person typing', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json(200, { ok: true, response: {} }));
    createHttpKiosk(window, fetch).scanner.onScan(() => undefined);
    const healthPosts = () => fetch.mock.calls.filter(([url]) => url === '/bridge/invoke/device:health').map(([, init]) => JSON.parse(String(init?.body)) as unknown);

    keys([...chars('000.00.06.H56'), 'Enter'], typingSpeedMs);
    expect(healthPosts()).toEqual([]);
    // An unreadable code still proves the scanner reads.
    keys([...chars('<b>000123</b>'), 'Enter'], scanSpeedMs);
    await vi.waitFor(() => expect(healthPosts()).toEqual([{ device: 'scanner', health: 'ok' }]));
    keys([...chars('000.00.06.H56-231027-0361'), 'Enter'], scanSpeedMs);
    await Promise.resolve();
    expect(healthPosts()).toHaveLength(1);
  });

  it('stops listening once unsubscribed', () => {
    const { scans, unsubscribe } = subscribe();
    unsubscribe();
    keys([...chars('000.00.06.H56-231027-0361'), 'Enter'], scanSpeedMs);
    expect(scans).toEqual([]);
  });
});
