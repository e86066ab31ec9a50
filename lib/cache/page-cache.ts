// The page cache: where Next keeps rendered pages (HTML and RSC payload) and when each tag was last
// invalidated, in this process's memory or, with REDIS_URL, in Redis shared by every app server and worker.
// Next imports this file itself at run time (next.config `cacheHandler`; Node strips the types), so it
// imports packages and files that import nothing, by relative path with the extension, never `@/` paths, and
// uses only type syntax Node can erase.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'redis';
import { CACHED_PAGE_POLICY } from '../security/headers.ts';

/** A rendered page as kept: Next's value, when it was stored, when its data was read, and its tags. */
export interface StoredPage {
  value: unknown;
  /** When the page was stored (Next's `lastModified`, which drives `revalidate`). */
  lastModified: number;
  /** When the render began reading data: a tag invalidated at or after this makes the page stale. */
  renderedAt: number;
  /** Our tags only (not Next's implicit path tags). */
  tags: string[];
  /** When the page stops being served at all (rendered again, blocking): a page whose content turns with the clock. */
  expiresAt?: number;
  cacheControl?: unknown;
}

export interface PageCacheStore {
  readonly kind: 'memory' | 'redis';
  getPage(key: string): Promise<StoredPage | null>;
  setPage(key: string, page: StoredPage): Promise<void>;
  /** The latest time any of the tags was invalidated, or 0 when none ever was. */
  invalidatedAt(tags: string[]): Promise<number>;
  /** Marks the tags invalidated now: every page carrying one of them is rendered again on its next request. */
  invalidate(tags: string[]): Promise<void>;
  close(): Promise<void>;
}

/** The tag Next's cache handler receives a page's tags under. */
const TAGS_HEADER = 'x-next-cache-tags';
/** Next's implicit path tags (revalidatePath): our pages are kept fresh by our own tags instead. */
const IMPLICIT_TAG_PREFIX = '_N_T_';
/** The tag a cached page carries with the time its render began (lib/cache/tags.ts adds it). */
export const RENDERED_AT_TAG_PREFIX = 'rendered-at:';
/**
 * The tag a cached page carries with the moment its content goes out of date by the clock alone (a signed-in
 * person's dashboard: a session ends, an invitation closes). From then on it is a miss, never served stale.
 */
export const EXPIRES_AT_TAG_PREFIX = 'expires-at:';
/**
 * Clocks of different servers differ a little: a page whose render began up to this long after an
 * invalidation of one of its tags is rendered once more rather than risk keeping what it read before.
 */
const CLOCK_ALLOWANCE_MS = 250;
/** Without a rendered-at tag (a page Next prerendered itself), the render is taken to have begun this long before it was stored. */
const UNTAGGED_RENDER_MS = 2_000;
/** How many pages one process keeps in memory; the least recently used go first. */
const MEMORY_PAGES = 5_000;
/** How long a process just started waits for its first connection to Redis; also the most an invalidation waits. */
const STARTUP_WAIT_MS = 2_000;
/**
 * The most one Redis command may take. A Redis that stops answering but keeps its connection open (stalled, or a
 * host gone from the network) would otherwise hold the visitor's request for ever: node-redis's own command
 * timeout only covers a command not yet written to the socket. Past this it is a miss.
 */
const COMMAND_TIMEOUT_MS = 1_000;
/** After Redis failed, commands are not tried again for this long, so a stalled Redis costs one request a timeout, not each. */
const RETRY_AFTER_FAILURE_MS = 1_000;
/** How long Redis keeps a page nobody asked for again (a new build uses new keys anyway). */
const REDIS_PAGE_TTL_SECONDS = 24 * 60 * 60;
/** Kinds of entry that are whole responses; fetch and image entries are not kept. */
const RESPONSE_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

/** The earliest of two optional moments. */
const earliest = (known: number | undefined, at: number) => (known === undefined ? at : Math.min(known, at));

/** Our tags from a page's tags header, without Next's implicit ones, the render time or the expiry. */
export function pageTags(header: unknown): { tags: string[]; renderedAt: number | undefined; expiresAt: number | undefined } {
  const all = typeof header === 'string' && header ? header.split(',') : [];
  let renderedAt: number | undefined;
  let expiresAt: number | undefined;
  const tags: string[] = [];
  for (const tag of all) {
    if (tag.startsWith(RENDERED_AT_TAG_PREFIX)) {
      const at = Number(tag.slice(RENDERED_AT_TAG_PREFIX.length));
      if (Number.isFinite(at)) renderedAt = earliest(renderedAt, at);
    } else if (tag.startsWith(EXPIRES_AT_TAG_PREFIX)) {
      const at = Number(tag.slice(EXPIRES_AT_TAG_PREFIX.length));
      if (Number.isFinite(at)) expiresAt = earliest(expiresAt, at);
    } else if (!tag.startsWith(IMPLICIT_TAG_PREFIX) && !tags.includes(tag)) {
      tags.push(tag);
    }
  }
  return { tags, renderedAt, expiresAt };
}

