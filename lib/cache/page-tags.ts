// The tags cached pages carry, and how a page takes them on. A tag names something a write can change; the
// database's triggers send the same names when a committed write changes one (page_tags in migration
// 20261207123000_page_changes, the other half of this list: tests/integration/page-freshness.test.ts checks
// they agree), and every page carrying it is rendered again on its next request (docs/decisions/0024).
import { attachTags } from './next-internals';
import { EXPIRES_AT_TAG_PREFIX, NOT_FOUND_TAG, RENDERED_AT_TAG_PREFIX } from './page-cache';

export const PAGE_TAGS = {
  /** Every cached page (a skill or category renamed, a table truncated). */
  all: 'public',
  /** Every list of asks: the browse pages (each filter combination) and the home page's newest asks. */
  askLists: 'asks:list',
  /** The home page's figures (open asks, volunteers, organisations, sessions held). */
  home: 'home',
  /** One ask's page (also sent for the other stages of its project, which it lists). */
  ask: (id: string) => `ask:${id}`,
  /** One project's page. */
  project: (id: string) => `project:${id}`,
  /** The asks needing a skill: a volunteer's "asks that fit you" carries the tags of their skills. */
  skill: (id: string) => `skill:${id}`,
  /** Every list of clinics: /clinics (each filter and page), the home page's "Clinics coming up", "clinics that fit". */
  clinicLists: 'clinics:list',
  /** One clinic's page. */
  clinic: (id: string) => `clinic:${id}`,
} as const;

/**
 * Gives the cached page being rendered these tags, `public` and the time its render began, so a change during
 * the render counts (lib/cache/freshness.ts). Call it before the page reads what the tags stand for; a page may
 * call it again with more tags once it knows them. `expiresAt`: when the page goes out of date by the clock.
 */
export async function tagPage(tags: string[], { expiresAt }: { expiresAt?: Date } = {}): Promise<void> {
  const all = [PAGE_TAGS.all, ...tags, `${RENDERED_AT_TAG_PREFIX}${Date.now()}`];
  if (expiresAt) all.push(`${EXPIRES_AT_TAG_PREFIX}${expiresAt.getTime()}`);
  await attachTags(all);
}

/**
 * Marks the cached page being rendered as "not found": it renders NotFoundMessage itself, and the page cache
 * sends it with status 404 (Next's notFound() in a cached page gives an empty shell that only scripts fill).
 */
export async function tagNotFound(): Promise<void> {
  await attachTags([NOT_FOUND_TAG]);
}
