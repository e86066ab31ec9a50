// Which requests run proxy.ts (its `config.matcher`, which Next reads as literals), checked by Next's own reading
// of the matcher and of next.config's rewrites, over every page of the app and every way of asking for one: signed
// out or in (either session cookie), a server action, a form's POST, and each query parameter a page reads.
// The proxy may be left out only where it would change nothing: a signed-out plain view that next.config's
// rewrites send to a cached twin (a page without scripts, so it needs no nonce) and to which the proxy would add
// no key. Every such view of a cached page must leave it out: that is what makes them as fast as a file.
import 'next/dist/server/node-environment';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import {
  BROWSE_QUERY_KEYS,
  CACHED_PREFIX,
  CACHED_ROUTES,
  CLINICS_QUERY_KEYS,
  PROXY_HEADERS,
  SESSION_COOKIES,
} from '@/lib/cache/cached-routes';
import nextConfig from '@/next.config';
import { config as proxyConfig, proxy } from '@/proxy';

interface Request {
  url: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
}

/** Every page of the app (app/**\/page.tsx, route groups dropped, a parameter given a sample value). */
function appPages(): string[] {
  const root = path.join(import.meta.dirname, '../../app');
  const pages: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === 'page.tsx') pages.push(`/${segments.join('/')}`);
      if (!entry.isDirectory() || entry.name.startsWith('@') || (segments.length === 0 && entry.name === 'cached')) continue;
      const segment = entry.name.startsWith('(') ? [] : [entry.name.replace(/^\[\.\.\.\w+\]$/, 'a/b').replace(/^\[\w+\]$/, 'sample-1')];
      walk(path.join(dir, entry.name), [...segments, ...segment]);
    }
  };
  walk(root, []);
  return pages;
}

/** A sample address of each cached route (its `:key` a sample id). */
const cachedAddresses = CACHED_ROUTES.map((route) => route.path.replace(/:key\(.*\)$/, 'sample-1'));
const QUERY_KEYS = [
  ...new Set([...BROWSE_QUERY_KEYS, ...CLINICS_QUERY_KEYS, 'error', 'callbackUrl', 'signed-out', 'view', 'notice', 'unknown']),
];

/** Every address, then every way of asking for it. */
function requests(): Request[] {
  const addresses = [...new Set([...appPages(), ...cachedAddresses, '/asks/not.an-id', '/ASKS', '/Dashboard'])];
  const ways: Array<Omit<Request, 'url'> & { query?: string }> = [
    { headers: {}, cookies: {} },
    ...SESSION_COOKIES.map((name) => ({ headers: {}, cookies: { [name]: 'someone' } })),
    { headers: {}, cookies: { theme: 'dark' } },
    { headers: { 'next-action': 'abc' }, cookies: {} },
    { headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: {} },
    ...PROXY_HEADERS.map((name) => ({ headers: { [name]: 'c2tpbGw9eA' }, cookies: {} })),
    ...QUERY_KEYS.map((key) => ({ headers: {}, cookies: {}, query: `${key}=x` })),
  ];
  return addresses.flatMap((address) =>
    ways.map(({ query, ...way }) => ({ ...way, url: `http://127.0.0.1:3000${address}${query ? `?${query}` : ''}` })),
  );
}

const proxyRuns = ({ url, headers, cookies }: Request) => unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers, cookies });

/** Where next.config's rewrites send the request as it came (no proxy): a twin's address, or undefined. */
async function twinOf({ url, headers, cookies }: Request): Promise<string | undefined> {
  const response = await unstable_getResponseFromNextConfig({ url, nextConfig, headers, cookies });
  const rewritten = response.headers.get('x-middleware-rewrite');
  const pathname = rewritten ? new URL(rewritten).pathname : undefined;
  return pathname?.startsWith(`${CACHED_PREFIX}/`) ? pathname : undefined;
}

/** The request as the page would get it after the proxy: a client's copy of a proxy header dropped, its own keys set. */
async function afterProxy(request: Request): Promise<Request> {
  const cookie = Object.entries(request.cookies).map(([name, value]) => `${name}=${value}`);
  const sent = cookie.length > 0 ? { ...request.headers, cookie: cookie.join('; ') } : request.headers;
  const response = await proxy(new NextRequest(request.url, { headers: sent }));
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !PROXY_HEADERS.includes(name)));
  for (const name of PROXY_HEADERS) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers[name] = value;
  }
  return { ...request, headers };
}

describe('which requests run the proxy', () => {
  const all = requests();

  it(
    'runs it wherever it could change the answer: every request but a signed-out plain view of a cached twin',
    { timeout: 120_000 },
    async () => {
      const leftOut: string[] = [];
      for (const request of all) {
        if (proxyRuns(request)) continue;
        // A form's POST always runs it (the cross-site check, the size limit); Next's test request is a GET.
        const plain = !request.headers['content-type'];
        // Without it, the same twin as with it: it would have changed nothing.
        const twin = await twinOf(request);
        const twinAfterProxy = await twinOf(await afterProxy(request));
        if (!plain || !twin || twin !== twinAfterProxy) {
          leftOut.push(`${JSON.stringify(request)}: ${twin ?? 'no twin'} without the proxy, ${twinAfterProxy ?? 'no twin'} with it`);
        }
      }
      expect(leftOut, 'requests that need the proxy but do not run it').toEqual([]);
    },
  );

  it('leaves it out of every signed-out plain view of each cached public page (so they are served as fast as a file)', async () => {
    const plainViews = cachedAddresses
      .filter((address) => address !== '/dashboard')
      .map((address) => ({ url: `http://127.0.0.1:3000${address}`, headers: {}, cookies: {} }));
    expect(plainViews.length).toBeGreaterThanOrEqual(6);
    for (const view of plainViews) {
      expect(await twinOf(view), view.url).toBeDefined();
      expect(proxyRuns(view), view.url).toBe(false);
    }
    // A query parameter no page reads changes nothing, and a return path is read only when the form is posted.
    for (const address of ['/?signed-out=1', '/asks?unknown=x', '/signin?callbackUrl=%2Fdashboard']) {
      expect(proxyRuns({ url: `http://127.0.0.1:3000${address}`, headers: {}, cookies: {} }), address).toBe(false);
    }
  });

  it('never runs it for Next’s own files, the API routes or the files in public/', () => {
    for (const address of [
      '/_next/static/chunks/main.js',
      '/_next/image',
      '/api/auth/csrf',
      '/api/unsubscribe',
      '/robots.txt',
      '/icon.svg',
      '/og-image.png',
      '/apple-touch-icon.png',
    ]) {
      for (const cookies of [{}, { [SESSION_COOKIES[1]!]: 'someone' }]) {
        expect(proxyRuns({ url: `http://127.0.0.1:3000${address}`, headers: {}, cookies }), address).toBe(false);
      }
    }
  });
});
