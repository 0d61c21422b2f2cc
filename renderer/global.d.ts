import type { KioskApi } from '../shared/contract/kiosk';

declare global {
  interface Window {
    /** Put there by the Electron preload; absent in the web host. */
    kiosk?: KioskApi;
  }
}

export {};

declare module 'react' {
  // An augmentation must repeat React's own type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    /** Element Timing API: the benchmark reads when the status was painted (bench/scanToPaint.ts). */
    elementtiming?: string;
  }
}
