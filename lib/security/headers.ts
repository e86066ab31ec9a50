// The security headers of every response, in one place (docs/decisions/0023). Pure: no I/O, and no `@/` paths,
// because next.config.ts imports it.
//
// Two Content-Security-Policies:
// - CACHED_PAGE_POLICY, static, for everything that carries no script: the cached twins of the public pages
//   and of a person's dashboard (the page cache stores them without Next's scripts, decision 13), and every
//   response proxy.ts does not answer with a nonce (API routes, files). It allows no script at all.
// - scriptedPagePolicy(nonce), for pages rendered per request, which carry Next's scripts: proxy.ts makes a
//   fresh nonce for each request and Next puts it on every script it writes ('strict-dynamic' lets those load
//   the page's chunks). A nonce is never stored: the page cache strips scripts and any nonce attribute before
//   it keeps a page (lib/cache/page-cache.ts), and a cached page is sent with CACHED_PAGE_POLICY as well, so
//   its effective policy allows no script.

export const CACHED_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy of a page rendered for this request, whose scripts carry `nonce`. */
export function scriptedPagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A nonce: 128 random bits, base64 (the characters a CSP nonce source allows). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Features HalfHour never uses, denied to the page and anything it embeds. Only names Chromium knows: an
 * unknown one is reported as an error in the console.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Two years, the preload list's minimum, for an app served over https (APP_URL). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Sent on every response (next.config.ts); proxy.ts replaces the policy on pages that carry scripts. */
export const EVERY_RESPONSE: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Content-Security-Policy', value: CACHED_PAGE_POLICY },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];
