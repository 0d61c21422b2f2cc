/**
 * What the renderer tells the core about the devices only it can see: the camera always (getUserMedia runs in the
 * page), and the USB scanner in the web host (whose wedge decoding runs in the page). The core keeps the latest
 * report for the next fleet heartbeat. Sent when a device's health changes, never per frame or per scan.
 */
import { z } from 'zod';

/** Only what a device showed: 'unknown' is the core's until a report arrives, 'disabled' follows the scanner mode. */
export const ReportedDeviceHealth = z.enum(['ok', 'fault']);
export type ReportedDeviceHealth = z.infer<typeof ReportedDeviceHealth>;

export const DeviceHealthReport = z.object({ device: z.enum(['scanner', 'camera']), health: ReportedDeviceHealth }).strict();
export type DeviceHealthReport = z.infer<typeof DeviceHealthReport>;

/** Spread into kiosk.ts's invokeChannels. */
export const deviceChannels = {
  'device:health': { request: DeviceHealthReport, response: z.object({}).strict() },
} as const;
