/**
 * A QR code of a text (a procedure's portal address, a VietQR payload) as an image source. The SVG goes in a data:
 * URL for an <img>: the kiosk's CSP allows data: images but no inline style, which an SVG put into the page's HTML
 * would need. bwip-js is large and only a procedure page or a payment needs it, so it loads then, in its own chunk.
 */
export async function qrImageSource(text: string): Promise<string> {
  const { toSVG } = await import('bwip-js/browser');
  const svg = toSVG({ bcid: 'qrcode', text, scale: 4, padding: 4, backgroundcolor: 'FFFFFF' });
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
