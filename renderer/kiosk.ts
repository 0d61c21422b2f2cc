/** The one place that picks the core's API: the Electron preload's, or the bridge socket to the web host that served the page. */
import type { KioskApi } from '../shared/contract/kiosk';
import { createWebHostKiosk } from './bridge/webHostKiosk';

export const kiosk: KioskApi = window.kiosk ?? createWebHostKiosk(window);
