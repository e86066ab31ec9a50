// Anonymous visitors get the public pages from the page cache (docs/decisions/0013). next.config's rewrites
// send /, /asks without filters, /asks/<id> and /projects/<id> to their cached twins; this proxy runs only
// for /asks with a filter and no session cookie, to turn the query into its one canonical key (so every
// spelling of the same filters shares one cached page; a text search stays per request), and for the twins'
// own addresses, which are not public: one page, one URL.
import { NextResponse, type NextRequest } from 'next/server';
import { CACHED_PREFIX, cachedPathFor } from '@/lib/cache/public-routes';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // No page lives at /cached itself, so this is the ordinary "not found" page.
  if (pathname === CACHED_PREFIX || pathname.startsWith(`${CACHED_PREFIX}/`))
    return NextResponse.rewrite(new URL(CACHED_PREFIX, request.url));
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const target = cachedPathFor(pathname, request.nextUrl.searchParams);
  return target ? NextResponse.rewrite(new URL(target, request.url)) : NextResponse.next();
}

// Written out because Next reads the matcher without running this file: the twins' addresses, and /asks
// with any browse parameter but the text search (lib/cache/public-route-names.ts), with no session cookie, and not a server action.
export const config = {
  matcher: [
    '/cached',
    '/cached/:path*',
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
