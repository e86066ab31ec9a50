// Everything the page cache relies on that Next does not document, in one place, each read from Next 16.4.5
// (node_modules/next/dist). tests/unit/next-internals.test.ts reads the installed Next and fails, naming the
// item, when an upgrade changes one; check each against the new version before changing NEXT_VERSION.
//
// The documented parts we build on: `cacheHandler` in next.config (a class with get, set, revalidateTag and
// resetRequestCache), `unstable_cache`'s `tags`, route segment `revalidate`, rewrites with has/missing.
// Next imports lib/cache/page-cache.ts itself, natively (Node strips the types), and it imports this file:
// so no `@/` paths, no value import of Next at the top, and only type syntax Node can erase.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Next version every item below was read from. */
export const NEXT_VERSION = '16.4.5';

/**
 * The header Next hands a page's tags to the cache handler under, in `set`'s value: every tag the render
 * collected (ours, through `unstable_cache`), comma-separated. `NEXT_CACHE_TAGS_HEADER` in next/dist/lib/constants.js.
 */
export const TAGS_HEADER = 'x-next-cache-tags';

/** The prefix of the implicit path tags Next adds for revalidatePath (`NEXT_CACHE_IMPLICIT_TAG_ID`). We keep pages fresh by our own tags. */
export const IMPLICIT_TAG_PREFIX = '_N_T_';

/** The most tags one render may carry, and the longest tag (`NEXT_CACHE_TAG_MAX_ITEMS`, `NEXT_CACHE_TAG_MAX_LENGTH`): Next drops the rest with a warning. */
export const MAX_TAGS = 128;
export const MAX_TAG_LENGTH = 256;

/**
 * The `lastModified` a handler's `get` returns to have Next serve a page and render it again in the background
 * (stale-while-revalidate): any moment further back than the route's `revalidate` makes the entry stale, and
 * Next's IncrementalCache treats 0 as "now" and -1 as "render before serving", so the earliest other moment.
 */
export const SERVE_WHILE_RENDERING_AGAIN = 1;

/** The kinds of cache entry that are whole responses (`CachedRouteKind`); fetch and image entries are not kept. */
export const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

/** What the cache handler's constructor receives that we read (`CacheHandlerContext`). */
export interface HandlerContext {
  /** `.next/server`: the build's id is in `.next/BUILD_ID`, beside it. */
  serverDistDir?: string;
}

/**
 * The build's id, for keys: pages of one build must not be served by another (their scripts differ). Next
 * writes it to `.next/BUILD_ID`, beside `serverDistDir`; under `next dev` there is none, and one namespace is enough.
 */
export function buildIdOf(serverDistDir: string | undefined): string {
  try {
    if (serverDistDir) return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    // next dev
  }
  return 'dev';
}

/**
 * The value `set` receives for a rendered page (`IncrementalCacheValue`, kind APP_PAGE): its HTML and response
 * headers. It is the very object Next then answers from: after a render, Next's ResponseCache awaits the
 * handler's `set` and builds the response (`toResponseCacheEntry`: `value.html`, `value.headers`) from it, for
 * the request that rendered and every request its batcher made wait for the same render (each with its own
 * CSP nonce). So the page cache makes a page script-free in place, and a page's first view is the same as
 * every later one (makeScriptFree in page-cache.ts).
 */
export interface EntryValue {
  kind: string;
  html?: unknown;
  /** The response's status: Next sends a cached page with it. */
  status?: number;
  headers?: Record<string, unknown>;
}

/**
 * Attaches tags to the page being rendered. `unstable_cache` is documented, but that its tags become the
 * page's (in TAGS_HEADER) outside Cache Components is not: a cached call records its tags on the render's
 * work store. The cached function returns nothing and the handler keeps no fetch entries, so nothing is
 * stored twice. Imported when called, so that loading this file natively never loads Next.
 */
export async function attachTags(tags: string[]): Promise<void> {
  const { unstable_cache } = await import('next/cache');
  await unstable_cache(async () => null, ['page-tags', ...tags], { tags })();
}

/**
 * The document signed-out visitors get: the cached page without Next's scripts (docs/decisions/0013). It
 * relies on the shape of Next's HTML: its scripts are `<script>` elements (Next escapes "</script>" inside its
 * inline data, so a script's end tag is always the real one) and `<link rel="modulepreload|preload" as="script">`,
 * and the request's CSP nonce is written as a `nonce` attribute, which we never keep (docs/decisions/0023);
 * text in the page cannot match, since React escapes the quotes of anything it writes from data.
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b(?=[^>]*\brel="(?:modulepreload|preload)")(?=[^>]*\bas="script")[^>]*>/gi, '')
    .replace(/<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi, '')
    .replace(/\snonce="[^"]*"/gi, '');
}
