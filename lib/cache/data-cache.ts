// Results worth keeping for a short while in this process, dropped as soon as a write invalidates one of their
// tags: the same invalidations as the cached pages (lib/cache/invalidate.ts), so with REDIS_URL a write through
// any server is seen here too. For reads that cost far more than they change, such as the asks that fit a
// volunteer (hundreds of candidate asks ranked, to show five). Each use says in its key what else it depends
// on. Values are shared between requests: callers must not change them.
import 'server-only';
import { isInvalidated, pageCacheStore } from './page-cache';

/** The most results kept; the least recently used goes first. */
export const DATA_CACHE_ENTRIES = 5_000;

interface Entry {
  value: unknown;
  /** When the load began, so a write during it counts as after it. */
  computedAt: number;
  tags: string[];
}

const entries = new Map<string, Entry>();

/**
 * The value under `key`, loaded by `load` when there is none younger than `maxAgeMs` whose tags are all
 * untouched since it was loaded. If the tag store cannot be read, the value is loaded again.
 */
export async function cachedData<T>(key: string, options: { tags: string[]; maxAgeMs: number }, load: () => Promise<T>): Promise<T> {
  const entry = entries.get(key);
  if (entry && Date.now() - entry.computedAt < options.maxAgeMs) {
    const invalidatedAt = await pageCacheStore()
      .invalidatedAt(entry.tags)
      .catch(() => Date.now());
    if (!isInvalidated({ renderedAt: entry.computedAt }, invalidatedAt)) {
      // Most recently used last, so eviction takes the oldest first.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value as T;
    }
  }
  const computedAt = Date.now();
  const value = await load();
  entries.delete(key);
  entries.set(key, { value, computedAt, tags: options.tags });
  if (entries.size > DATA_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** Forgets everything (tests). */
export function clearDataCache(): void {
  entries.clear();
}
