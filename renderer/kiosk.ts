/** The one place that picks the core's API: the Electron preload's, or HTTP to the web host that served the page. */
import type { KioskApi } from '../shared/contract/kiosk';
import { createHttpKiosk } from './bridge/httpKiosk';

export const kiosk: KioskApi = window.kiosk ?? createHttpKiosk(window);
