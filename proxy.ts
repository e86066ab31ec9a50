// Runs for every page request but a signed-out visitor's plain view of a cached public page (its matcher, at the
// end, says which and why; docs/decisions/0031), before next.config's rewrites:
// - Security (docs/decisions/0023): a POST another site sent is refused (lib/security/same-origin.ts), and
//   each page gets a fresh CSP nonce, which Next puts on its scripts, with the policy that allows them.
// - Anonymous visitors get the public pages from the page cache (docs/decisions/0013). next.config's rewrites
//   send /, /signin, /asks and /clinics without filters, /asks/<id> and /projects/<id> to their cached twins, with
//   no proxy at all; the proxy
//   turns /asks's and /clinics's filters, for a visitor with no session cookie, into their one canonical key (so every
//   spelling of the same filters shares one cached page; a text search stays per request), and hands
//   /signin's return path to the cached page's form action.
// - A signed-in person's plain view of /dashboard is their own cached page, keyed by the version of it the
//   database keeps (docs/decisions/0015); the proxy reads the session to make that key.
//
// The proxy does not rewrite to the twin itself: Next hands it the request as http://localhost:PORT even when
// the server listens on 127.0.0.1 (`next start -H 127.0.0.1`), then compares the rewrite with the address it
// listens on, so a rewrite from here would be fetched over HTTP as if it were another site, and hang. It sets the key as a request
// header instead, and a rewrite in next.config (lib/cache/cached-routes.ts) sends the request to the twin.
import { NextResponse, type NextRequest } from 'next/server';
import { appUrl, env } from '@/lib/env';
import { CACHED_PAGE_POLICY, newNonce, scriptedPagePolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';
import { isCrossSiteWrite } from '@/lib/security/same-origin';
import { browseKey } from '@/lib/cache/browse-key';
import { clinicsKey } from '@/lib/cache/clinics-key';
import { BROWSE_KEY_HEADER, DASHBOARD_KEY_HEADER, PROXY_HEADERS, RETURN_PATH_HEADER, SESSION_COOKIES } from '@/lib/cache/cached-routes';
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

/** A page of the proxy's own answer: it says what happened, allows no script and is never kept. */
function plainPage(status: number, title: string, explanation: string): NextResponse {
  return new NextResponse(`<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1><p>${explanation}</p></html>`, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': CACHED_PAGE_POLICY },
  });
}

/**
 * Next's limit on a server action's body (its default `serverActions.bodySizeLimit`, 1 MB). Next answers a
 * bigger one with a bare 500; the proxy answers first, with a page that says what happened. Our longest form
 * is a few thousand characters; a browser always sends a form's Content-Length.
 */
const MAX_FORM_BYTES = 1024 * 1024;

const appOrigin = env.APP_URL ? new URL(appUrl()).origin : null;
const httpsOnly = appOrigin?.startsWith('https:') ?? false;

/**
 * The request headers Next and the pages see, when they differ from what the client sent: the keys this proxy
 * sets, never a copy a client sent. Null when there is nothing to change (most requests), which spares Next
 * passing every header on again.
 */
async function pageRequestHeaders(request: NextRequest): Promise<{ headers: Headers | null; cacheControl?: string }> {
  const headers = new Headers(request.headers);
  let changed = false;
  const set = (name: string, value: string) => {
    headers.set(name, value);
    changed = true;
  };
  // What a client sent under these names is dropped: a browse key picks one of the cached lists, a dashboard
  // key someone's cached dashboard. (A return path is checked where it is used, by safeReturnPath.)
  for (const name of PROXY_HEADERS) {
    if (headers.has(name)) {
      headers.delete(name);
      changed = true;
    }
  }
  const params = request.nextUrl.searchParams;
  // Next matches rewrites without regard to case: /DASHBOARD is the dashboard too.
  if (request.nextUrl.pathname.toLowerCase() === '/dashboard') {
    const key = await dashboardKey(request);
    if (key) {
      set(DASHBOARD_KEY_HEADER, key);
      // One person's page: no shared cache (a CDN, a proxy) may keep it, whatever Next says of cached pages.
      return { headers, cacheControl: PRIVATE_PAGE };
    }
  } else if (request.nextUrl.pathname === '/signin') {
    // The cached sign-in page's form has no return path; its POST (to this same address) hands the action
    // the one in the address, encoded so any text is a valid header. One longer than any of our paths is
    // left out (the default applies), never cut: a cut could split a character, or name another page.
    const returnTo = params.get('callbackUrl');
    if (returnTo && returnTo.length <= MAX_RETURN_PATH) set(RETURN_PATH_HEADER, encodeURIComponent(returnTo));
  } else if (
    request.nextUrl.pathname === '/asks' &&
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.headers.has('next-action') &&
    !SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    const key = browseKey(params);
    if (key) set(BROWSE_KEY_HEADER, key);
  } else if (
    request.nextUrl.pathname === '/clinics' &&
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.headers.has('next-action') &&
    !SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    // The list of clinics the same way (lib/cache/clinics-key.ts); it has no text search, so always a key.
    set(BROWSE_KEY_HEADER, clinicsKey(params));
  }
  return { headers: changed ? headers : null };
}

