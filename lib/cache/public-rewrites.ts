// The rewrites that send anonymous requests for the public pages to their cached twins (docs/decisions/0013).
// Rewrites in next.config are matched by the router itself, far cheaper than running proxy.ts on every
// request; the proxy runs only for /asks with filters, to put the query in its one canonical form, and for
// /signin with a return path, to hand it to the cached form's action.
// Imported by next.config.ts: no `@/` paths.
import {
  ALL_ASKS_KEY,
  BROWSE_KEY_HEADER,
  BROWSE_QUERY_KEYS,
  CACHED_PREFIX,
  DASHBOARD_KEY_HEADER,
  HOME_KEY,
  SESSION_COOKIES,
  SIGN_IN_KEY,
} from './public-route-names';

type Condition = { type: 'cookie' | 'header' | 'query'; key: string; value?: string };

/** Conditions for an anonymous page view: no session cookie, and not a server action. */
export const ANONYMOUS: Condition[] = [
  ...SESSION_COOKIES.map((key) => ({ type: 'cookie' as const, key })),
  { type: 'header', key: 'next-action' },
];

const ID = '[A-Za-z0-9_-]{1,64}';

export function publicPageRewrites() {
  return [
    // The twins' own addresses are not public (one page, one URL): no page lives at /cached itself, so this
    // is the ordinary "not found" page. First, so it sees only what the browser asked for.
    { source: `${CACHED_PREFIX}/:path*`, destination: CACHED_PREFIX },
    { source: '/', missing: ANONYMOUS, destination: `${CACHED_PREFIX}/home/${HOME_KEY}` },
    // /asks with filters: proxy.ts (which runs before these rewrites) puts the canonical key in a header.
    {
      source: '/asks',
      has: [{ type: 'header' as const, key: BROWSE_KEY_HEADER, value: '(?<key>[A-Za-z0-9_-]{1,2000})' }],
      missing: ANONYMOUS,
      destination: `${CACHED_PREFIX}/browse/:key`,
    },
    // /asks with no filter at all.
    {
      source: '/asks',
      missing: [...ANONYMOUS, ...BROWSE_QUERY_KEYS.map((key) => ({ type: 'query' as const, key }))],
      destination: `${CACHED_PREFIX}/browse/${ALL_ASKS_KEY}`,
    },
    { source: `/asks/:id(${ID})`, missing: ANONYMOUS, destination: `${CACHED_PREFIX}/asks/:id` },
    // Sign-in without a notice, with or without a return path (proxy.ts hands the form's action the path).
    // Its form's POST without JavaScript (no next-action header) comes here too, and must: Next runs the
    // action and renders this same tree for the answer (never cached), which is how useActionState finds its
    // state; the per-request page's tree would not match it.
    {
      source: '/signin',
      missing: [...ANONYMOUS, { type: 'query' as const, key: 'error' }],
      destination: `${CACHED_PREFIX}/signin/${SIGN_IN_KEY}`,
    },
    { source: `/projects/:id(${ID})`, missing: ANONYMOUS, destination: `${CACHED_PREFIX}/projects/:id` },
    // A signed-in person's own dashboard (docs/decisions/0015): proxy.ts read their session and put their key
    // in the header. A form's POST without JavaScript comes too, like sign-in's, so its answer is this tree.
    // Not a client-side navigation or prefetch (an RSC request): the browser's router would keep a cached
    // page's payload for minutes, as a static page's, past a change; and Next would name the key in a header.
    {
      source: '/dashboard',
      has: [{ type: 'header' as const, key: DASHBOARD_KEY_HEADER, value: '(?<key>[A-Za-z0-9._-]{1,200})' }],
      missing: [
        { type: 'header' as const, key: 'next-action' },
        { type: 'header' as const, key: 'rsc' },
      ],
      destination: `${CACHED_PREFIX}/dashboard/:key`,
    },
  ];
}
