// Which requests the cached public pages answer, and where they live: a request with no session cookie
// for /, /asks (without a text search), /asks/<id> or /projects/<id> goes to its cached twin under /cached/
// (next.config's rewrites, with proxy.ts picking the key for /asks with filters). Pure: no I/O, so the proxy
// stays cheap.
import { browseHref, parseBrowseQuery, type SearchParams } from '@/lib/asks/browse-query';
import { ALL_ASKS_KEY, CACHED_PREFIX, HOME_KEY, SESSION_COOKIES } from './public-route-names';

export { ALL_ASKS_KEY, CACHED_PREFIX, HOME_KEY };

/** True when the request carries a session cookie: it gets the per-request pages and its own header. */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIES.includes(name)) return true;
  return false;
}

/** Search parameters as parseBrowseQuery takes them (repeated keys become arrays). */
export function searchParamsRecord(params: URLSearchParams): SearchParams {
  const record: SearchParams = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}

/**
 * The browse key of a query string: its canonical form (defaults left out, media in one order, junk
 * dropped), base64url-encoded so it is one path segment. Undefined for a text search, which stays per request.
 */
export function browseKey(params: URLSearchParams): string | undefined {
  const query = parseBrowseQuery(searchParamsRecord(params));
  if (query.q) return undefined;
  const search = browseHref(query).split('?')[1];
  return search ? Buffer.from(search, 'utf8').toString('base64url') : ALL_ASKS_KEY;
}

/** The query string behind a browse key, or undefined when the key is not one browseKey makes. */
export function browseParams(key: string): URLSearchParams | undefined {
  if (key === ALL_ASKS_KEY) return new URLSearchParams();
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(key)) return undefined;
  const params = new URLSearchParams(Buffer.from(key, 'base64url').toString('utf8'));
  // Only canonical keys: any other spelling of the same query would be a second copy of the same page.
  return browseKey(params) === key ? params : undefined;
}
