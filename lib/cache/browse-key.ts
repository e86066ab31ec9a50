// The canonical key of a list of asks (/asks with filters): every spelling of the same filters gets one key,
// so they share one cached page; proxy.ts sets it for an anonymous visitor, and the twin reads the filters
// back from it (lib/cache/cached-routes.ts). A text search stays per request. Pure: no I/O, so the proxy stays cheap.
import { browseHref, parseBrowseQuery, type SearchParams } from '@/lib/asks/browse-query';
import { ALL_ASKS_KEY } from './cached-routes';

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
