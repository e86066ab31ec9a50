// The statements a page of /asks runs, written in SQL so each uses the index chosen for it
// (docs/decisions/0007-browse-and-search.md), for either of the two plans ./list-plan.ts names: a walk (the
// cards and a capped count, run side by side) or a gather (one statement: the matches counted up to
// GATHER_LIMIT + 1 and, if that few, the page's cards). No database client here: ./browse.ts chooses the plan
// and runs them; the benchmark and the tests EXPLAIN them.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Medium, Region } from '@/lib/generated/prisma/enums';
import { type BrowseFilters, type BrowseQuery, cursorKeyFor } from './browse-query';
import { GATHER_LIMIT, type ListPlan } from './list-plan';
import { listedAskSql } from './listed';
import { filterSql, type TaxonomyIds } from './search-plan';

export const ASKS_PER_PAGE = 20;
/**
 * Counting stops here: "more than 100 open asks" tells a visitor as much as an exact figure, and the count
 * then reads at most this many rows, so it costs about as much as a few pages of the list.
 */
export const COUNT_CAP = 100;

/**
 * One ask in a list, as AskCard shows it. The same shape as Prisma's card select in ./queries (the home
 * page's newest asks), so one component shows both; read here in the list query itself, in one round trip.
 */
export interface AskCardData {
  id: string;
  title: string;
  question: string;
  durationMinutes: number;
  media: Medium[];
  deadline: Date;
  publishedAt: Date | null;
  organisation: { name: string; region: Region };
  skills: Array<{ skill: { slug: string; name: string } }>;
  /** Offers still waiting for the charity's answer. */
  _count: { offers: number };
}

/** One row of a list statement: a card's own columns, what AskCard shows of its relations, and its sort key. */
export interface CardRow extends Omit<AskCardData, 'organisation' | 'skills' | '_count'> {
  organisationName: string;
  organisationRegion: Region;
  skills: Array<{ slug: string; name: string }>;
  pendingOffers: number;
  sortKey: Date;
}

/**
 * One row of a gather: how many asks match (up to GATHER_LIMIT + 1) and a card, or, when the page is empty or
 * the matches were too many to gather, only the count (the card's columns null).
 */
export type GatheredRow = { matchCount: number } & ({ [K in keyof CardRow]: CardRow[K] } | { [K in keyof CardRow]: null });

// The card's columns. PostgreSQL evaluates the subqueries only for the rows the LIMIT keeps, so the list
// reads the organisation's name for those 21 rows rather than joining it to every candidate.
export const CARD_COLUMNS = Prisma.sql`a.id, a.title, a.question, a."durationMinutes", a.media::text[] AS media, a.deadline,
  a."publishedAt", (SELECT o.name FROM "Organisation" o WHERE o.id = a."organisationId") AS "organisationName",
  a."organisationRegion"::text AS "organisationRegion",
  (SELECT count(*)::int FROM "Offer" f WHERE f."askId" = a.id AND f.status = 'PENDING') AS "pendingOffers",
  coalesce((SELECT json_agg(json_build_object('slug', k.slug, 'name', k.name) ORDER BY k.name)
              FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId" WHERE x."askId" = a.id), '[]') AS skills`;

export function toCard(row: CardRow): AskCardData {
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    durationMinutes: row.durationMinutes,
    media: row.media,
    deadline: row.deadline,
    publishedAt: row.publishedAt,
    organisation: { name: row.organisationName, region: row.organisationRegion },
    skills: row.skills.map((skill) => ({ skill })),
    _count: { offers: row.pendingOffers },
  };
}

/** The listed asks matching the filters, as one condition over the ask `a`, written for the plan. */
export function whereSql(filters: BrowseFilters, tsquery: string | undefined, now: Date, ids?: TaxonomyIds, plan?: ListPlan): Prisma.Sql {
  return Prisma.join([listedAskSql(now), ...filterSql(filters, tsquery, now, ids, { plan })], ' AND ');
}

const SORT_COLUMNS = {
  newest: { column: Prisma.raw('a."publishedAt"'), descending: true },
  deadline: { column: Prisma.raw('a.deadline'), descending: false },
} as const;

/** A walk's statements, or PostgreSQL's choice when no plan is asked for. */
export interface BrowseStatements {
  /** The page's cards (one more than a page, to know whether there is another) and their sort keys. */
  list: Prisma.Sql;
  /** How many rows match, up to COUNT_CAP + 1. */
  count: Prisma.Sql;
  /** The list runs in reverse order (a "before" or last page) and its rows must be turned round. */
  reversed: boolean;
}

/** A gather's one statement, whose rows are GatheredRow: the count of the matches beside each of the page's cards. */
export interface GatherStatement {
  list: Prisma.Sql;
  reversed: boolean;
}

interface PageShape {
  column: Prisma.Sql;
  direction: Prisma.Sql;
  reversed: boolean;
  /** The conditions that keep the rows beyond the cursor, over the sort key and id given, if the page has one. */
  beyondCursor: (key: Prisma.Sql, id: Prisma.Sql) => Prisma.Sql[];
}

