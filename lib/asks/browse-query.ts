// The /asks query string: every filter, the sort and the page position live in the URL, so a search can
// be shared, bookmarked and gone back to. Parsing never throws: anything that makes no sense (unknown
// values, repeated parameters, garbage cursors, huge numbers) falls back to the default for that field.
import { z } from 'zod';
import { CauseArea, Medium, Region } from '@/lib/generated/prisma/enums';

export const BROWSE_PATH = '/asks';
export const DURATIONS = [15, 20, 30, 45, 60] as const;
export const POSTED_WITHIN_DAYS = [1, 7, 30] as const;
export const SORTS = ['newest', 'deadline', 'best-fit'] as const;
export const MAX_QUERY_LENGTH = 200;

export type BrowseSort = (typeof SORTS)[number];
export type Duration = (typeof DURATIONS)[number];
export type PostedWithin = (typeof POSTED_WITHIN_DAYS)[number];

/** The sort a cursor was made for: a cursor from one order means nothing in another. */
export type CursorKey = 'newest' | 'deadline';

/** A position in the list: the sort key (publishedAt or deadline) and id of the row next to it. */
export interface Cursor {
  key: CursorKey;
  at: Date;
  id: string;
}

/** Which page: the first, the last (the first in reverse order), or the rows after / before a row. */
export type BrowsePage = { kind: 'first' } | { kind: 'last' } | { kind: 'after'; cursor: Cursor } | { kind: 'before'; cursor: Cursor };

export interface BrowseFilters {
  q?: string;
  skill?: string;
  category?: string;
  cause?: CauseArea;
  duration?: Duration;
  media: Medium[];
  region?: Region;
  postedWithin?: PostedWithin;
}

export interface BrowseQuery extends BrowseFilters {
  sort: BrowseSort;
  page: BrowsePage;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** Slugs that exist, so a stale or made-up skill in a link is dropped instead of matching nothing. */
export interface KnownSlugs {
  skills: ReadonlySet<string>;
  categories: ReadonlySet<string>;
}

export const DEFAULT_BROWSE_QUERY: BrowseQuery = { media: [], sort: 'newest', page: { kind: 'first' } };

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const oneOfNumbers = <T extends number>(values: readonly T[]) =>
  z.coerce.number().refine((value): value is T => (values as readonly number[]).includes(value));

const fieldSchemas = {
  q: z
    .string()
    .transform((text) =>
      text
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .trim()
        .slice(0, MAX_QUERY_LENGTH),
    )
    .transform((text) => text || undefined),
  skill: slug,
  category: slug,
  cause: z.enum(CauseArea),
  duration: oneOfNumbers(DURATIONS),
  medium: z.enum(Medium),
  region: z.enum(Region),
  posted: oneOfNumbers(POSTED_WITHIN_DAYS),
  sort: z.enum(SORTS),
};

/** The value of a field, or undefined when it is missing or invalid. */
function field<K extends keyof typeof fieldSchemas>(key: K, value: string | undefined) {
  if (value === undefined || value === '') return undefined;
  const parsed = fieldSchemas[key].safeParse(value);
  return parsed.success ? (parsed.data as z.output<(typeof fieldSchemas)[K]>) : undefined;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

// "n.1781520000000.ask-id": the sort, the key in epoch milliseconds, the id.
const CURSOR_PATTERN = /^([nd])\.(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;
const MAX_TIME = 8_640_000_000_000_000; // the largest Date

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.key === 'newest' ? 'n' : 'd'}.${cursor.at.getTime()}.${cursor.id}`;
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  const match = text ? CURSOR_PATTERN.exec(text) : null;
  if (!match) return undefined;
  const time = Number(match[2]);
  if (!Number.isSafeInteger(time) || time > MAX_TIME) return undefined;
  return { key: match[1] === 'n' ? 'newest' : 'deadline', at: new Date(time), id: match[3]! };
}

/** The order a sort pages in: "best fit" is one ranked page, and when it falls back it pages newest first. */
export function cursorKeyFor(sort: BrowseSort): CursorKey {
  return sort === 'deadline' ? 'deadline' : 'newest';
}

function parsePage(params: SearchParams, sort: BrowseSort): BrowsePage {
  const after = all(params.after);
  const before = all(params.before);
  const last = first(params.page) === 'last';
  // One position only; a URL asking for two at once gets the first page.
  if (after.length + before.length + (last ? 1 : 0) !== 1) return { kind: 'first' };
  if (last) return { kind: 'last' };
  const cursor = decodeCursor(after[0] ?? before[0]);
  if (!cursor || cursor.key !== cursorKeyFor(sort)) return { kind: 'first' };
  return after.length ? { kind: 'after', cursor } : { kind: 'before', cursor };
}

/** Reads the /asks query string. Never throws; each bad field falls back to its default. */
export function parseBrowseQuery(params: SearchParams, known?: KnownSlugs): BrowseQuery {
  const skill = field('skill', first(params.skill));
  const category = field('category', first(params.category));
  const media = [...new Set(all(params.medium).flatMap((value) => field('medium', value) ?? []))];
  const sort = field('sort', first(params.sort)) ?? 'newest';
  return {
    q: field('q', first(params.q)),
    skill: skill && (!known || known.skills.has(skill)) ? skill : undefined,
    category: category && (!known || known.categories.has(category)) ? category : undefined,
    cause: field('cause', first(params.cause)),
    duration: field('duration', first(params.duration)),
    media: Object.values(Medium).filter((medium) => media.includes(medium)),
    region: field('region', first(params.region)),
    postedWithin: field('posted', first(params.posted)),
    sort,
    page: parsePage(params, sort),
  };
}

/** True when any filter (not the sort or page) narrows the list. */
export function hasFilters(query: BrowseFilters): boolean {
  return Boolean(
    query.q || query.skill || query.category || query.cause || query.duration || query.media.length || query.region || query.postedWithin,
  );
}

/** The URL of a query, leaving out defaults so links stay short. The inverse of parseBrowseQuery. */
export function browseHref(query: Partial<BrowseQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.skill) params.set('skill', query.skill);
  if (query.category) params.set('category', query.category);
  if (query.cause) params.set('cause', query.cause);
  if (query.duration) params.set('duration', String(query.duration));
  for (const medium of query.media ?? []) params.append('medium', medium);
  if (query.region) params.set('region', query.region);
  if (query.postedWithin) params.set('posted', String(query.postedWithin));
  if (query.sort && query.sort !== 'newest') params.set('sort', query.sort);
  const page = query.page ?? { kind: 'first' };
  if (page.kind === 'last') params.set('page', 'last');
  if (page.kind === 'after') params.set('after', encodeCursor(page.cursor));
  if (page.kind === 'before') params.set('before', encodeCursor(page.cursor));
  const text = params.toString();
  return text ? `${BROWSE_PATH}?${text}` : BROWSE_PATH;
}
