import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedactor } from '../../electron/core/logger';
import { attachWedgeScanner } from '../../electron/main/scanner';
import { defaultWedgeTiming } from '../../shared/scanner/wedgeDecoder';
import { FakeBrowserWindow, fakeEvent, resetFakeElectron } from './fakeElectron';
import { memoryLogger } from './memoryLogger';

const code = '000.00.06.H56-231027-0361';
const idNumber = '001099012345';
const qrUrl = `https://hcc.thanhhoa.gov.vn/portaldvc/tra-cuu?SGT=${idNumber}&MHS=${code}`;
const scannerGapMs = 4;
const humanGapMs = 150;

let window: FakeBrowserWindow;
let log: ReturnType<typeof memoryLogger>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  resetFakeElectron();
  log = memoryLogger();
  window = new FakeBrowserWindow({});
  attachWedgeScanner({ window: window as unknown as BrowserWindow, logger: log.logger, redactor: createRedactor('test-secret') });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Presses each key in turn, `gapMs` apart; returns whether each key-down was prevented. */
function type(keys: string[], gapMs: number, options: { isAutoRepeat?: boolean } = {}): boolean[] {
  return keys.map((key) => {
    vi.advanceTimersByTime(gapMs);
    const event = fakeEvent();
    window.webContents.emit('before-input-event', event, { type: 'keyDown', key, isAutoRepeat: options.isAutoRepeat ?? false });
    window.webContents.emit('before-input-event', fakeEvent(), { type: 'keyUp', key, isAutoRepeat: false });
    return event.defaultPrevented;
  });
}

const scans = () => window.webContents.sent.filter((message) => message.channel === 'scanner:scan').map((message) => message.args);

describe('the wedge scanner', () => {
  it('sends one ScanEvent with the parsed code for a burst at scanner speed, and swallows its Enter', () => {
    const prevented = type([...code, 'Enter'], scannerGapMs);
    expect(scans()).toEqual([[{ ok: true, code, kind: 'structured', source: 'wedge' }]]);
    expect(prevented.at(-1)).toBe(true);
    expect(prevented.slice(0, -1)).not.toContain(true);
  });

  it('sends only the code from a QR lookup URL, never the ID number or the URL', () => {
    type([...qrUrl, 'Tab'], scannerGapMs);
    expect(scans()).toEqual([[{ ok: true, code, kind: 'structured', source: 'wedge' }]]);
    expect(JSON.stringify(window.webContents.sent)).not.toContain(idNumber);
  });

  it('logs a scan with the redacted code only', () => {
    type([...qrUrl, 'Enter'], scannerGapMs);
    expect(log.entries().some((entry) => entry.msg === 'scan')).toBe(true);
    expect(log.text()).not.toContain(idNumber);
    expect(log.text()).not.toContain('H56-231027');
    expect(log.text()).not.toContain('thanhhoa');
  });

  it('sends the scan after a moment of silence when the scanner has no terminator', () => {
    type([...code], scannerGapMs);
    expect(scans()).toEqual([]);
    vi.advanceTimersByTime(defaultWedgeTiming.silenceMs);
    expect(scans()).toEqual([[{ ok: true, code, kind: 'structured', source: 'wedge' }]]);
  });

  it('sends an unreadable scan as a rejection reason, without the text', () => {
    type([...'<script>alert(1)</script>', 'Enter'], scannerGapMs);
    expect(scans()).toEqual([[{ ok: false, reason: 'MARKUP', source: 'wedge' }]]);
  });

  it('sends nothing for keys typed at human speed, and lets their Enter through', () => {
    const prevented = type([...code, 'Enter'], humanGapMs);
    vi.advanceTimersByTime(1000);
    expect(scans()).toEqual([]);
    expect(prevented).not.toContain(true);
  });

  it('sends nothing for a held-down key repeating at scanner speed', () => {
    type(['1'], scannerGapMs);
    type(Array.from({ length: 12 }, () => '1'), scannerGapMs, { isAutoRepeat: true });
    type(['Enter'], scannerGapMs);
    vi.advanceTimersByTime(1000);
    expect(scans()).toEqual([]);
  });

  it('stops its silence timer when the window closes', () => {
    type([...code], scannerGapMs);
    window.emit('closed');
    vi.advanceTimersByTime(1000);
    expect(scans()).toEqual([]);
  });
});
