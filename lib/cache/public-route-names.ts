// Names shared by the rewrites (next.config), the proxy and the cached pages: plain constants, no imports.

/** next-auth's session cookies (lib/auth/session.ts reads the same two). */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export const CACHED_PREFIX = '/cached';
/** The one key of the cached home page (its route needs a parameter so that `next build` never renders it). */
export const HOME_KEY = 'index';
/** The one key of the cached sign-in page (every signed-out sign-in without a notice). */
export const SIGN_IN_KEY = 'index';
/**
 * The request header proxy.ts puts a signed-out sign-in's return path in (its `callbackUrl`, URI-encoded):
 * the cached sign-in page has no return path in its form, so the action reads it from here.
 */
export const RETURN_PATH_HEADER = 'x-halfhour-return-to';
/**
 * The request header proxy.ts puts a signed-in person's dashboard key in (lib/dashboard/page-key.ts), for
 * next.config's rewrite to their cached dashboard (docs/decisions/0015). The proxy runs for every request to
 * /dashboard and removes any copy a client sent.
 */
export const DASHBOARD_KEY_HEADER = 'x-halfhour-dashboard-key';
/** The request header proxy.ts puts a filtered list's browse key in, for next.config's rewrite to read. */
export const BROWSE_KEY_HEADER = 'x-halfhour-browse-key';
/** The browse key of the unfiltered list. */
export const ALL_ASKS_KEY = 'all';

/** The query parameters /asks reads (lib/asks/browse-query.ts); any other parameter changes nothing. */
export const BROWSE_QUERY_KEYS = [
  'q',
  'skill',
  'category',
  'cause',
  'duration',
  'medium',
  'region',
  'posted',
  'sort',
  'after',
  'before',
  'page',
];