function pageShape(query: BrowseQuery): PageShape {
  const { column, descending } = SORT_COLUMNS[cursorKeyFor(query.sort)];
  const reversed = query.page.kind === 'before' || query.page.kind === 'last';
  // Forward order for newest is (key, id) descending; a reversed page walks the same index backwards.
  const down = descending !== reversed;
  const { page } = query;
  return {
    column,
    direction: Prisma.raw(down ? 'DESC' : 'ASC'),
    reversed,
    beyondCursor: (key, id) => {
      if (page.kind !== 'after' && page.kind !== 'before') return [];
      const { at, id: cursorId } = page.cursor;
      return [
        down
          ? Prisma.sql`(${key}, ${id}) < (${at}::timestamptz, ${cursorId})`
          : Prisma.sql`(${key}, ${id}) > (${at}::timestamptz, ${cursorId})`,
      ];
    },
  };
}

const PAGE_LIMIT = Prisma.raw(String(ASKS_PER_PAGE + 1));

/**
 * The list and count of a walk (`plan` 'walk') or, without a plan, as PostgreSQL chooses, which is right whenever
 * no GIN-indexed filter is asked for (it walks); exported so the benchmark and tests can EXPLAIN what the page
 * runs. `ids` are the skill and area slugs looked up (resolveTaxonomyIds); without them the statements look them
 * up themselves.
 */
export function browseStatements(
  query: BrowseQuery,
  tsquery: string | undefined,
  now: Date,
  ids?: TaxonomyIds,
  plan?: 'walk',
): BrowseStatements {
  const { column, direction, reversed, beyondCursor } = pageShape(query);
  const where = whereSql(query, tsquery, now, ids, plan);
  return {
    // The walk picks the page's ids first, then reads the cards of those 21 only: picking needs no column
    // outside the covering list indexes (words aside), so PostgreSQL checks each walked entry in the index
    // itself (an index-only scan) instead of fetching its row to test the filters, which at a million asks
    // was most of the time of a filter that skips thousands of asks (bench:browse, cause + medium).
    list: Prisma.sql`WITH page AS (SELECT a.id, ${column} AS key FROM "Ask" a
        WHERE ${Prisma.join([where, ...beyondCursor(column, Prisma.sql`a.id`)], ' AND ')}
        ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${PAGE_LIMIT})
      SELECT ${CARD_COLUMNS}, p.key AS "sortKey" FROM page p JOIN "Ask" a ON a.id = p.id ORDER BY p.key ${direction}, p.id ${direction}`,
    // The order only steers the plan (any 101 rows count the same, whatever the sort): ordered, the
    // count walks a covering list index newest first, index-only, until 101 entries match (a broad
    // filter; a region has its own), or ANDs the filters' bitmaps and sorts the few rows (a narrow one).
    // Unordered, PostgreSQL would find the first 101 rows of a broad filter with a sequential scan.
    count: Prisma.sql`SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "Ask" a WHERE ${where}
      ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${Prisma.raw(String(COUNT_CAP + 1))}) AS capped`,
    reversed,
  };
}

/**
 * A gather in one statement: every match read through the GIN index (a materialized CTE is planned for all its
 * rows, so no walk hoping to meet matches soon), counted up to GATHER_LIMIT + 1, sorted, and the cards of the
 * page's rows only, so counting and listing read the matches once. With `mayFallBack`, more matches than
 * GATHER_LIMIT leave the page empty (only the count comes back, and the caller walks); without, it gathers
 * however many there are (a forced plan, for the tests and the bench).
 */
export function gatherStatement(
  query: BrowseQuery,
  tsquery: string | undefined,
  now: Date,
  ids?: TaxonomyIds,
  options: { mayFallBack?: boolean } = {},
): GatherStatement {
  const { column, direction, reversed, beyondCursor } = pageShape(query);
  const where = whereSql(query, tsquery, now, ids, 'gather');
  const conditions = beyondCursor(Prisma.sql`m.key`, Prisma.sql`m.id`);
  if (options.mayFallBack) conditions.push(Prisma.sql`(SELECT n FROM counted) <= ${Prisma.raw(String(GATHER_LIMIT))}`);
  return {
    list: Prisma.sql`WITH matched AS MATERIALIZED (SELECT a.id, ${column} AS key FROM "Ask" a WHERE ${where}),
      counted AS MATERIALIZED (SELECT count(*)::int AS n FROM (SELECT 1 FROM matched LIMIT ${Prisma.raw(String(GATHER_LIMIT + 1))}) AS upto),
      page AS (SELECT m.id, m.key FROM matched m ${conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
        ORDER BY m.key ${direction}, m.id ${direction} LIMIT ${PAGE_LIMIT})
      SELECT c.n AS "matchCount", cards.* FROM counted c LEFT JOIN LATERAL (
        SELECT ${CARD_COLUMNS}, p.key AS "sortKey" FROM page p JOIN "Ask" a ON a.id = p.id) AS cards ON true
      ORDER BY cards."sortKey" ${direction}, cards.id ${direction}`,
    reversed,
  };
}
