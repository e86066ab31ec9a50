// Cross-site request forgery: every server action is a POST to a page's address, and proxy.ts refuses one
// that a browser says came from another site, before Next runs the action. Pure, for the proxy and its tests.
//
// Next checks a server action's Origin itself, but against X-Forwarded-Host when a request has one, which any
// client can write when no proxy replaces it, and it answers a mismatch with a 500. Here the expected origin
// is APP_URL's (the address people use), or, without APP_URL (a local demo, reached as localhost or
// 127.0.0.1), the Host the browser connected to; a forwarded host is never consulted.
//
// A browser sends Origin with every POST; `Origin: null` (a sandboxed frame, a data: URL, some redirects) is
// refused. A POST without Origin is not from a modern browser, so it carries no victim's cookies unasked;
// Sec-Fetch-Site still refuses it when a browser marked it cross-site.
// The one exception is RFC 8058's one-click unsubscribe, a POST from the mail provider's servers: it is an
// API route (/api/unsubscribe), which proxy.ts does not run for, and it changes only that preference.

export interface WriteRequest {
  method: string;
  /** The Origin header, if sent. */
  origin: string | null;
  /** The Sec-Fetch-Site header, if sent. */
  fetchSite: string | null;
  /** The Host header the client connected with. */
  host: string | null;
  /** The request's own scheme, `http:` or `https:`. */
  protocol: string;
  /** APP_URL's origin, when it is set. */
  appOrigin: string | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a state-changing request must be refused as coming from another site. */
export function isCrossSiteWrite(request: WriteRequest): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.origin === null) return request.fetchSite === 'cross-site' || request.fetchSite === 'same-site';
  if (request.appOrigin) return request.origin !== request.appOrigin;
  if (!request.host) return true;
  return request.origin !== `${request.protocol}//${request.host}`;
}
