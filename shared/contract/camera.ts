/**
 * The camera scanner's settings, chosen once by the technician and kept in the kiosk configuration file; the
 * renderer reads them through 'scanner:settings'. Every field has a default, so a kiosk configured before the camera
 * existed (or with none of this set) still gets a working answer.
 */
import { z } from 'zod';
import { barcodeFormats } from '../barcode/types';

/** Which scanners the kiosk listens to: the USB keyboard-wedge scanner, the camera, or both. */
export const scannerModes = ['wedge', 'camera', 'both'] as const;
export const ScannerMode = z.enum(scannerModes);
export type ScannerMode = z.infer<typeof ScannerMode>;

export const usesCamera = (mode: ScannerMode): boolean => mode !== 'wedge';

const fraction = z.number().min(0).max(1);

/** The guide frame, as fractions of the video frame: only this part is decoded, and the preview draws it. */
export const CameraRegion = z
  .object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })
  .refine((region) => region.x + region.width <= 1 && region.y + region.height <= 1, { message: 'The region must lie inside the frame' });
export type CameraRegion = z.infer<typeof CameraRegion>;

export const defaultCameraSettings = {
  /** null: the system's default camera (the first one Chromium offers). */
  deviceId: null,
  width: 1280,
  height: 720,
  /** Receipts carry Code 128 (current template), Code 39 (older ones) and a QR of the lookup URL (domain.md §1). */
  formats: ['code128', 'code39', 'qr'],
  /** A wide band across the middle, where a receipt held up to the kiosk lands. */
  region: { x: 0.15, y: 0.2, width: 0.7, height: 0.6 },
} as const satisfies {
  deviceId: null;
  width: number;
  height: number;
  formats: readonly (typeof barcodeFormats)[number][];
  region: CameraRegion;
};

export const CameraSettings = z.object({
  deviceId: z.string().min(1).max(512).nullable().default(defaultCameraSettings.deviceId),
  /** The resolution asked of the camera (an ideal: the camera may give the nearest it has). */
  width: z.number().int().min(320).max(3840).default(defaultCameraSettings.width),
  height: z.number().int().min(240).max(2160).default(defaultCameraSettings.height),
  formats: z.array(z.enum(barcodeFormats)).min(1).default([...defaultCameraSettings.formats]),
  region: CameraRegion.default({ ...defaultCameraSettings.region }),
});
/** As stored and sent (defaults filled in). */
export type CameraSettings = z.infer<typeof CameraSettings>;

/** What 'scanner:settings' answers: the scanner mode and the camera's settings. */
export const ScannerSettings = z.object({
  mode: ScannerMode.default('wedge'),
  camera: CameraSettings.prefault({}),
});
export type ScannerSettings = z.infer<typeof ScannerSettings>;

export const defaultScannerSettings: ScannerSettings = ScannerSettings.parse({});
