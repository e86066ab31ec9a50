// Next's cache handler (next.config `cacheHandler`): where Next keeps the rendered cached pages (app/cached/*)
// and asks whether one may be served. Pages live in lib/cache/page-store.ts (memory or Redis); a page is
// served while lib/cache/freshness.ts says none of its tags changed since its render began and the clock has
// not passed its expiry (docs/decisions/0024). Next imports this file itself at run time (Node strips the
// types), so it imports only packages and files that do the same, by relative path with the extension.
import { CACHED_PAGE_POLICY, STRICT_TRANSPORT_SECURITY } from '../security/headers.ts';
import { freshness, type Freshness } from './freshness.ts';
import {
  buildIdOf,
  IMPLICIT_TAG_PREFIX,
  RESPONSE_KINDS,
  SERVE_WHILE_RENDERING_AGAIN,
  TAGS_HEADER,
  withoutScripts,
  type EntryValue,
  type HandlerContext,
} from './next-internals.ts';
import { pageStore, type PageStore } from './page-store.ts';

/** The tag a cached page carries with the time its render began (lib/cache/page-tags.ts tagPage adds it). */
export const RENDERED_AT_TAG_PREFIX = 'rendered-at:';
/**
 * The tag a cached page carries with the moment its content goes out of date by the clock alone (a signed-in
 * person's dashboard: a session ends, an invitation closes). From then on it is a miss, never served stale.
 */
export const EXPIRES_AT_TAG_PREFIX = 'expires-at:';
/** The tag of a cached page that says "not found" (lib/cache/page-tags.ts tagNotFound): it is sent with status 404. */
export const NOT_FOUND_TAG = 'status:404';
/** Without a rendered-at tag (a page Next prerendered itself), the render is taken to have begun this long before it was stored. */
const UNTAGGED_RENDER_MS = 2_000;
/**
 * A page whose tags changed since its render began is served as it is until its render is this old, then once
 * more while Next renders it again in the background, until SERVE_CHANGED_FOR_MS: so a page that changes several
 * times a second (the lists, under a stream of offers) is rendered twice a second at most, and what a visitor
 * sees is never older than a second. A page that may have missed a change (rendered before its server could
 * hear the database) is never served.
 */
const RENDER_AGAIN_AFTER_MS = 500;
const SERVE_CHANGED_FOR_MS = 1_000;

/** The earliest of two optional moments. */
const earliest = (known: number | undefined, at: number) => (known === undefined ? at : Math.min(known, at));

/** Our tags from a page's tags header, without Next's implicit ones, the render time, the expiry or "not found". */
export function pageTags(header: unknown): {
  tags: string[];
  renderedAt: number | undefined;
  expiresAt: number | undefined;
  notFound: boolean;
} {
  const all = typeof header === 'string' && header ? header.split(',') : [];
  let renderedAt: number | undefined;
  let expiresAt: number | undefined;
  let notFound = false;
  const tags: string[] = [];
  for (const tag of all) {
    if (tag === NOT_FOUND_TAG) {
      notFound = true;
    } else if (tag.startsWith(RENDERED_AT_TAG_PREFIX)) {
      const at = Number(tag.slice(RENDERED_AT_TAG_PREFIX.length));
      if (Number.isFinite(at)) renderedAt = earliest(renderedAt, at);
    } else if (tag.startsWith(EXPIRES_AT_TAG_PREFIX)) {
      const at = Number(tag.slice(EXPIRES_AT_TAG_PREFIX.length));
      if (Number.isFinite(at)) expiresAt = earliest(expiresAt, at);
    } else if (!tag.startsWith(IMPLICIT_TAG_PREFIX) && !tags.includes(tag)) {
      tags.push(tag);
    }
  }
  return { tags, renderedAt, expiresAt, notFound };
}

/**
 * Makes an app page's value script-free (with status 404 if it says "not found") and adds the policy that allows no script (Next adds a cached page's
 * own headers to the response, beside the nonce policy proxy.ts sent: a browser enforces both, so nothing
 * runs); anything else is left as it is. In place (next-internals.ts says why): Next answers the render's own request,
 * and every request that waited for the same render, from this object once `set` returns, so a first view is
 * the same script-free page as every later one, never scripts carrying another request's nonce.
 */
function makeScriptFree(value: EntryValue, notFound: boolean): EntryValue {
  if (value.kind !== 'APP_PAGE' || typeof value.html !== 'string') return value;
  value.html = withoutScripts(value.html);
  if (notFound) value.status = 404;
  value.headers = { ...value.headers, 'content-security-policy': CACHED_PAGE_POLICY, ...(HTTPS_ONLY ? HSTS : {}) };
  return value;
}

/**
 * A signed-out visitor's view of a cached page does not run proxy.ts (its matcher), which sends
 * Strict-Transport-Security when the app is served as https: the page carries it itself. Read from the
 * environment as lib/env has it (this file cannot import lib/env; see above).
 */
const HTTPS_ONLY = process.env.APP_URL?.startsWith('https:') ?? false;
const HSTS = { 'strict-transport-security': STRICT_TRANSPORT_SECURITY };

/**
 * Next makes one handler per request, so it only holds the shared store and record of changes. Pages are
 * fresh until one of their tags changes after their render began (checked on every read, so a change heard
 * a moment ago counts at once; see RENDER_AGAIN_AFTER_MS for a page changing several times a second), until their expiry (then rendered again before anything is served), or
 * until their `revalidate` time passes (Next then renders again in the background).
 */
export default class PageCacheHandler {
  readonly #store: PageStore;
  readonly #freshness: Freshness;
  readonly #namespace: string;

  /** Tests pass a store and a record of changes of their own (a second "server"); Next never does. */
  constructor(context: HandlerContext & { store?: PageStore; freshness?: Freshness } = {}) {
    this.#store = context.store ?? pageStore();
    this.#freshness = context.freshness ?? freshness();
    this.#namespace = buildIdOf(context.serverDistDir);
  }

  async get(key: string, context: { kind?: string } = {}) {
    if (!context.kind || !RESPONSE_KINDS.has(context.kind)) return null;
    // Not heard from the database: nothing is fresh, and the store need not be asked.
    if (!this.#freshness.hearing) return null;
    const page = await this.#store.getPage(`${this.#namespace}:${key}`);
    if (!page) return null;
    if (page.expiresAt !== undefined && Date.now() >= page.expiresAt) return null;
    const entry = { lastModified: page.lastModified, value: page.value, cacheControl: page.cacheControl };
    const state = this.#freshness.state(page);
    const age = Date.now() - page.renderedAt;
    if (state === 'fresh' || (state === 'changed' && age < RENDER_AGAIN_AFTER_MS)) return entry;
    if (state === 'changed' && age < SERVE_CHANGED_FOR_MS) return { ...entry, lastModified: SERVE_WHILE_RENDERING_AGAIN };
    return null;
  }

  async set(key: string, value: EntryValue | null, context: { cacheControl?: unknown } = {}) {
    if (!value || !RESPONSE_KINDS.has(value.kind)) return;
    const now = Date.now();
    const { tags, renderedAt, expiresAt, notFound } = pageTags(value.headers?.[TAGS_HEADER]);
    await this.#store.setPage(`${this.#namespace}:${key}`, {
      value: makeScriptFree(value, notFound),
      lastModified: now,
      renderedAt: renderedAt ?? now - UNTAGGED_RENDER_MS,
      tags,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      cacheControl: context.cacheControl,
    });
  }

  /** revalidateTag and revalidatePath: the app calls neither; the database says what changed. */
  async revalidateTag() {}

  resetRequestCache() {}
}
