// Where to send someone after signing in. Only paths on our own site: anything else (another
// origin, protocol-relative "//evil.example", backslash tricks, dot-segments that resolve to "//")
// falls back to the default.
import { RETURN_PATH_HEADER } from '@/lib/cache/cached-routes';

export const AFTER_SIGN_IN = '/welcome';

/**
 * The return path proxy.ts took from a signed-out /signin's address (the cached sign-in page's form has none).
 * Raw: a client can send this header itself, so it is judged by safeReturnPath like any callbackUrl.
 */
export function returnPathFromProxy(headers: Headers): string | undefined {
  const encoded = headers.get(RETURN_PATH_HEADER);
  if (!encoded) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

export function safeReturnPath(raw: string | null | undefined, appOrigin: string, fallback = AFTER_SIGN_IN): string {
  if (!raw) return fallback;
  const value = raw.trim();
  if (value.includes('\\') || /[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const origin = new URL(appOrigin).origin;
    if (!value.startsWith('/') && !value.startsWith(`${origin}/`) && value !== origin) return fallback;
    const url = new URL(value, origin);
    // Judge the path as the browser will read it once resolved: "/.//evil.example" becomes "//evil.example".
    if (url.origin !== origin || url.pathname.startsWith('//')) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return new URL(path, origin).origin === origin ? path : fallback;
  } catch {
    return fallback;
  }
}

/** next-auth's redirect callback: after a link is followed, to a path on our own site, as an absolute URL. */
export function signInRedirect(url: string, baseUrl: string): string {
  return new URL(safeReturnPath(url, baseUrl, AFTER_SIGN_IN), baseUrl).toString();
}
