/**
 * One camera session: the stream opened with the configured camera, frames of the guide frame sent to the decoder
 * worker one at a time, reads reported, and everything released by stop() or by any failure (no track, worker or
 * timer outlives the session). The browser parts sit behind CameraEnvironment so component tests can fake them.
 */
import { decodeSize, regionInPixels } from '../../shared/barcode/cameraFrame';
import type { BarcodeFormat, Region } from '../../shared/barcode/types';
import type { CameraSettings } from '../../shared/contract/camera';
import { openDecoderWorker, type FrameDecoderClient } from './decoderWorker';

/** Why the camera is not scanning; each has a vi/en message (camera.problem.*). */
export type CameraProblem = 'noCamera' | 'denied' | 'unplugged' | 'failed';

export interface CameraEnvironment {
  /** Rejects like navigator.mediaDevices.getUserMedia (a DOMException named for the cause). */
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  openDecoder(formats: readonly BarcodeFormat[]): FrameDecoderClient;
  /** The crop of the current video frame scaled to `size`, or null while the video has no frame yet. */
  grabFrame(video: HTMLVideoElement, crop: Region, size: { width: number; height: number }): Promise<ImageBitmap | null>;
}

/** Pause between one frame's decode and the next grab: leaves the UI thread and the other core some room. */
const FRAME_GAP_MS = 15;
/** Before the video has its first frame, look again this often. */
const WAIT_FOR_VIDEO_MS = 50;

export const browserCameraEnvironment: CameraEnvironment = {
  async getUserMedia(constraints) {
    // No mediaDevices at all outside a secure context: as good as no camera.
    if (!navigator.mediaDevices) throw new DOMException('navigator.mediaDevices is missing', 'NotFoundError');
    return navigator.mediaDevices.getUserMedia(constraints);
  },
  openDecoder: openDecoderWorker,
  async grabFrame(video, crop, size) {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
    // Crop and scale happen in the browser's image code, off the script; the worker gets only the pixels it decodes.
    return createImageBitmap(video, crop.x, crop.y, crop.width, crop.height, {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'medium',
    });
  },
};

export interface CameraSessionOptions {
  video: HTMLVideoElement;
  settings: CameraSettings;
  environment: CameraEnvironment;
  onRead(text: string): void;
  onProblem(problem: CameraProblem): void;
  /** The first frame has been decoded: the camera is working. */
  onScanning(): void;
}

/** Starts the session; the returned function stops it and is safe to call at any point, any number of times. */
export function startCameraSession(options: CameraSessionOptions): () => void {
  const { video, settings, environment } = options;
  let stopped = false;
  let stream: MediaStream | null = null;
  let decoder: FrameDecoderClient | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reportedScanning = false;

  const release = () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    decoder?.close();
    decoder = null;
  };
  const fail = (problem: CameraProblem) => {
    if (stopped) return;
    release();
    options.onProblem(problem);
  };
  const schedule = (delay: number) => {
    if (!stopped) timer = setTimeout(() => void nextFrame(), delay);
  };

  const nextFrame = async () => {
    timer = null;
    if (stopped || !decoder) return;
    try {
      const crop = regionInPixels({ width: video.videoWidth, height: video.videoHeight }, settings.region);
      const bitmap = await environment.grabFrame(video, crop, decodeSize(crop));
      if (stopped) return bitmap?.close();
      if (!bitmap) return schedule(WAIT_FOR_VIDEO_MS);
      const result = await decoder.decode(bitmap);
      if (stopped) return;
      if (!reportedScanning) {
        reportedScanning = true;
        options.onScanning();
      }
      if (result) options.onRead(result.text);
      schedule(FRAME_GAP_MS);
    } catch {
      fail('failed');
    }
  };

  const open = async () => {
    // The worker first: it loads and warms up its decoder while the browser opens the camera, not on the first frame.
    decoder = environment.openDecoder(settings.formats);
    let opened: MediaStream;
    try {
      opened = await openStream(environment, settings);
    } catch (error) {
      return fail(problemOf(error));
    }
    if (stopped) {
      // Left the screen while the browser was opening the camera: close it at once.
      for (const track of opened.getTracks()) track.stop();
      return;
    }
    stream = opened;
    for (const track of opened.getVideoTracks()) track.addEventListener('ended', () => fail('unplugged'));
    video.srcObject = opened;
    // Autoplay of a muted video is allowed; a refusal only means the preview stays still, frames are still grabbed.
    video.play()?.catch(() => undefined);
    schedule(0);
  };

  void open();
  return release;
}

/** The configured camera; when it is gone (another camera plugged in its place), the default one rather than none. */
async function openStream(environment: CameraEnvironment, settings: CameraSettings): Promise<MediaStream> {
  const size = { width: { ideal: settings.width }, height: { ideal: settings.height } };
  if (settings.deviceId === null) return environment.getUserMedia({ audio: false, video: size });
  try {
    return await environment.getUserMedia({ audio: false, video: { ...size, deviceId: { exact: settings.deviceId } } });
  } catch (error) {
    if (problemOf(error) !== 'noCamera') throw error;
    return environment.getUserMedia({ audio: false, video: size });
  }
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  return 'failed';
}
