// Where rendered pages are kept: this process's memory or, with REDIS_URL, Redis shared by every app server.
// A store only keeps pages; whether one is still fresh is lib/cache/freshness.ts's business (every server hears
// the database's changes itself). Imported natively by lib/cache/page-cache.ts: relative paths, erasable types.
import { createClient } from 'redis';

/** A rendered page as kept: Next's value, when it was stored, when its data was read, and its tags. */
export interface StoredPage {
  value: unknown;
  /** When the page was stored (Next's `lastModified`, which drives `revalidate`). */
  lastModified: number;
  /** When the render began reading data: a tag changed at or after this makes the page stale. */
  renderedAt: number;
  /** Our tags only (not Next's implicit path tags). */
  tags: string[];
  /** When the page stops being served at all (rendered again, blocking): a page whose content turns with the clock. */
  expiresAt?: number;
  cacheControl?: unknown;
}

export interface PageStore {
  readonly kind: 'memory' | 'redis';
  getPage(key: string): Promise<StoredPage | null>;
  setPage(key: string, page: StoredPage): Promise<void>;
  close(): Promise<void>;
}

/** How many pages one process keeps in memory; the least recently used go first. */
const MEMORY_PAGES = 5_000;
/** How long a process just started waits for its first connection to Redis. */
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

/** One process's pages: the default without REDIS_URL, for a single app server. */
export class MemoryPageStore implements PageStore {
  readonly kind = 'memory' as const;
  readonly #pages = new Map<string, StoredPage>();
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

  async close(): Promise<void> {}
}

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
 * Pages in Redis, so every app server serves the same pages. Keys start with the prefix. When Redis cannot
 * be reached, or does not answer within a second, it is a miss and pages render per request; nothing is lost,
 * since no server learns of a change through Redis (docs/decisions/0024).
 */
export class RedisPageStore implements PageStore {
  readonly kind = 'redis' as const;
  readonly #client: ReturnType<typeof createClient>;
  readonly #ready: Promise<unknown>;
  readonly #prefix: string;
  readonly #createdAt = Date.now();
  #warned = false;
  /** When Redis last failed (a command, the connection), while it has not answered since. */
  #failedAt: number | undefined;

  constructor(url: string, prefix: string) {
    this.#prefix = prefix;
    this.#client = createClient({
      url,
      // Give up on a command quickly rather than hold a visitor's request while Redis is away.
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
      disableOfflineQueue: true,
    });
    this.#client.on('error', (error: unknown) => {
      this.#failedAt = Date.now();
      this.#warn('connection', error);
    });
    this.#client.on('ready', () => {
      this.#failedAt = undefined;
      this.#warned = false;
    });
    // Settles when first connected (the client retries until then), or fails for a malformed URL.
    this.#ready = this.#client.connect().catch((error: unknown) => this.#warn('connect', error));
  }

  #warn(what: string, error: unknown) {
    if (this.#warned) return;
    this.#warned = true; // once: a Redis outage would otherwise log on every request
    console.error(`Page cache: Redis ${what} failed; pages render per request until it is back.`, error);
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

  async #run<T>(what: string, command: () => Promise<T>, fallback: T): Promise<T> {
    if (this.#failedAt !== undefined && Date.now() - this.#failedAt < RETRY_AFTER_FAILURE_MS) return fallback;
    // Wait for the first connection only while the process is starting.
    if (!(await this.#connected(Math.max(0, STARTUP_WAIT_MS - (Date.now() - this.#createdAt))))) {
      this.#failedAt = Date.now();
      return fallback;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
    });
    try {
      // The command itself may still settle later (its answer is then dropped); the race has handled it.
      const result = await Promise.race([command(), timedOut]);
      this.#failedAt = undefined;
      return result;
    } catch (error) {
      this.#failedAt = Date.now();
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

  async close(): Promise<void> {
    if (this.#client.isReady) await this.#client.quit();
    else if (this.#client.isOpen) this.#client.destroy();
  }
}

const STORE_KEY = Symbol.for('halfhour.pageStore');
const globalStore = globalThis as unknown as { [STORE_KEY]?: PageStore };

/** Makes the store the environment asks for: Redis with REDIS_URL (keys under REDIS_KEY_PREFIX), else this process's memory. */
export function createPageStore(env: Record<string, string | undefined> = process.env): PageStore {
  return env.REDIS_URL ? new RedisPageStore(env.REDIS_URL, env.REDIS_KEY_PREFIX || 'halfhour:') : new MemoryPageStore();
}

/** This process's one store, on globalThis: Next's native copy of the handler and the app's bundle share it. */
export function pageStore(): PageStore {
  globalStore[STORE_KEY] ??= createPageStore();
  return globalStore[STORE_KEY];
}
