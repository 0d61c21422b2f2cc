/**
 * Origins of URLs as Chromium sees them. Node's `URL#origin` is the string 'null' for every non-special scheme,
 * including our privileged `app:` scheme, so comparing `new URL(url).origin` would treat `app://kiosk` like any
 * opaque origin (data:, about:blank). We rebuild `scheme://host[:port]` from the parsed URL instead.
 */

/** The origin of `url`, or null when it has none (unparsable, data:, about:, file: without a host). */
export function originOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.origin !== 'null') return parsed.origin;
  return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}

export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}
