// Reading the public pages as a signed-out visitor, for the tests of the page cache (docs/decisions/0013):
// whether a response came from the cache, and how soon a write shows on it.
import { expect, type APIRequestContext } from '@playwright/test';

/** The freshness target: a write shows on every public page within two seconds. */
export const FRESH_WITHIN_MS = 2_000;

export interface Seen {
  status: number;
  /** Next's x-nextjs-cache: HIT or STALE from the cache, MISS when rendered for the request. */
  cache: string | undefined;
  html: string;
}

export async function anonymously(request: APIRequestContext, path: string): Promise<Seen> {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), cache: response.headers()['x-nextjs-cache'], html: await response.text() };
}

/** Loads a page until it comes from the cache, so a later change has a cached copy to replace. */
export async function warm(request: APIRequestContext, path: string): Promise<Seen> {
  // The journeys running alongside write too, and each write that touches this page sends it back to a
  // fresh render (a MISS): keep asking, for up to ten seconds, until a copy is served from the cache.
  let seen = await anonymously(request, path);
  for (let tries = 0; seen.cache !== 'HIT' && tries < 50; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen = await anonymously(request, path);
  }
  expect(seen.cache, `${path} is served from the page cache`).toBe('HIT');
  // As a plain document: the public pages need no JavaScript, so the cache sends none (decision 13).
  expect(seen.html, `${path} is sent without scripts`).not.toMatch(/<script/i);
  return seen;
}

/**
 * Polls an anonymous page until `shows` holds, failing if that takes longer than two seconds from `since`
 * (the write's response); then checks the fresh page is itself served from the cache.
 */
export async function freshWithin(request: APIRequestContext, path: string, since: number, shows: (seen: Seen) => boolean) {
  for (;;) {
    const seen = await anonymously(request, path);
    const elapsed = Date.now() - since;
    if (shows(seen)) break;
    expect(elapsed, `${path} shows the change within ${FRESH_WITHIN_MS} ms of the write`).toBeLessThanOrEqual(FRESH_WITHIN_MS);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const again = await warm(request, path);
  expect(shows(again), `${path} from the cache shows the change`).toBe(true);
}
