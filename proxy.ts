// Anonymous visitors get the public pages from the page cache (docs/decisions/0013). next.config's rewrites
// send /, /signin, /asks without filters, /asks/<id> and /projects/<id> to their cached twins; this proxy runs
// only for two cases: /asks with a filter and no session cookie, to turn the query into its one canonical key
// (so every spelling of the same filters shares one cached page; a text search stays per request), and
// /signin with a return path, to hand it to the cached page's form action. And every request to /dashboard:
// a signed-in person's plain view of it is their own cached page, keyed by the version of it the database
// keeps (docs/decisions/0015); the proxy reads the session to make that key.
//
// The proxy does not rewrite to the twin itself: Next hands it the request as http://localhost:PORT even when
// the server listens on 127.0.0.1 (`next start -H 127.0.0.1`), then compares the rewrite with the address it
// listens on, so a rewrite from here would be fetched over HTTP as if it were another site, and hang. It sets the key as a request
// header instead, and a rewrite in next.config (lib/cache/public-rewrites.ts) sends the request to the twin.
import { NextResponse, type NextRequest } from 'next/server';
import { BROWSE_KEY_HEADER, DASHBOARD_KEY_HEADER, RETURN_PATH_HEADER, SESSION_COOKIES } from '@/lib/cache/public-route-names';
import { browseKey } from '@/lib/cache/public-routes';
import { dashboardKeyForSession } from '@/lib/dashboard/versions';

/** What Next sends for a page rendered per request, sent for a person's cached dashboard too. */
const PRIVATE_PAGE = 'private, no-cache, no-store, max-age=0, must-revalidate';

/** The sign-in form's own limit on callbackUrl (lib/auth/sign-in.ts). */
const MAX_RETURN_PATH = 2000;

/** The dashboard's cached key for this request, if it is a signed-in person's plain view of /dashboard. */
async function dashboardKey(request: NextRequest): Promise<string | null> {
  // A notice to show, or a server action with JavaScript, is answered by the per-request page. So is a
  // client-side navigation or prefetch: by the rewrite's own condition (Next removes the RSC headers before
  // the proxy), and here by the browser's fetch mode, so they cost no statement.
  const mode = request.headers.get('sec-fetch-mode');
  if (request.nextUrl.search || request.headers.has('next-action') || (mode && mode !== 'navigate')) return null;
  const token = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean);
  if (!token) return null;
  try {
    return await dashboardKeyForSession(token);
  } catch (error) {
    // The per-request page will say what is wrong (its error page), rather than the proxy answering a bare 500.
    console.error('proxy: could not read the dashboard version; serving the per-request dashboard.', error);
    return null;
  }
}

export async function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  // On the requests it runs for, what the client sent under these names is dropped. (Elsewhere a client can
  // send them itself: a browse key picks one of the cached lists, and a return path is checked where it is
  // used, by safeReturnPath, like the callbackUrl a client can put in the form anyway.)
  headers.delete(BROWSE_KEY_HEADER);
  headers.delete(RETURN_PATH_HEADER);
  headers.delete(DASHBOARD_KEY_HEADER);
  const params = request.nextUrl.searchParams;
  // Next matches rewrites without regard to case: /DASHBOARD must come through here too (see the matcher).
  if (request.nextUrl.pathname.toLowerCase() === '/dashboard') {
    const key = await dashboardKey(request);
    if (key) {
      headers.set(DASHBOARD_KEY_HEADER, key);
      // One person's page: no shared cache (a CDN, a proxy) may keep it, whatever Next says of cached pages.
      return NextResponse.next({ request: { headers }, headers: { 'Cache-Control': PRIVATE_PAGE } });
    }
  } else if (request.nextUrl.pathname === '/signin') {
    // The cached sign-in page's form has no return path; its POST (to this same address) hands the action
    // the one in the address, encoded so any text is a valid header. One longer than any of our paths is
    // left out (the default applies), never cut: a cut could split a character, or name another page.
    const returnTo = params.get('callbackUrl');
    if (returnTo && returnTo.length <= MAX_RETURN_PATH) headers.set(RETURN_PATH_HEADER, encodeURIComponent(returnTo));
  } else if (request.method === 'GET' || request.method === 'HEAD') {
    const key = browseKey(params);
    if (key) headers.set(BROWSE_KEY_HEADER, key);
  }
  return NextResponse.next({ request: { headers } });
}

// Written out because Next reads the matcher without running this file: /dashboard, /signin with a return path, and /asks
// with any browse parameter but the text search (lib/cache/public-route-names.ts) with no session cookie and
// not a server action.
export const config = {
  matcher: [
    // Every request, signed in or not, in any case (Next's rewrites ignore case): a key a client sent must
    // never reach the rewrite.
    '/:dashboard([dD][aA][sS][hH][bB][oO][aA][rR][dD])',
    // Server actions included: the first visitor to an uncached page gets its scripts, and its form then posts
    // with JavaScript (next-action header) to the per-request page, whose action needs the return path all the same.
    { source: '/signin', has: [{ type: 'query', key: 'callbackUrl' }] },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'skill' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'category' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'cause' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'duration' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'medium' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'region' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'posted' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'sort' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'after' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'before' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/asks',
      has: [{ type: 'query', key: 'page' }],
      missing: [
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'header', key: 'next-action' },
      ],
    },
  ],
};
