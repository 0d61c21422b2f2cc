import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProvisioningQr, parseProvisioningQr } from '../../shared/provisioning/provisioningQr';

const good = { centralUrl: 'https://hcc.vinhlong.gov.vn/kiosk-api', enrollmentCode: 'K7P2-QX9M', locationId: 'loc-vinh-long-tinh' };

describe('provisioning QR parsing', () => {
  it('reads back what the server prints', () => {
    expect(parseProvisioningQr(formatProvisioningQr(good))).toEqual({ ok: true, ...good });
  });

  it('accepts the text as a scanner types it: surrounding spaces, upper-case scheme, parameters in any order', () => {
    const text = ' HCC-KIOSK:provision?location=loc-1&code=DEMO-KIOSK&v=1&central=http%3A%2F%2F127.0.0.1%3A8080 \n';
    expect(parseProvisioningQr(text)).toEqual({ ok: true, centralUrl: 'http://127.0.0.1:8080', enrollmentCode: 'DEMO-KIOSK', locationId: 'loc-1' });
  });

  it.each([
    ['a structured dossier code', '000.00.06.H56-231027-0361'],
    ['a receipt lookup URL', 'https://dichvucong.vinhlong.gov.vn/tra-cuu?mahs=000.00.06.H56-231027-0361&SGT=012345678901'],
    ['a random URL', 'https://example.com/provision?v=1&central=x'],
    ['text', 'hello'],
    ['nothing', ''],
  ])('refuses %s as foreign', (_case, text) => {
    expect(parseProvisioningQr(text)).toEqual({ ok: false, reason: 'FOREIGN' });
  });

  it('refuses a later format instead of guessing at it', () => {
    expect(parseProvisioningQr('hcc-kiosk:provision?v=2&central=https%3A%2F%2Fa.vn&code=ABCD&location=x')).toEqual({
      ok: false,
      reason: 'UNSUPPORTED_VERSION',
      version: '2',
    });
  });

  it.each([
    ['no version', 'hcc-kiosk:provision?central=https%3A%2F%2Fa.vn&code=ABCD&location=x', 'v'],
    ['a central URL with a query', formatProvisioningQr({ ...good, centralUrl: 'https://a.vn/?x=1' }), 'central'],
    ['an ftp central', formatProvisioningQr({ ...good, centralUrl: 'ftp://a.vn' }), 'central'],
    ['credentials in the URL', formatProvisioningQr({ ...good, centralUrl: 'https://user:pw@a.vn' }), 'central'],
    ['no code', 'hcc-kiosk:provision?v=1&central=https%3A%2F%2Fa.vn&location=x', 'code'],
    ['a code with spaces inside', formatProvisioningQr({ ...good, enrollmentCode: 'AB CD' }), 'code'],
    ['no location', 'hcc-kiosk:provision?v=1&central=https%3A%2F%2Fa.vn&code=ABCD', 'location'],
    ['broken percent-encoding', 'hcc-kiosk:provision?v=1&central=%E0%A4%A&code=ABCD&location=x', 'text'],
    ['a repeated parameter', 'hcc-kiosk:provision?v=1&v=1&central=https%3A%2F%2Fa.vn&code=ABCD&location=x', 'text'],
  ])('refuses one of ours with %s as malformed', (_case, text, field) => {
    expect(parseProvisioningQr(text)).toEqual({ ok: false, reason: 'MALFORMED', field });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((tail) => `hcc-kiosk:provision?${tail}`)), (text) => {
        const parsed = parseProvisioningQr(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any valid provisioning', () => {
    const provisioning = fc.record({
      centralUrl: fc.constantFrom('http://127.0.0.1:8080', 'https://hcc.example.vn', 'https://a.b.vn/api/kiosk'),
      enrollmentCode: fc.stringMatching(/^[A-Za-z0-9-]{4,64}$/),
      locationId: fc.stringMatching(/^[A-Za-z0-9._:-]{1,80}$/),
    });
    fc.assert(
      fc.property(provisioning, (value) => {
        expect(parseProvisioningQr(formatProvisioningQr(value))).toEqual({ ok: true, ...value });
      }),
    );
  });
});