/** True when a page must be rendered again because one of its tags was invalidated after its render began. */
export function isInvalidated(page: Pick<StoredPage, 'renderedAt'>, invalidatedAt: number): boolean {
  return invalidatedAt > 0 && invalidatedAt + CLOCK_ALLOWANCE_MS >= page.renderedAt;
}

// ------------------------------------------------------------------------------------------ memory

/** One process's pages and tag times: the default without REDIS_URL, for a single app server. */
export class MemoryPageStore implements PageCacheStore {
  readonly kind = 'memory' as const;
  readonly #pages = new Map<string, StoredPage>();
  readonly #tags = new Map<string, number>();
  readonly #limit: number;

  constructor(limit = MEMORY_PAGES) {
    this.#limit = limit;
  }

  async getPage(key: string): Promise<StoredPage | null> {
    const page = this.#pages.get(key);
    if (!page) return null;
    // Map keeps insertion order: moving the page to the end makes the first key the least recently used.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  async setPage(key: string, page: StoredPage): Promise<void> {
    this.#pages.delete(key);
    this.#pages.set(key, page);
    while (this.#pages.size > this.#limit) this.#pages.delete(this.#pages.keys().next().value!);
  }

  async invalidatedAt(tags: string[]): Promise<number> {
    let latest = 0;
    for (const tag of tags) latest = Math.max(latest, this.#tags.get(tag) ?? 0);
    return latest;
  }

  async invalidate(tags: string[]): Promise<void> {
    const now = Date.now();
    for (const tag of tags) this.#tags.set(tag, now);
  }

  async close(): Promise<void> {}
}

// ------------------------------------------------------------------------------------------ Redis

/** Buffers and Maps (the RSC payload and its segments) survive JSON as tagged objects. */
function toJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value instanceof Map) return { $map: [...value].map(([key, item]) => [key, toJson(item)]) };
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return value;
}

function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$b64 === 'string') return Buffer.from(record.$b64, 'base64');
    if (Array.isArray(record.$map)) return new Map((record.$map as Array<[string, unknown]>).map(([key, item]) => [key, fromJson(item)]));
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, fromJson(item)]));
  }
  return value;
}

/**
 * Pages and tag times in Redis, so every app server serves the same pages and an invalidation by any
 * server or worker reaches all of them. Keys start with the prefix; tag times live in one hash. When Redis
 * cannot be reached, pages are rendered per request. Invalidations made meanwhile are lost to Redis, and Redis
 * may come back with pages rendered before them (it kept its data, or only the network was down), so once it
 * answers again this server serves no page whose render began before that moment, and writes the tags it
 * could not invalidate (docs/decisions/0013, "When Redis is unreachable").
 */
export class RedisPageStore implements PageCacheStore {
  readonly kind = 'redis' as const;
  readonly #client: ReturnType<typeof createClient>;
  readonly #ready: Promise<unknown>;
  readonly #prefix: string;
  readonly #createdAt = Date.now();
  #warned = false;
  /** When Redis last failed (a command, the connection), while it has not answered since. */
  #failedAt: number | undefined;
  /** When Redis last answered again after failing: pages whose render began before are not served. */
  #recoveredAt = 0;
  /** Tags this server could not invalidate while Redis was away, written once it answers. */
  readonly #pending = new Set<string>();

