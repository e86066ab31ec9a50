// What lib/cache/next-internals.ts read from Next, checked against the Next that is installed: an upgrade that
// changes one fails here, by name, instead of quietly serving stale or script-laden pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IMPLICIT_TAG_PREFIX,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  NEXT_VERSION,
  RESPONSE_KINDS,
  SERVE_WHILE_RENDERING_AGAIN,
  TAGS_HEADER,
} from '@/lib/cache/next-internals';

const require = createRequire(import.meta.url);
const nextDir = path.dirname(require.resolve('next/package.json'));
const read = (file: string) => readFileSync(path.join(nextDir, file), 'utf8');

describe('the Next internals the page cache relies on', () => {
  it('were read from the installed Next (check each below before changing NEXT_VERSION)', () => {
    expect(JSON.parse(read('package.json')).version).toBe(NEXT_VERSION);
  });

  it.each([
    ['NEXT_CACHE_TAGS_HEADER', `'${TAGS_HEADER}'`],
    ['NEXT_CACHE_IMPLICIT_TAG_ID', `'${IMPLICIT_TAG_PREFIX}'`],
    ['NEXT_CACHE_TAG_MAX_ITEMS', String(MAX_TAGS)],
    ['NEXT_CACHE_TAG_MAX_LENGTH', String(MAX_TAG_LENGTH)],
  ])('%s is still %s', (name, value) => {
    expect(read('dist/lib/constants.js')).toContain(`const ${name} = ${value};`);
  });

  it('still serves an entry whose lastModified is past its revalidate time while rendering it again, treating 0 as now and -1 as "render first"', () => {
    const cache = read('dist/server/lib/incremental-cache/index.js');
    expect(cache).toContain('const lastModified = (cacheData == null ? void 0 : cacheData.lastModified) || now;');
    expect(cache).toContain('(cacheData == null ? void 0 : cacheData.lastModified) === -1');
    expect(cache).toContain('isStale = revalidateAfter !== false && revalidateAfter < now ? true : undefined;');
    expect(SERVE_WHILE_RENDERING_AGAIN).toBe(1);
  });

  it('still answers a render, and every request that waited for it, from the object it handed the cache handler', () => {
    const responseCache = read('dist/server/response-cache/index.js');
    // The value set is handed, then returned to the batcher whose waiters all receive it.
    expect(responseCache).toContain('await incrementalCache.set(key, incrementalResponseCacheEntry.value, {');
    expect(responseCache).toContain('return incrementalResponseCacheEntry;');
    expect(responseCache).toContain('const response = await this.getBatcher.batch({');
    expect(read('dist/server/lib/incremental-cache/index.js')).toContain(
      'this.cacheHandler) == null ? void 0 : _this_cacheHandler.set(storageKey, data, handlerContext)',
    );
    // ... and the response is built from that value's html and headers, read after set returned.
    const utils = read('dist/server/response-cache/utils.js');
    expect(utils).toContain('html: _renderresult.default.fromStatic(response.value.html, _constants.HTML_CONTENT_TYPE_HEADER),');
    expect(utils).toContain('headers: response.value.headers,');
  });

  it('still names the kinds of response entry the handler keeps', () => {
    const kinds = read('dist/server/response-cache/types.js');
    for (const kind of RESPONSE_KINDS) expect(kinds, kind).toContain(`"${kind}"`);
  });

  it('still hands the cache handler its build directory and tags header, and still collects unstable_cache tags into the page', () => {
    expect(read('dist/server/lib/incremental-cache/index.js')).toContain('serverDistDir');
    expect(read('dist/server/lib/incremental-cache/file-system-cache.js')).toContain('NEXT_CACHE_TAGS_HEADER');
    // unstable_cache records its tags on the render's store; the render's tags become the page's (fetchTags, sent as TAGS_HEADER).
    expect(read('dist/server/web/spec-extension/unstable-cache.js')).toContain('tags');
    expect(read('dist/server/app-render/app-render.js')).toContain("metadata.fetchTags = response.collectedTags.join(',')");
  });
});
