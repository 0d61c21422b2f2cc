/** A fake core behind the KioskApi boundary, dossier views, and a way to render the whole kiosk. */
import { act, render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { defaultScannerSettings, type ScannerSettings } from '../../shared/contract/camera';
import type { AppInfo, DossierView, KioskApi, Result, ScanEvent } from '../../shared/contract/kiosk';
import { App } from '../../renderer/App';
import { createKioskI18n, type Language } from '../../renderer/i18n';
import { fakeCatalogue } from './catalogueSupport';
import { fakeRatings } from './feedbackSupport';
import { kioskModeSetup } from './setupSupport';
import { fakeTechnician } from './technicianSupport';

const dayMs = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * dayMs).toISOString();

/** A dossier in progress, due in three days. */
export function dossierView(overrides: Partial<DossierView> = {}): DossierView {
  return {
    code: '000.00.06.H56-231027-0361',
    procedure: { code: '1.001193.000.00.00.H56', name: 'Đăng ký khai sinh' },
    agency: { id: '000.00.06.H56', name: 'UBND phường Lái Thiêu' },
    applicantNameMasked: 'Nguyễn V** A*',
    receivedAt: daysFromNow(-4),
    dueAt: daysFromNow(3),
    finishedAt: null,
    status: 'processing',
    statusLabel: null,
    steps: [
      { name: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', startedAt: daysFromNow(-4), finishedAt: daysFromNow(-4) },
      { name: 'Thẩm định hồ sơ', unit: 'Phòng Tư pháp', startedAt: daysFromNow(-3), finishedAt: null },
      { name: 'Phê duyệt kết quả', unit: 'Lãnh đạo UBND', startedAt: daysFromNow(-3), finishedAt: null },
    ],
    result: { pickupLocation: 'Quầy trả kết quả số 5', returnMethod: 'in_person' },
    supplement: null,
    ...overrides,
  };
}

export function found(dossier: DossierView): Result<DossierView> {
  return { ok: true, value: dossier };
}

export function scanOf(code: string): ScanEvent {
  return { ok: true, code, kind: 'unstructured', source: 'wedge' };
}

export interface FakeKiosk {
  api: KioskApi;
  lookup: ReturnType<typeof vi.fn<KioskApi['dossier']['lookup']>>;
  /** Delivers a scan the way the core would, to every subscriber. */
  scan(event: ScanEvent): void;
  /** The renderer's presence reports, in order. */
  presence: ReturnType<typeof vi.fn<KioskApi['app']['presence']>>;
  /** The renderer's device health reports, in order. */
  deviceHealth: ReturnType<typeof vi.fn<KioskApi['device']['health']>>;
  /** The host's speech synthesis: by default a host without eSpeak NG. */
  speech: ReturnType<typeof vi.fn<KioskApi['speech']['synthesize']>>;
}

export function fakeKiosk(
  lookup: KioskApi['dossier']['lookup'] = async () => found(dossierView()),
  info: Partial<AppInfo> = {},
  catalogue: KioskApi['catalogue'] = fakeCatalogue().api,
  ratings: Pick<KioskApi, 'feedback' | 'stats'> = fakeRatings().api,
  scannerSettings: ScannerSettings = defaultScannerSettings,
  technician: KioskApi['technician'] = fakeTechnician().api,
): FakeKiosk {
  const listeners = new Set<(event: ScanEvent) => void>();
  const lookupMock = vi.fn(lookup);
  const presenceMock = vi.fn<KioskApi['app']['presence']>(async () => undefined);
  const deviceHealthMock = vi.fn<KioskApi['device']['health']>(async () => undefined);
  const speechMock = vi.fn<KioskApi['speech']['synthesize']>(async () => ({ ok: false, reason: 'missing' }));
  const api: KioskApi = {
    dossier: { lookup: lookupMock },
    app: { info: async () => ({ version: '0.1.0', host: 'web', demo: true, idleTimeoutSeconds: 60, language: 'vi', ...info }), presence: presenceMock },
    scanner: {
      onScan(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      settings: async () => scannerSettings,
    },
    catalogue,
    ...ratings,
    technician,
    setup: kioskModeSetup(),
    device: { health: deviceHealthMock },
    speech: { synthesize: speechMock },
  };
  return {
    api,
    lookup: lookupMock,
    presence: presenceMock,
    deviceHealth: deviceHealthMock,
    speech: speechMock,
    scan(event) {
      act(() => {
        for (const listener of listeners) listener(event);
      });
    },
  };
}

/** Renders the kiosk in `language`; in English, as a kiosk set up in English. */
export function renderKiosk(kiosk: FakeKiosk, language: Language = 'vi'): RenderResult {
  const { app } = kiosk.api;
  const info = async () => ({ ...(await app.info()), language });
  const api: KioskApi = language === 'vi' ? kiosk.api : { ...kiosk.api, app: { ...app, info } };
  return render(<App kiosk={api} i18n={createKioskI18n(language)} />);
}

/** Scans `dossier`'s code with the fake core answering `dossier`, and waits for the status screen. */
export async function showStatusOf(dossier: DossierView, language: Language = 'vi'): Promise<HTMLElement> {
  const kiosk = fakeKiosk(async () => found(dossier));
  renderKiosk(kiosk, language);
  kiosk.scan(scanOf(dossier.code));
  const status = await screen.findByTestId('dossier-status');
  // The facts follow the status by a frame (StatusScreen paints the citizen's answer first); the code is one of them.
  await within(status).findByText(dossier.code);
  return status;
}

/** A promise the test settles by hand, to hold a lookup in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** Presses the code keypad's keys by their visible labels (a text query: role queries are slow across 40 keys). */
export async function pressKeypad(...keys: string[]): Promise<void> {
  const keypad = screen.getByTestId('code-keypad');
  for (const key of keys) await userEvent.click(within(keypad).getByText(key, { selector: 'button > span' }));
}