export async function proxy(request: NextRequest) {
  if (
    isCrossSiteWrite({
      method: request.method,
      origin: request.headers.get('origin'),
      fetchSite: request.headers.get('sec-fetch-site'),
      host: request.headers.get('host'),
      protocol: request.nextUrl.protocol,
      appOrigin,
    })
  ) {
    return plainPage(
      403,
      'This form was sent from another site',
      'HalfHour only accepts forms sent from its own pages. Go back to HalfHour and send it again from there.',
    );
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) {
    return plainPage(
      413,
      'That was too much to send',
      'What you sent is over 1 MB, more than any HalfHour form takes, so nothing was saved. Go back, shorten it and send it again.',
    );
  }
  const { headers, cacheControl } = await pageRequestHeaders(request);
  // Next writes the nonce on every script of the page, reading it from the request's policy: a header the proxy
  // sets on its response is set on the request too (by next start's router), so the response's one is enough
  // unless other request headers change. The journeys fail if a page's scripts ever lack it (tests/e2e/support/test.ts).
  const policy = scriptedPagePolicy(newNonce());
  headers?.set('Content-Security-Policy', policy);
  const response = headers ? NextResponse.next({ request: { headers } }) : NextResponse.next();
  response.headers.set('Content-Security-Policy', policy);
  if (httpsOnly) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  if (cacheControl) response.headers.set('Cache-Control', cacheControl);
  return response;
}

// Which requests run the proxy (docs/cached-pages.md). Next reads this list itself when it builds, so it is written
// out as literals (no constants, no code); tests/integration/proxy-matcher.test.ts checks it, by Next's own reading,
// against every page and every way of asking for one. A signed-out visitor's plain view of a public page the cache
// answers (/, /asks, /asks/<id>, /projects/<id>, /clinics, /signin: CACHED_ROUTES) does not run it: the cached page
// carries no script, so needs no nonce, and next.config's rewrites send the view to its twin on their own. Any
// proxy at all costs Next about as much as serving a cached page, so those views are served about as fast as a
// file (bench:load). Everything else runs it:
// 1. every other page; never Next's own files (/_next), the API routes (JSON, next-auth's own CSRF token, the
//    one-click unsubscribe), the files in public/ or the app's icon, which keep next.config's headers;
// 2. the public pages too for a session cookie (either name in SESSION_COOKIES), a server action (next-action) or
//    a form's POST (content-type; a GET has none);
// 3. and for a query parameter the proxy turns into a cached list's key (BROWSE_QUERY_KEYS, CLINICS_QUERY_KEYS) or
//    that makes sign-in a per-request page (error).
// A new cached public page adds its path to the first entry's exclusions; the test fails until it does.
export const config = {
  matcher: [
    '/((?!_next/|api/|favicon\\.ico$|icon\\.svg$|apple-touch-icon\\.png$|og-image\\.png$|robots\\.txt$|$|asks$|asks/[A-Za-z0-9_-]{1,64}$|projects/[A-Za-z0-9_-]{1,64}$|clinics$|signin$).*)',
    {
      source: '/((?!_next/|api/|favicon\\.ico$|icon\\.svg$|apple-touch-icon\\.png$|og-image\\.png$|robots\\.txt$).*)',
      has: [{ type: 'header', key: 'cookie', value: '.*next-auth\\.session-token=.*' }],
    },
    {
      source: '/((?!_next/|api/|favicon\\.ico$|icon\\.svg$|apple-touch-icon\\.png$|og-image\\.png$|robots\\.txt$).*)',
      has: [{ type: 'header', key: 'next-action' }],
    },
    {
      source: '/((?!_next/|api/|favicon\\.ico$|icon\\.svg$|apple-touch-icon\\.png$|og-image\\.png$|robots\\.txt$).*)',
      has: [{ type: 'header', key: 'content-type' }],
    },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'q' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'skill' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'category' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'cause' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'duration' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'medium' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'region' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'posted' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'sort' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'after' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'before' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'page' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'from' }] },
    { source: '/(asks|clinics|signin)', has: [{ type: 'query', key: 'error' }] },
  ],
};
