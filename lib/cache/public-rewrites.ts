// The rewrites that send anonymous requests for the public pages to their cached twins (docs/decisions/0013).
// Rewrites in next.config are matched by the router itself, far cheaper than running proxy.ts on every
// request; the proxy runs only for /asks with filters, to put the query in its one canonical form.
// Imported by next.config.ts: no `@/` paths.
import { ALL_ASKS_KEY, BROWSE_QUERY_KEYS, CACHED_PREFIX, HOME_KEY, SESSION_COOKIES } from './public-route-names';

type Condition = { type: 'cookie' | 'header' | 'query'; key: string };

/** Conditions for an anonymous page view: no session cookie, and not a server action. */
export const ANONYMOUS: Condition[] = [
  ...SESSION_COOKIES.map((key) => ({ type: 'cookie' as const, key })),
  { type: 'header', key: 'next-action' },
];

const ID = '[A-Za-z0-9_-]{1,64}';

export function publicPageRewrites() {
  return [
    { source: '/', missing: ANONYMOUS, destination: `${CACHED_PREFIX}/home/${HOME_KEY}` },
    // /asks with no filter at all; with one, proxy.ts picks the twin.
    {
      source: '/asks',
      missing: [...ANONYMOUS, ...BROWSE_QUERY_KEYS.map((key) => ({ type: 'query' as const, key }))],
      destination: `${CACHED_PREFIX}/browse/${ALL_ASKS_KEY}`,
    },
    { source: `/asks/:id(${ID})`, missing: ANONYMOUS, destination: `${CACHED_PREFIX}/asks/:id` },
    { source: `/projects/:id(${ID})`, missing: ANONYMOUS, destination: `${CACHED_PREFIX}/projects/:id` },
  ];
}
