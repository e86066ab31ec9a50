// Whether a cached page (or a cached result) is still fresh: the one rule every cache here follows
// (docs/decisions/0024). The database says which tags each committed write touched (triggers, migration
// 20261207123000_page_changes); this process hears them (lib/cache/listener.ts) and notes when each tag last
// changed. A page is stale when one of its tags changed after its render began, or when it was rendered
// before this process could hear every change (before it started listening, or across a gap in listening).
// Imported natively by lib/cache/page-cache.ts: no imports, erasable types only.

/**
 * Clocks of different servers differ a little, and a notification arrives a moment after its commit: a page
 * whose render began up to this long after a change of one of its tags is rendered once more rather than
 * risk keeping what it read before.
 */
const CLOCK_ALLOWANCE_MS = 250;
/** Past this many remembered tags, changes older than FORGET_AFTER_MS are forgotten (see #forget). */
const MAX_REMEMBERED = 100_000;
const FORGET_AFTER_MS = 10 * 60_000;

export interface Rendered {
  /** When the render began reading data. */
  renderedAt: number;
  tags: string[];
}

export class Freshness {
  readonly #changedAt = new Map<string, number>();
  /** Whether this process hears the database now. While it does not, nothing cached is fresh. */
  #hearing = false;
  /** Anything rendered before this moment is stale: changes before it were not heard, or were forgotten. */
  #since = 0;

  /** The listener connected (or connected again): changes from now on are heard; nothing rendered before counts. */
  startedHearing(at = Date.now()): void {
    this.#hearing = true;
    this.#since = Math.max(this.#since, at);
  }

  /** The listener lost its connection: until it is back, every page renders per request. */
  stoppedHearing(): void {
    this.#hearing = false;
  }

  get hearing(): boolean {
    return this.#hearing;
  }

  /** The database says these tags changed (a commit just now). */
  changed(tags: Iterable<string>, at = Date.now()): void {
    for (const tag of tags) {
      this.#changedAt.delete(tag); // re-inserted last, so the map stays in order of change
      this.#changedAt.set(tag, at);
    }
    if (this.#changedAt.size > MAX_REMEMBERED) this.#forget(at - FORGET_AFTER_MS);
  }

  /** True when the page must not be served as it is: one of its tags changed since its render began, or it may have. */
  isStale(page: Rendered): boolean {
    return this.state(page) !== 'fresh';
  }

  /**
   * `fresh`; `changed`: one of its tags changed at or after its render began; `unheard`: it was rendered before
   * this process heard every change (or while it cannot hear), so nobody knows.
   */
  state(page: Rendered): 'fresh' | 'changed' | 'unheard' {
    if (!this.#hearing || this.#since + CLOCK_ALLOWANCE_MS >= page.renderedAt) return 'unheard';
    let latest = 0;
    for (const tag of page.tags) latest = Math.max(latest, this.#changedAt.get(tag) ?? 0);
    return latest + CLOCK_ALLOWANCE_MS >= page.renderedAt ? 'changed' : 'fresh';
  }

  /** Drops changes older than `before`; pages rendered before it count as stale, as if it were a new start. */
  #forget(before: number): void {
    for (const [tag, at] of this.#changedAt) {
      if (at >= before) break;
      this.#changedAt.delete(tag);
    }
    this.#since = Math.max(this.#since, before);
  }
}

const FRESHNESS_KEY = Symbol.for('halfhour.freshness');
const globalFreshness = globalThis as unknown as { [FRESHNESS_KEY]?: Freshness };

/**
 * This process's one record of changes, on globalThis: Next loads the cache handler natively and the app's
 * bundle loads its own copy of this file; both must read what the listener heard.
 */
export function freshness(): Freshness {
  globalFreshness[FRESHNESS_KEY] ??= new Freshness();
  return globalFreshness[FRESHNESS_KEY];
}
