import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanEvent } from '../../shared/contract/kiosk';
import { BRIDGE_BUSY } from '../../shared/contract/webBridge';
import { defaultWedgeTiming } from '../../shared/scanner/wedgeDecoder';
import { createWebHostKiosk } from '../../renderer/bridge/webHostKiosk';
import { fakeBridgeHost, type HostAnswer } from './fakeBridgeHost';
import { dossierView } from './support';

function kioskAnswering(answer: () => HostAnswer) {
  const host = fakeBridgeHost(answer);
  return { kiosk: createWebHostKiosk(window, host.open), host };
}

describe('web host bridge: dossier lookup', () => {
  it('sends the request on the socket to the page\'s own host and returns its validated reply', async () => {
    const dossier = dossierView();
    const { kiosk, host } = kioskAnswering(() => ({ ok: true, response: { ok: true, value: dossier } }));

    const result = await kiosk.dossier.lookup({ code: dossier.code });

    expect(result).toEqual({ ok: true, value: dossier });
    expect(host.open).toHaveBeenCalledWith(`ws://${window.location.host}/bridge`);
    expect(host.calls()).toEqual([{ id: expect.any(Number), channel: 'dossier:lookup', request: { code: dossier.code } }]);
  });

  it('keeps one socket for every call, each answered by its own id', async () => {
    let served = 0;
    const { kiosk, host } = kioskAnswering(() => ({ ok: true, response: { ok: false, error: { code: 'NOT_FOUND', message: `call ${++served}` } } }));

    const replies = await Promise.all([kiosk.dossier.lookup({ code: 'H56-0001' }), kiosk.dossier.lookup({ code: 'H56-0002' })]);
    await kiosk.dossier.lookup({ code: 'H56-0003' });

    expect(replies.map((reply) => !reply.ok && reply.error.message)).toEqual(['call 1', 'call 2']);
    expect(host.open).toHaveBeenCalledTimes(1);
    expect(new Set(host.calls().map((call) => call.id)).size).toBe(3);
  });

  it("passes the core's own lookup errors through", async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'No such dossier' } };
    const { kiosk } = kioskAnswering(() => ({ ok: true, response: notFound }));
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toEqual(notFound);
  });

  it('turns a host that cannot be reached into UNAVAILABLE, and reaches it again once it is back', async () => {
    const dossier = dossierView();
    const { kiosk, host } = kioskAnswering(() => ({ ok: true, response: { ok: true, value: dossier } }));
    host.refuse(true);
    expect(await kiosk.dossier.lookup({ code: dossier.code })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    host.refuse(false);
    expect(await kiosk.dossier.lookup({ code: dossier.code })).toEqual({ ok: true, value: dossier });
  });

  it('turns a socket dropped before the answer into UNAVAILABLE', async () => {
    const { kiosk } = kioskAnswering(() => 'drop');
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('gives up on a host that never answers after its deadline, with UNAVAILABLE', async () => {
    vi.useFakeTimers();
    try {
      const { kiosk } = kioskAnswering(() => 'silence');
      const lookup = kiosk.dossier.lookup({ code: 'H56-0001' });
      await vi.advanceTimersByTimeAsync(9_000);
      let settled = false;
      void lookup.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await lookup).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it.each<[string, HostAnswer]>([
    ['text that is not JSON', { raw: 'garbage' }],
    ['JSON that is not a reply frame', { raw: '{"dossier":"here"}' }],
    ['a dossier that breaks the contract', { ok: true, response: { ok: true, value: { code: 'X' } } }],
  ])('turns %s into BAD_RESPONSE', async (_, answer) => {
    const { kiosk } = kioskAnswering(() => answer);
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
  });

  it('opens a fresh socket after an unreadable frame', async () => {
    let answers = 0;
    const { kiosk, host } = kioskAnswering(() => (++answers === 1 ? { raw: 'garbage' } : { ok: true, response: { ok: false, error: { code: 'NOT_FOUND', message: 'no' } } }));
    await kiosk.dossier.lookup({ code: 'H56-0001' });
    expect(await kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(host.open).toHaveBeenCalledTimes(2);
  });

  it("keeps the host's error code when the contract knows it, else calls it INTERNAL", async () => {
    const badRequest = kioskAnswering(() => ({ ok: false, error: { code: 'BAD_REQUEST', message: 'no' } }));
    expect(await badRequest.kiosk.dossier.lookup({ code: '' })).toMatchObject({ error: { code: 'BAD_REQUEST' } });

    const unknown = kioskAnswering(() => ({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'no' } }));
    expect(await unknown.kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ error: { code: 'INTERNAL' } });
  });

  it('turns a host too busy with this page\'s calls into UNAVAILABLE, which the screens tell as "try again"', async () => {
    const busy = kioskAnswering(() => ({ ok: false, error: { code: BRIDGE_BUSY, message: 'Too many calls waiting' } }));
    expect(await busy.kiosk.dossier.lookup({ code: 'H56-0001' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});

describe('web host bridge: app info', () => {
  it('returns the validated app info', async () => {
    const info = { version: '0.1.0', host: 'web', demo: false, idleTimeoutSeconds: 90, language: 'vi' };
    const { kiosk, host } = kioskAnswering(() => ({ ok: true, response: info }));
    expect(await kiosk.app.info()).toEqual(info);
    expect(host.calls()[0]).toMatchObject({ channel: 'app:info', request: {} });
  });

  it('rejects when the host cannot tell', async () => {
    const { kiosk, host } = kioskAnswering(() => ({ ok: true, response: {} }));
    host.refuse(true);
    await expect(kiosk.app.info()).rejects.toThrow(/UNAVAILABLE/);
  });
});

describe('web host bridge: keyboard-wedge scanner', () => {
  const scanSpeedMs = 5;
  const typingSpeedMs = 180;

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function subscribe() {
    const kiosk = createWebHostKiosk(window, fakeBridgeHost().open);
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
    const host = fakeBridgeHost();
    createWebHostKiosk(window, host.open).scanner.onScan(() => undefined);
    const healthPosts = () => host.calls('device:health').map((call) => call.request);

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
