/**
 * Camera scanning in the kiosk, with the browser's camera, worker and frame grab faked at their boundary (jsdom has
 * none of them): a fake MediaStream whose tracks record stop(), a fake Worker answering the decoder's messages, and
 * createImageBitmap handing out fake frames. Everything between them is the kiosk's own code.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScannerSettings, type ScannerMode } from '../../shared/contract/camera';
import type { DecodeResult } from '../../shared/barcode/types';
import { deferred, dossierView, fakeKiosk, found, renderKiosk, scanOf } from './support';

const code = '000.00.06.H56-231027-0361';

class FakeTrack extends EventTarget {
  readonly kind = 'video';
  readyState: 'live' | 'ended' = 'live';
  stop = vi.fn(() => {
    this.readyState = 'ended';
  });
  /** The camera unplugged: the browser ends the track and fires 'ended' (stop() is not called by the browser). */
  unplug() {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

function fakeStream(track = new FakeTrack()) {
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  return { stream, track };
}

/** What the fake camera sees: the decoder worker answers each frame with this. */
let inView: DecodeResult | null;
let workers: FakeWorker[];
let framesGrabbed: number;

class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  formats: string[] = [];
  framesAfterTerminate = 0;
  constructor(readonly url: URL) {
    workers.push(this);
  }
  postMessage(message: { type: string; id?: number; formats?: string[] }) {
    if (this.terminated) {
      this.framesAfterTerminate++;
      return;
    }
    if (message.type === 'configure') this.formats = message.formats ?? [];
    else queueMicrotask(() => this.onmessage?.({ data: { type: 'decoded', id: message.id, result: inView } } as MessageEvent));
  }
  terminate() {
    this.terminated = true;
  }
}

const getUserMedia = vi.fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>();

beforeEach(() => {
  inView = null;
  workers = [];
  framesGrabbed = 0;
  getUserMedia.mockReset();
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('createImageBitmap', async () => {
    framesGrabbed++;
    return { width: 896, height: 432, close: () => undefined };
  });
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { mediaDevices: { getUserMedia } }));
  // A playing 720p video, as far as the frame grab can tell.
  vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(HTMLMediaElement.HAVE_ENOUGH_DATA);
  vi.spyOn(HTMLVideoElement.prototype, 'videoWidth', 'get').mockReturnValue(1280);
  vi.spyOn(HTMLVideoElement.prototype, 'videoHeight', 'get').mockReturnValue(720);
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function kioskWithScanner(mode: ScannerMode, lookup = async () => found(dossierView({ code }))) {
  return fakeKiosk(lookup, {}, undefined, undefined, ScannerSettings.parse({ mode, camera: { deviceId: 'cam-1' } }));
}

async function openLookup(kiosk: ReturnType<typeof fakeKiosk>) {
  renderKiosk(kiosk);
  await userEvent.click(await screen.findByRole('button', { name: /Tra cứu hồ sơ/ }));
}

/** Waits until the frame loop has run `count` more frames than now. */
async function framesPass(count: number) {
  const target = framesGrabbed + count;
  await waitFor(() => expect(framesGrabbed).toBeGreaterThanOrEqual(target));
}

