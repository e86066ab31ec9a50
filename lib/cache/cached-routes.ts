// Which requests are answered by a cached page, and where each cached page lives (docs/decisions/0013, 0015,
// and docs/cached-pages.md, the recipe for a new one). A cached page is a twin under app/cached/<name>/[key]
// of a page people see at another address; next.config's rewrites, made here from CACHED_ROUTES, send the
// request there: anonymous visitors' requests for the public pages, and a signed-in person's plain view of
// /dashboard (proxy.ts reads their session and puts their key in a header). Rewrites are matched by Next's
// router itself, cheaper than the proxy. Imported by next.config.ts: plain constants, no imports.

/** next-auth's session cookies (lib/auth/session.ts reads the same two). */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export const CACHED_PREFIX = '/cached';
/** The key of a cached page with no parameter (its route needs one, so that `next build` never renders it). */
export const ONLY_KEY = 'index';
/** The browse key of the unfiltered list. */
export const ALL_ASKS_KEY = 'all';
/** The request header proxy.ts puts a filtered list's canonical key in (lib/cache/browse-key.ts). */
export const BROWSE_KEY_HEADER = 'x-halfhour-browse-key';
/** The request header proxy.ts puts a signed-in person's dashboard key in (lib/dashboard/page-key.ts). */
export const DASHBOARD_KEY_HEADER = 'x-halfhour-dashboard-key';
/**
 * The request header proxy.ts puts a signed-out sign-in's return path in (its `callbackUrl`, URI-encoded):
 * the cached sign-in page has no return path in its form, so the action reads it from here.
 */
export const RETURN_PATH_HEADER = 'x-halfhour-return-to';
/** The request headers only proxy.ts may set: it removes any copy a client sent. */
export const PROXY_HEADERS = [BROWSE_KEY_HEADER, DASHBOARD_KEY_HEADER, RETURN_PATH_HEADER];

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

/** The query parameters /clinics reads (lib/clinics/listing-query.ts); any other parameter changes nothing. */
export const CLINICS_QUERY_KEYS = ['skill', 'from', 'page'];

type Condition = { type: 'cookie' | 'header' | 'query'; key: string; value?: string };

/** An anonymous page view: no session cookie, and not a server action. */
const ANONYMOUS: Condition[] = [
  ...SESSION_COOKIES.map((key) => ({ type: 'cookie' as const, key })),
  { type: 'header', key: 'next-action' },
];
/** An id in an address, as the `:key` its twin is given. */
const ID = '([A-Za-z0-9_-]{1,64})';
const keyFrom = (header: string, pattern: string): Condition => ({ type: 'header', key: header, value: `(?<key>${pattern})` });

/**
 * One line per cached page: the address people use, the twin (app/cached/<twin>/[key]), its key (`:key` from
 * the address or a header proxy.ts set, or a fixed one), and what else the request must or must not have.
 */
interface CachedRoute {
  path: string;
  twin: string;
  key: string;
  has?: Condition[];
  missing?: Condition[];
  /** Defaults to ANONYMOUS; the dashboard's own conditions replace it. */
  who?: Condition[];
}

export const CACHED_ROUTES: CachedRoute[] = [
  { path: '/', twin: 'home', key: ONLY_KEY },
  // /asks with no filter at all; then with filters, whose canonical key proxy.ts puts in a header. In that order:
  // a signed-out view with no filter does not run the proxy (its matcher), so a key header there is a client's own.
  { path: '/asks', twin: 'browse', key: ALL_ASKS_KEY, missing: BROWSE_QUERY_KEYS.map((key) => ({ type: 'query', key })) },
  { path: '/asks', twin: 'browse', key: ':key', has: [keyFrom(BROWSE_KEY_HEADER, '[A-Za-z0-9_-]{1,2000}')] },
  { path: `/asks/:key${ID}`, twin: 'asks', key: ':key' },
  // /clinics the same way: no filter at all, then filters through proxy.ts's key (lib/cache/clinics-key.ts).
  { path: '/clinics', twin: 'clinics', key: ALL_ASKS_KEY, missing: CLINICS_QUERY_KEYS.map((key) => ({ type: 'query', key })) },
  { path: '/clinics', twin: 'clinics', key: ':key', has: [keyFrom(BROWSE_KEY_HEADER, '[A-Za-z0-9_-]{1,400}')] },
  { path: `/projects/:key${ID}`, twin: 'projects', key: ':key' },
  // Sign-in without a notice, with or without a return path (proxy.ts hands the form's action the path). Its
  // form's POST without JavaScript (no next-action header) comes here too, and must: Next runs the action and
  // renders this same tree for the answer (never cached), which is how useActionState finds its state.
  { path: '/signin', twin: 'signin', key: ONLY_KEY, missing: [{ type: 'query', key: 'error' }] },
  // A signed-in person's own dashboard (docs/decisions/0015), keyed by proxy.ts. A form's POST without
  // JavaScript comes too, like sign-in's. Not a client-side navigation or prefetch (an RSC request): the
  // browser's router would keep a cached page's payload for minutes, and Next would name the key in a header.
  {
    path: '/dashboard',
    twin: 'dashboard',
    key: ':key',
    has: [keyFrom(DASHBOARD_KEY_HEADER, '[A-Za-z0-9._-]{1,200}')],
    who: [
      { type: 'header', key: 'next-action' },
      { type: 'header', key: 'rsc' },
    ],
  },
];

interface Rewrite {
  source: string;
  destination: string;
  has?: Condition[];
  missing?: Condition[];
}

/** next.config's rewrites (beforeFiles), one per cached route. */
export function cachedPageRewrites(): Rewrite[] {
  return [
    // The twins' own addresses are not public (one page, one URL): no page lives at /cached itself, so this
    // is the ordinary "not found" page. First, so it sees only what the browser asked for.
    { source: `${CACHED_PREFIX}/:path*`, destination: CACHED_PREFIX },
    ...CACHED_ROUTES.map((route) => ({
      source: route.path,
      ...(route.has ? { has: route.has } : {}),
      missing: [...(route.who ?? ANONYMOUS), ...(route.missing ?? [])],
      destination: `${CACHED_PREFIX}/${route.twin}/${route.key}`,
    })),
  ];
}
