// Results worth keeping for a short while in this process, dropped as soon as the database says a write changed
// one of their tags: the same rule as the cached pages (lib/cache/freshness.ts), so a write through any server,
// a worker or plain SQL is seen here too. For reads that cost far more than they change, such as the asks that fit a
// volunteer (hundreds of candidate asks ranked, to show five). Each use says in its key what else it depends
// on. Values are shared between requests: callers must not change them.
import 'server-only';
import { freshness } from './freshness';

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
 * untouched since it was loaded. While this process cannot hear the database, the value is loaded again.
 */
export async function cachedData<T>(
  key: string,
  /** `tags`: what the value depends on, told from the value itself (the asks it shows, say). */
  options: { tags: (value: T) => string[]; maxAgeMs: number },
  load: () => Promise<T>,
): Promise<T> {
  const entry = entries.get(key);
  if (entry && Date.now() - entry.computedAt < options.maxAgeMs) {
    if (!freshness().isStale({ renderedAt: entry.computedAt, tags: entry.tags })) {
      // Most recently used last, so eviction takes the oldest first.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value as T;
    }
  }
  const computedAt = Date.now();
  const value = await load();
  entries.delete(key);
  entries.set(key, { value, computedAt, tags: options.tags(value) });
  if (entries.size > DATA_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** Forgets everything (tests). */
export function clearDataCache(): void {
  entries.clear();
}
