// The canonical key of a list of clinics (/clinics with filters), as lib/cache/browse-key.ts does for asks:
// every spelling of the same filters shares one cached page. proxy.ts sets it for an anonymous visitor; the twin
// (app/cached/clinics) reads the filters back from it. Pure: no I/O, so the proxy stays cheap.
import { clinicsHref, parseClinicsQuery } from '@/lib/clinics/listing-query';
import { searchParamsRecord } from './browse-key';
import { ALL_ASKS_KEY } from './cached-routes';

/** The key of the unfiltered list (the same word as the asks' one: each list has its own twin). */
export const ALL_CLINICS_KEY = ALL_ASKS_KEY;

/** The key of a query string: its canonical form, base64url-encoded so it is one path segment. */
export function clinicsKey(params: URLSearchParams): string {
  const search = clinicsHref(parseClinicsQuery(searchParamsRecord(params))).split('?')[1];
  return search ? Buffer.from(search, 'utf8').toString('base64url') : ALL_CLINICS_KEY;
}

/** The query string behind a key, or undefined when the key is not one clinicsKey makes. */
export function clinicsParams(key: string): URLSearchParams | undefined {
  if (key === ALL_CLINICS_KEY) return new URLSearchParams();
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(key)) return undefined;
  const params = new URLSearchParams(Buffer.from(key, 'base64url').toString('utf8'));
  // Only canonical keys: any other spelling of the same query would be a second copy of the same page.
  return clinicsKey(params) === key ? params : undefined;
}