  constructor(url: string, prefix: string) {
    this.#prefix = prefix;
    this.#client = createClient({
      url,
      // Give up on a command quickly rather than hold a visitor's request while Redis is away.
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
      disableOfflineQueue: true,
    });
    this.#client.on('error', (error: unknown) => {
      this.#failed(); // heard even by a server with no requests during the outage
      this.#warn('connection', error);
    });
    // Connected again after an outage: the same as a first answer (an idle server writes its lost invalidations now).
    this.#client.on('ready', () => this.#answered());
    // Settles when first connected (the client retries until then), or fails for a malformed URL.
    this.#ready = this.#client.connect().catch((error: unknown) => this.#warn('connect', error));
  }

  #warn(what: string, error: unknown) {
    if (this.#warned) return;
    this.#warned = true; // once: a Redis outage would otherwise log on every request
    console.error(`Page cache: Redis ${what} failed; pages render per request until it is back.`, error);
  }

  get #tagsKey() {
    return `${this.#prefix}tags`;
  }

  /**
   * Whether Redis is connected, waiting up to `waitMs` for it. The client keeps reconnecting in the background;
   * meanwhile its commands fail at once (no offline queue), so a request never waits on an absent Redis.
   */
  async #connected(waitMs: number): Promise<boolean> {
    if (this.#client.isReady || waitMs <= 0) return this.#client.isReady;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.#ready, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    return this.#client.isReady;
  }

  #failed() {
    this.#failedAt = Date.now();
  }

  /** Redis answered: if it had failed, nothing rendered before now is served, and the lost invalidations are written. */
  #answered() {
    this.#warned = false;
    if (this.#failedAt === undefined) return;
    this.#failedAt = undefined;
    this.#recoveredAt = Date.now();
    if (this.#pending.size === 0) return;
    const tags = [...this.#pending];
    this.#pending.clear();
    const now = String(Date.now());
    this.#client.hSet(this.#tagsKey, Object.fromEntries(tags.map((tag) => [tag, now]))).catch((error: unknown) => {
      for (const tag of tags) this.#pending.add(tag);
      this.#failed();
      this.#warn('invalidate', error);
    });
  }

  async #run<T>(what: string, command: () => Promise<T>, fallback: T, waitMs?: number): Promise<T> {
    if (this.#failedAt !== undefined && Date.now() - this.#failedAt < RETRY_AFTER_FAILURE_MS) return fallback;
    // Reads wait for the first connection only while the process is starting; an invalidation (rare, and
    // kept until Redis answers otherwise) always waits a little.
    const wait = waitMs ?? Math.max(0, STARTUP_WAIT_MS - (Date.now() - this.#createdAt));
    if (!(await this.#connected(wait))) {
      this.#failed();
      return fallback;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
    });
    try {
      // The command itself may still settle later (its answer is then dropped); the race has handled it.
      const result = await Promise.race([command(), timedOut]);
      this.#answered();
      return result;
    } catch (error) {
      this.#failed();
      this.#warn(what, error);
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }

  async getPage(key: string): Promise<StoredPage | null> {
    const text = await this.#run('read', () => this.#client.get(`${this.#prefix}page:${key}`), null);
    return text ? (fromJson(JSON.parse(text)) as StoredPage) : null;
  }

  async setPage(key: string, page: StoredPage): Promise<void> {
    const text = JSON.stringify(toJson(page));
    // A page that expires by the clock is of no use after: Redis lets it go a minute later.
    const ttl =
      page.expiresAt === undefined
        ? REDIS_PAGE_TTL_SECONDS
        : Math.max(1, Math.min(REDIS_PAGE_TTL_SECONDS, Math.ceil((page.expiresAt - Date.now()) / 1000) + 60));
    await this.#run('write', () => this.#client.set(`${this.#prefix}page:${key}`, text, { expiration: { type: 'EX', value: ttl } }), null);
  }

  async invalidatedAt(tags: string[]): Promise<number> {
    if (tags.length === 0) return 0;
    // Unreachable Redis: treat every tag as just invalidated, so nothing is served that might be stale.
    const times = await this.#run('read', () => this.#client.hmGet(this.#tagsKey, tags), null);
    if (!times) return Date.now();
    // Since Redis came back, a page rendered before counts as invalidated: an invalidation may have been lost.
    return times.reduce<number>((latest, time) => Math.max(latest, time ? Number(time) : 0), this.#recoveredAt);
  }

  async invalidate(tags: string[]): Promise<void> {
    if (tags.length === 0) return;
    const now = String(Date.now());
    const done = await this.#run(
      'invalidate',
      () => this.#client.hSet(this.#tagsKey, Object.fromEntries(tags.map((tag) => [tag, now]))),
      null,
      STARTUP_WAIT_MS,
    );
    if (done !== null) return;
    for (const tag of tags) this.#pending.add(tag);
    console.error(`Page cache: could not invalidate ${tags.join(', ')} yet; written when Redis answers again.`);
  }

  async close(): Promise<void> {
    if (this.#client.isReady) await this.#client.quit();
    else if (this.#client.isOpen) this.#client.destroy();
  }
}

// ------------------------------------------------------------------------------------------ the store

const STORE_KEY = Symbol.for('halfhour.pageCacheStore');
const globalStore = globalThis as unknown as { [STORE_KEY]?: PageCacheStore };

/** Makes the store the environment asks for: Redis with REDIS_URL (keys under REDIS_KEY_PREFIX), else this process's memory. */
export function createPageCacheStore(env: Record<string, string | undefined> = process.env): PageCacheStore {
  return env.REDIS_URL ? new RedisPageStore(env.REDIS_URL, env.REDIS_KEY_PREFIX || 'halfhour:') : new MemoryPageStore();
}

/**
 * This process's one store. Next loads this file natively for the cache handler, and the app's bundle (and
 * the worker) load their own copies; keeping the store on globalThis makes them all share one, so an
 * invalidation from a server action or job reaches the pages the handler serves in the same process.
 */
export function pageCacheStore(): PageCacheStore {
  globalStore[STORE_KEY] ??= createPageCacheStore();
  return globalStore[STORE_KEY];
}

/**
 * The document signed-out visitors get: the cached page without Next's scripts. The public pages work
 * without JavaScript (every form is a plain GET or POST, every link a link), so hydrating them only costs a
 * phone 140 kB of JavaScript and the time to run it (docs/decisions/0013); what is left is the HTML and its
 * styles. Next escapes "</script>" inside its inline data, so a script's end tag is always the real one.
 */
export function withoutScripts(html: string): string {
  return (
    html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<link\b(?=[^>]*\brel="(?:modulepreload|preload)")(?=[^>]*\bas="script")[^>]*>/gi, '')
      .replace(/<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi, '')
      // The request's CSP nonce, wherever Next wrote one outside a script: never kept (docs/decisions/0023).
      // Text in the page cannot match: React escapes the quotes of anything it writes from data.
      .replace(/\snonce="[^"]*"/gi, '')
  );
}

/**
 * An app page's cached value with its HTML made script-free, sent with the policy that allows no script
 * (Next adds a cached page's own headers to the response, beside the nonce policy proxy.ts sent: a browser
 * enforces both, so nothing runs); anything else as it is.
 */
function servedToVisitors(value: EntryValue): EntryValue {
  const html = (value as { html?: unknown }).html;
  if (value.kind !== 'APP_PAGE' || typeof html !== 'string') return value;
  const headers = { ...value.headers, 'content-security-policy': CACHED_PAGE_POLICY };
  return { ...value, html: withoutScripts(html), headers } as EntryValue;
}

// ------------------------------------------------------------------------------------------ Next's cache handler

interface HandlerContext {
  serverDistDir?: string;
  /** Tests pass a store of their own (a second "server"); Next never does. */
  store?: PageCacheStore;
}
interface EntryValue {
  kind: string;
  headers?: Record<string, unknown>;
}
interface GetContext {
  kind?: string;
}
interface SetContext {
  cacheControl?: unknown;
}

let buildIdCache: { dir: string | undefined; id: string } | undefined;

/** Pages of one build must not be served by another (their scripts differ): keys start with the build id. */
function buildIdOf(serverDistDir: string | undefined): string {
  if (buildIdCache && buildIdCache.dir === serverDistDir) return buildIdCache.id;
  let id = 'dev';
  try {
    if (serverDistDir) id = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    // No BUILD_ID (next dev): one namespace is enough.
  }
  buildIdCache = { dir: serverDistDir, id };
  return id;
}

/**
 * Next's incremental cache handler (next.config `cacheHandler`). Next makes one per request, so it
 * only holds the shared store. Pages are fresh until one of their tags is invalidated after their render
 * began (checked on every read, so an invalidation written by another process counts at once), until their
 * expiry tag's moment (then rendered again before anything is served), or until their `revalidate` time passes
 * (Next then renders again in the background).
 */
export default class PageCacheHandler {
  readonly #store: PageCacheStore;
  readonly #namespace: string;

  constructor(context: HandlerContext = {}) {
    this.#store = context.store ?? pageCacheStore();
    this.#namespace = buildIdOf(context.serverDistDir);
  }

  async get(key: string, context: GetContext = {}) {
    if (!context.kind || !RESPONSE_KINDS.has(context.kind)) return null;
    const page = await this.#store.getPage(`${this.#namespace}:${key}`);
    if (!page) return null;
    if (page.expiresAt !== undefined && Date.now() >= page.expiresAt) return null;
    if (page.tags.length > 0 && isInvalidated(page, await this.#store.invalidatedAt(page.tags))) return null;
    return { lastModified: page.lastModified, value: page.value, cacheControl: page.cacheControl };
  }

  async set(key: string, value: EntryValue | null, context: SetContext = {}) {
    if (!value || !RESPONSE_KINDS.has(value.kind)) return;
    const now = Date.now();
    const { tags, renderedAt, expiresAt } = pageTags(value.headers?.[TAGS_HEADER]);
    await this.#store.setPage(`${this.#namespace}:${key}`, {
      value: servedToVisitors(value),
      lastModified: now,
      renderedAt: renderedAt ?? now - UNTAGGED_RENDER_MS,
      tags,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      cacheControl: context.cacheControl,
    });
  }

  async revalidateTag(tags: string | string[]) {
    // revalidatePath's implicit tags are left alone: the public pages' freshness is our tags' job.
    const ours = (Array.isArray(tags) ? tags : [tags]).filter((tag) => !tag.startsWith(IMPLICIT_TAG_PREFIX));
    await this.#store.invalidate(ours);
  }

  resetRequestCache() {}
}
