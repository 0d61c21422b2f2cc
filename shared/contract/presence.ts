/**
 * What the renderer tells the core about the citizen's use of the kiosk, so that disruptive maintenance (installing
 * an update restarts the app) waits until nobody is using it. `idleAtHome` is true while the untouched home screen
 * has turned into the attract screen, false as soon as anyone touches or scans.
 */
import { z } from 'zod';

export const AppPresence = z.object({ idleAtHome: z.boolean() }).strict();
export type AppPresence = z.infer<typeof AppPresence>;

export const presenceChannels = {
  'app:presence': { request: AppPresence, response: z.object({}).strict() },
} as const;
