/** The renderer's Content-Security-Policy, sent by the web host as a header and applied by the Electron host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The camera's barcode decoder runs in a worker bundled as a file of the app's own origin (no blob:, no CDN).
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // No media-src: voice guidance plays the host's WAV through Web Audio from bytes, never from a blob: or data: URL.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