describe('camera scanning', () => {
  it('shows the preview with its guide frame and looks a code read by the camera up once, then releases the camera', async () => {
    const { stream, track } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const lookup = deferred<ReturnType<typeof found>>();
    const kiosk = kioskWithScanner('both', () => lookup.promise);
    await openLookup(kiosk);

    expect(await screen.findByRole('figure', { name: 'Hình ảnh từ camera quét mã' })).toBeInTheDocument();
    expect(await screen.findByRole('status')).toHaveTextContent('Đưa mã vạch hoặc mã QR trên giấy tiếp nhận vào trong khung vàng');
    expect(getUserMedia).toHaveBeenCalledWith({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 }, deviceId: { exact: 'cam-1' } } });
    expect(workers[0]?.formats).toEqual(['code128', 'code39', 'qr']);

    inView = { text: `  ${code}\r\n`, format: 'code128', pass: 'plain' };
    await waitFor(() => expect(kiosk.lookup).toHaveBeenCalledWith({ code }));
    // Looking up what it read turns the camera off (the screen stays up meanwhile): no track or worker left. The
    // lookup leaves with the read, and the camera stops as the held screen renders, just after.
    await waitFor(() => expect(track.stop).toHaveBeenCalled());
    expect(workers[0]?.terminated).toBe(true);
    await act(async () => lookup.resolve(found(dossierView({ code }))));
    expect(await screen.findByTestId('dossier-status')).toBeInTheDocument();
    expect(kiosk.lookup).toHaveBeenCalledTimes(1);
  });

  it('does not look up the same receipt twice when the citizen comes back to the lookup screen with it still in view', async () => {
    // The kiosk's clock stands still: however slow this machine, the return is within the repeat window.
    vi.useFakeTimers({ toFake: ['Date'] });
    getUserMedia.mockImplementation(async () => fakeStream().stream);
    const kiosk = kioskWithScanner('camera');
    inView = { text: code, format: 'qr', pass: 'plain' };
    await openLookup(kiosk);
    expect(await screen.findByTestId('dossier-status')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Về trang chủ' }));
    await userEvent.click(await screen.findByRole('button', { name: /Tra cứu hồ sơ/ }));
    await framesPass(3);
    expect(kiosk.lookup).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Tra cứu hồ sơ' })).toBeInTheDocument();
  });

  it('stops every track, the worker and the frame loop when the citizen leaves the screen', async () => {
    const { stream, track } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    await openLookup(kioskWithScanner('both'));
    await framesPass(2);

    await userEvent.click(screen.getByRole('button', { name: 'Về trang chủ' }));
    expect(track.stop).toHaveBeenCalled();
    expect(workers[0]?.terminated).toBe(true);
    const grabbed = framesGrabbed;
    // Several frame gaps later, nothing has grabbed or sent a frame: no timer of the session is left.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(framesGrabbed).toBe(grabbed);
    expect(workers[0]?.framesAfterTerminate).toBe(0);
  });

  it('closes a camera that opens only after the citizen has left the screen', async () => {
    const opening = deferred<MediaStream>();
    getUserMedia.mockReturnValue(opening.promise);
    await openLookup(kioskWithScanner('both'));
    await userEvent.click(screen.getByRole('button', { name: 'Về trang chủ' }));

    const { stream, track } = fakeStream();
    await act(async () => opening.resolve(stream));
    expect(track.stop).toHaveBeenCalled();
    // The decoder worker, started with the session to warm up while the camera opened, ended with it.
    expect(workers.map((worker) => worker.terminated)).toEqual([true]);
  });

  it('says so when the camera is not allowed, and the USB scanner still looks the receipt up', async () => {
    getUserMedia.mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'));
    const kiosk = kioskWithScanner('both');
    await openLookup(kiosk);
    expect(await screen.findByRole('alert')).toHaveTextContent('Camera chưa được cho phép sử dụng. Quý khách vẫn có thể quét bằng đầu đọc mã');

    kiosk.scan(scanOf(code));
    expect(await screen.findByTestId('dossier-status')).toBeInTheDocument();
  });

  it('falls back to the default camera when the configured one is gone, and says so when there is none at all', async () => {
    getUserMedia.mockRejectedValue(new DOMException('Requested device not found', 'NotFoundError'));
    await openLookup(kioskWithScanner('both'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tìm thấy camera.');
    expect(getUserMedia.mock.calls.map(([constraints]) => (constraints.video as MediaTrackConstraints).deviceId)).toEqual([{ exact: 'cam-1' }, undefined]);
  });

  it('says so when the camera is unplugged mid-scan, releases it, and the USB scanner keeps working', async () => {
    const { stream, track } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const kiosk = kioskWithScanner('both');
    await openLookup(kiosk);
    await framesPass(1);

    act(() => track.unplug());
    expect(await screen.findByRole('alert')).toHaveTextContent('Camera vừa bị ngắt kết nối.');
    expect(workers[0]?.terminated).toBe(true);
    const grabbed = framesGrabbed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(framesGrabbed).toBe(grabbed);

    kiosk.scan(scanOf(code));
    expect(await screen.findByTestId('dossier-status')).toBeInTheDocument();
  });

  it('shows English messages in English', async () => {
    getUserMedia.mockRejectedValue(new DOMException('busy', 'NotReadableError'));
    const kiosk = kioskWithScanner('both');
    renderKiosk(kiosk, 'en');
    await userEvent.click(await screen.findByRole('button', { name: /Check my dossier/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The camera is not working. You can still scan with the barcode reader');
  });

  it('uses the camera on the "scan to rate" screen too', async () => {
    getUserMedia.mockImplementation(async () => fakeStream().stream);
    renderKiosk(kioskWithScanner('both'));
    await userEvent.click(await screen.findByRole('button', { name: /Đánh giá/ }));
    expect(await screen.findByRole('figure', { name: 'Hình ảnh từ camera quét mã' })).toBeInTheDocument();
  });

  it('opens no camera when the scanner mode is the USB scanner alone', async () => {
    await openLookup(kioskWithScanner('wedge'));
    expect(screen.getByRole('heading', { name: 'Tra cứu hồ sơ' })).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    expect(getUserMedia).not.toHaveBeenCalled();
  });
});

describe('camera health for the fleet heartbeat', () => {
  it('reports a working camera once, not again for each screen that opens it, and a fault when it is unplugged', async () => {
    const second = fakeStream();
    getUserMedia.mockResolvedValueOnce(fakeStream().stream).mockResolvedValueOnce(second.stream).mockImplementation(async () => fakeStream().stream);
    const kiosk = kioskWithScanner('both');
    await openLookup(kiosk);
    await waitFor(() => expect(kiosk.deviceHealth.mock.calls).toEqual([[{ device: 'camera', health: 'ok' }]]));

    // Back home and to the lookup screen again: the camera starts and works again, which is no news.
    await userEvent.click(screen.getByRole('button', { name: 'Về trang chủ' }));
    await userEvent.click(await screen.findByRole('button', { name: /Tra cứu hồ sơ/ }));
    await framesPass(3);
    expect(kiosk.deviceHealth).toHaveBeenCalledTimes(1);

    act(() => second.track.unplug());
    await waitFor(() => expect(kiosk.deviceHealth.mock.calls.at(-1)).toEqual([{ device: 'camera', health: 'fault' }]));

    // The "scan to rate" screen finds a working camera again: that change is reported too.
    await userEvent.click(screen.getByRole('button', { name: 'Về trang chủ' }));
    await userEvent.click(await screen.findByRole('button', { name: /Đánh giá/ }));
    await waitFor(() => expect(kiosk.deviceHealth.mock.calls.at(-1)).toEqual([{ device: 'camera', health: 'ok' }]));
    expect(kiosk.deviceHealth).toHaveBeenCalledTimes(3);
  });

  it('reports a fault when the camera is not allowed', async () => {
    getUserMedia.mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'));
    const kiosk = kioskWithScanner('both');
    await openLookup(kiosk);
    await screen.findByRole('alert');
    expect(kiosk.deviceHealth.mock.calls).toEqual([[{ device: 'camera', health: 'fault' }]]);
  });
});
