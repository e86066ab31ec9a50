// Attaching tags to the cached public page being rendered. A write invalidates the tags of what it
// changed (lib/cache/invalidate.ts); every page carrying one is rendered again on its next request.
import 'server-only';
import { unstable_cache } from 'next/cache';
import { EXPIRES_AT_TAG_PREFIX, RENDERED_AT_TAG_PREFIX } from './page-cache';
import { PUBLIC_TAGS } from './tag-names';

export { PUBLIC_TAGS };

/**
 * Attaches tags to the page being rendered, and the time its render began (so an invalidation during the
 * render counts: see isInvalidated). It goes through `unstable_cache` because that is how a page collects
 * tags outside Cache Components; the cache handler keeps no data entries, so nothing is cached twice.
 */
export async function tagCachedPage(tags: string[], { expiresAt }: { expiresAt?: Date } = {}): Promise<void> {
  const all = [PUBLIC_TAGS.all, ...tags, `${RENDERED_AT_TAG_PREFIX}${Date.now()}`];
  // Past this moment the page is rendered again before it is served (lib/cache/page-cache.ts).
  if (expiresAt) all.push(`${EXPIRES_AT_TAG_PREFIX}${expiresAt.getTime()}`);
  await unstable_cache(async () => null, ['page-tags', ...all], { tags: all })();
}
