// Browsing and searching the open asks (/asks): keyset pages of cards and a capped count, with the filters and
// typo-tolerant full-text search that ./search-plan.ts turns into conditions. Written in SQL so each statement uses
// the index chosen for it, and a page is two statements run side by side: the cards and the count
// (docs/decisions/0007-browse-and-search.md).
import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Medium, Region } from '@/lib/generated/prisma/enums';
import { asksThatFit } from '@/lib/matching/asks-for-volunteer';
import { listedAskSql } from './listed';
import { type BrowseFilters, type BrowseQuery, type BrowseSort, type Cursor, cursorKeyFor, type KnownSlugs } from './browse-query';
import { estimatedRows, estimateSql, type ListPlan, planFromCount, planFromEstimate, probeSql, totalRowsSql } from './list-plan';
import { filterSql, gatheringSql, planSearch, resolveTaxonomyIds, type TaxonomyIds, typoLookupSql } from './search-plan';

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

interface CardRow {
  id: string;
  title: string;
  question: string;
  durationMinutes: number;
  media: Medium[];
  deadline: Date;
  publishedAt: Date | null;
  organisationName: string;
  organisationRegion: Region;
  skills: Array<{ slug: string; name: string }>;
  pendingOffers: number;
  sortKey: Date;
}

// The card's columns. PostgreSQL evaluates the subqueries only for the rows the LIMIT keeps, so the list
// reads the organisation's name for those 21 rows rather than joining it to every candidate.
const CARD_COLUMNS = Prisma.sql`a.id, a.title, a.question, a."durationMinutes", a.media::text[] AS media, a.deadline,
  a."publishedAt", (SELECT o.name FROM "Organisation" o WHERE o.id = a."organisationId") AS "organisationName",
  a."organisationRegion"::text AS "organisationRegion",
  (SELECT count(*)::int FROM "Offer" f WHERE f."askId" = a.id AND f.status = 'PENDING') AS "pendingOffers",
  coalesce((SELECT json_agg(json_build_object('slug', k.slug, 'name', k.name) ORDER BY k.name)
              FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId" WHERE x."askId" = a.id), '[]') AS skills`;

function toCard(row: CardRow): AskCardData {
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

/** Who is looking: only someone with a volunteer profile can ask for the asks that fit them best. */
export interface BrowseViewer {
  hasVolunteerProfile: boolean;
  /** The volunteer's user id: "best fit" ranks the asks for them (lib/matching). Without it, best fit falls back. */
  userId?: string;
}

export interface BrowseResult {
  asks: AskCardData[];
  /** Listed asks that match the filters, counted up to COUNT_CAP; `capped` means "more than". */
  count: { value: number; capped: boolean };
  /** The sort the viewer may use ("best-fit" only with a volunteer profile). */
  sort: BrowseSort;
  /** "Best fit" was asked for but nothing could be ranked for the viewer: the list is newest first and the page says so. */
  bestFitFallback: boolean;
  /**
   * With "best fit": why each ask on the page fits the viewer, by ask id. The page is then the asks matching the
   * filters that fit them best, ranked by lib/matching, one page with no cursors.
   */
  fitReasons?: Record<string, string[]>;
  /** Close spellings of the typed words that were searched for as well ("budgeting" for "budgetting"). */
  alsoSearchedFor: string[];
  /** Cursors of the rows either side of this page; absent at the start or end of the list. */
  previous?: Cursor;
  next?: Cursor;
  /**
   * How the list was read (./list-plan.ts): walked down an index in order, or gathered through the GIN index of
   * the words or filters and sorted; undefined when PostgreSQL chose (no GIN-indexed filter: it always walks).
   */
  plan?: ListPlan;
}

/** For tests and the bench: read the list with this plan instead of the one the page would choose. */
export interface BrowseOptions {
  plan?: ListPlan;
}

// ------------------------------------------------------------------------------------------ the page's statements

function whereSql(filters: BrowseFilters, tsquery: string | undefined, now: Date, ids?: TaxonomyIds, plan?: ListPlan): Prisma.Sql {
  return Prisma.join([listedAskSql(now), ...filterSql(filters, tsquery, now, ids, { plan })], ' AND ');
}

const SORT_COLUMNS = {
  newest: { column: Prisma.raw('a."publishedAt"'), descending: true },
  deadline: { column: Prisma.raw('a.deadline'), descending: false },
} as const;

export interface BrowseStatements {
  /** The page's cards (one more than a page, to know whether there is another) and their sort keys. */
  list: Prisma.Sql;
  /** How many rows match, up to COUNT_CAP + 1. */
  count: Prisma.Sql;
  /** The list runs in reverse order (a "before" or last page) and its rows must be turned round. */
  reversed: boolean;
}

/**
 * The two statements a page runs; exported so the benchmark can EXPLAIN exactly what the page runs.
 * `ids` are the skill and area slugs looked up (resolveTaxonomyIds); without them the statements look
 * them up themselves. `plan` (./list-plan.ts) writes them so PostgreSQL walks or gathers; without it,
 * PostgreSQL chooses, which is right whenever no GIN-indexed filter is asked for (it walks).
 */
export function browseStatements(
  query: BrowseQuery,
  tsquery: string | undefined,
  now: Date,
  ids?: TaxonomyIds,
  plan?: ListPlan,
): BrowseStatements {
  const { column, descending } = SORT_COLUMNS[cursorKeyFor(query.sort)];
  const reversed = query.page.kind === 'before' || query.page.kind === 'last';
  // Forward order for newest is (key, id) descending; a reversed page walks the same index backwards.
  const down = descending !== reversed;
  const direction = Prisma.raw(down ? 'DESC' : 'ASC');
  const where = whereSql(query, tsquery, now, ids, plan);
  const conditions = [where];
  if (query.page.kind === 'after' || query.page.kind === 'before') {
    const { at, id } = query.page.cursor;
    conditions.push(
      down ? Prisma.sql`(${column}, a.id) < (${at}::timestamptz, ${id})` : Prisma.sql`(${column}, a.id) > (${at}::timestamptz, ${id})`,
    );
  }
  const limit = Prisma.raw(String(ASKS_PER_PAGE + 1));
  const countLimit = Prisma.raw(String(COUNT_CAP + 1));
  if (plan === 'gather') {
    // Every match, read through the GIN index (a materialized CTE is planned for all its rows, so no walk
    // hoping to meet matches soon), sorted; then the cards of the page's rows only.
    return {
      list: Prisma.sql`WITH matched AS MATERIALIZED (SELECT a.id, ${column} AS key FROM "Ask" a WHERE ${Prisma.join(conditions, ' AND ')}),
        page AS (SELECT id, key FROM matched ORDER BY key ${direction}, id ${direction} LIMIT ${limit})
        SELECT ${CARD_COLUMNS}, p.key AS "sortKey" FROM page p JOIN "Ask" a ON a.id = p.id ORDER BY p.key ${direction}, p.id ${direction}`,
      count: Prisma.sql`WITH matched AS MATERIALIZED (SELECT 1 FROM "Ask" a WHERE ${where})
        SELECT count(*)::int AS "count" FROM (SELECT 1 FROM matched LIMIT ${countLimit}) AS capped`,
      reversed,
    };
  }
  return {
    list: Prisma.sql`SELECT ${CARD_COLUMNS}, ${column} AS "sortKey" FROM "Ask" a
      WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${limit}`,
    // The order only steers the plan (any 101 rows count the same, whatever the sort): ordered, the
    // count walks a covering list index newest first, index-only, until 101 entries match (a broad
    // filter; a region has its own), or ANDs the filters' bitmaps and sorts the few rows (a narrow one).
    // Unordered, PostgreSQL would find the first 101 rows of a broad filter with a sequential scan.
    count: Prisma.sql`SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "Ask" a WHERE ${where}
      ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${countLimit}) AS capped`,
    reversed,
  };
}

/** One statement a page runs, labelled, for EXPLAIN. */
export interface ExplainedStatement {
  label: string;
  sql: Prisma.Sql;
  /** Only planned by the page, never run (the estimate): EXPLAIN it without ANALYZE. */
  plannedOnly?: boolean;
}

/**
 * The statements a first-or-cursor page of `query` runs, labelled, for npm run bench:browse to EXPLAIN: the
 * look-ups, the plan's estimate and count if any, then the list and the count as the plan chosen writes them.
 */
export async function pageStatementsForExplain(query: BrowseQuery, now: Date): Promise<ExplainedStatement[]> {
  const [search, ids] = await Promise.all([planSearch(query.q), resolveTaxonomyIds(query)]);
  const typo = typoLookupSql(query.q);
  const gathering = gatheringSql(query, search.tsquery, now, ids);
  const where = whereSql(query, search.tsquery, now, ids, 'gather');
  const explained: ExplainedStatement[] = typo ? [{ label: 'typo', sql: typo }] : [];
  if (gathering) explained.push({ label: 'estimate', sql: Prisma.sql`SELECT 1 FROM "Ask" a WHERE ${gathering}`, plannedOnly: true });
  const chosen = gathering ? await choosePlan(gathering, where) : undefined;
  if (chosen?.probed !== undefined) explained.push({ label: 'probe', sql: probeSql(where) });
  const statements = browseStatements(query, search.tsquery, now, ids, chosen?.plan);
  explained.push({ label: `list${chosen ? ` (${chosen.plan})` : ''}`, sql: statements.list });
  if (chosen?.plan !== 'gather') explained.push({ label: 'count', sql: statements.count });
  return explained;
}

/**
 * Walk or gather (./list-plan.ts): walk when PostgreSQL's estimate of the GIN-indexed conditions (`gathering`)
 * says the matches are many; otherwise count the asks matching every condition (`where`) through that index, up
 * to GATHER_LIMIT + 1, and gather when they are that few. `probed` is that count, which is the page's count too.
 */
async function choosePlan(gathering: Prisma.Sql, where: Prisma.Sql): Promise<{ plan: ListPlan; probed?: number }> {
  const estimated = await estimatedPlan(gathering);
  if (estimated) return { plan: estimated };
  const [probe] = await db.$queryRaw<Array<{ count: number }>>(probeSql(where));
  const probed = probe?.count ?? 0;
  return { plan: planFromCount(probed), probed };
}

/**
 * What the estimate says of these GIN-indexed conditions (planFromEstimate). It comes from the table's statistics,
 * which change only when PostgreSQL analyses the table again, so it is kept a minute per set of conditions: a
 * popular filter then costs no round trip before its list. The count it may lead to is never kept.
 */
async function estimatedPlan(gathering: Prisma.Sql): Promise<ListPlan | undefined> {
  const key = JSON.stringify([gathering.text, gathering.values]);
  const kept = estimates.get(key);
  if (kept && Date.now() - kept.at < ESTIMATE_TTL_MS) return kept.plan;
  const [estimate, total] = await Promise.all([
    db.$queryRaw<Array<Record<string, unknown>>>(estimateSql(gathering)),
    db.$queryRaw<Array<{ rows: number }>>(totalRowsSql),
  ]);
  const plan = planFromEstimate(estimatedRows(estimate), total[0]?.rows ?? 0);
  if (estimates.size >= ESTIMATES_KEPT) estimates.delete(estimates.keys().next().value!);
  estimates.set(key, { at: Date.now(), plan });
  return plan;
}

const ESTIMATE_TTL_MS = 60_000;
const ESTIMATES_KEPT = 1_000;
const estimates = new Map<string, { at: number; plan: ListPlan | undefined }>();

/**
 * The page's list and count. With no GIN-indexed filter PostgreSQL walks an index in order whatever the size,
 * and chooses as it always has. With one, the plan is chosen from the answer (choosePlan) unless the caller
 * forces one, and the statements are written for it; a gather already knows its count from the probe.
 */
async function readPage(
  query: BrowseQuery,
  search: { tsquery: string | undefined },
  now: Date,
  ids: TaxonomyIds,
  forced?: ListPlan,
): Promise<{ statements: BrowseStatements; rows: CardRow[]; count: number; plan?: ListPlan }> {
  const gathering = gatheringSql(query, search.tsquery, now, ids);
  // The count that decides is a gather's own count, written as the gather writes it.
  const chosen = forced
    ? { plan: forced }
    : gathering
      ? await choosePlan(gathering, whereSql(query, search.tsquery, now, ids, 'gather'))
      : undefined;
  const statements = browseStatements(query, search.tsquery, now, ids, chosen?.plan);
  if (chosen?.plan === 'gather' && chosen.probed !== undefined) {
    return { statements, rows: await db.$queryRaw<CardRow[]>(statements.list), count: chosen.probed, plan: 'gather' };
  }
  const [rows, counted] = await Promise.all([
    db.$queryRaw<CardRow[]>(statements.list),
    db.$queryRaw<Array<{ count: number }>>(statements.count),
  ]);
  return { statements, rows, count: counted[0]?.count ?? 0, plan: chosen?.plan };
}

// ------------------------------------------------------------------------------------------ the list

/** The sort a viewer gets: "best fit" needs a volunteer profile; without one the list is newest first. */
export function effectiveSort(sort: BrowseSort, viewer?: BrowseViewer | null): BrowseSort {
  return sort === 'best-fit' && !viewer?.hasVolunteerProfile ? 'newest' : sort;
}

/**
 * "Best fit for me": the listed asks matching the filters that fit the volunteer best (lib/matching's
 * asksThatFit with the filters as extra conditions), with the reasons, and the usual capped count. Null when
 * nothing fits (paused, full, or no ask needs their skills), so the caller can fall back to newest first.
 */
async function bestFitPage(query: BrowseQuery, userId: string, now: Date): Promise<BrowseResult | null> {
  const [search, ids] = await Promise.all([planSearch(query.q), resolveTaxonomyIds(query)]);
  const conditions = filterSql(query, search.tsquery, now, ids);
  const where = conditions.length > 0 ? Prisma.join(conditions, ' AND ') : undefined;
  const count = browseStatements({ ...query, sort: 'newest', page: { kind: 'first' } }, search.tsquery, now, ids).count;
  const [fits, counted] = await Promise.all([
    asksThatFit(db, userId, { now, limit: ASKS_PER_PAGE, where }),
    db.$queryRaw<Array<{ count: number }>>(count),
  ]);
  if (fits.length === 0) return null;
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT ${CARD_COLUMNS}, a."publishedAt" AS "sortKey" FROM "Ask" a WHERE a.id = ANY(${fits.map((fit) => fit.askId)}::text[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const value = counted[0]?.count ?? 0;
  return {
    asks: fits.flatMap((fit) => {
      const row = byId.get(fit.askId);
      return row ? [toCard(row)] : [];
    }),
    count: { value: Math.min(value, COUNT_CAP), capped: value > COUNT_CAP },
    sort: 'best-fit',
    bestFitFallback: false,
    fitReasons: Object.fromEntries(fits.map((fit) => [fit.askId, fit.reasons])),
    alsoSearchedFor: search.alsoSearchedFor,
  };
}

/** One page of listed asks matching the query, with the cursors either side and a capped count. */
export async function searchOpenAsks(
  query: BrowseQuery,
  viewer?: BrowseViewer | null,
  now = new Date(),
  options: BrowseOptions = {},
): Promise<BrowseResult> {
  const sort = effectiveSort(query.sort, viewer);
  if (sort === 'best-fit' && viewer?.userId) {
    const ranked = await bestFitPage(query, viewer.userId, now);
    if (ranked) return ranked;
  }
  const key = cursorKeyFor(sort);
  // A cursor made for another order means nothing here: start from the first page.
  const { page } = query;
  const position = (page.kind === 'after' || page.kind === 'before') && page.cursor.key !== key ? ({ kind: 'first' } as const) : page;
  const [search, ids] = await Promise.all([planSearch(query.q), resolveTaxonomyIds(query)]);
  const { statements, rows, count, plan } = await readPage({ ...query, sort, page: position }, search, now, ids, options.plan);
  const more = rows.length > ASKS_PER_PAGE;
  const pageRows = rows.slice(0, ASKS_PER_PAGE);
  if (statements.reversed) pageRows.reverse();

  const cursorAt = (row: CardRow | undefined): Cursor | undefined => (row ? { key, at: row.sortKey, id: row.id } : undefined);
  // Forward pages know there is more after them; reversed pages know there is more before them.
  const hasPrevious = statements.reversed ? more : position.kind === 'after';
  const hasNext = statements.reversed ? position.kind === 'before' : more;
  const value = count;

  return {
    asks: pageRows.map(toCard),
    count: { value: Math.min(value, COUNT_CAP), capped: value > COUNT_CAP },
    sort,
    bestFitFallback: sort === 'best-fit',
    alsoSearchedFor: search.alsoSearchedFor,
    previous: hasPrevious ? cursorAt(pageRows[0]) : undefined,
    next: hasNext ? cursorAt(pageRows.at(-1)) : undefined,
    plan,
  };
}

// ------------------------------------------------------------------------------------------ the filters

/** The skill areas and skills a visitor can filter by, in the taxonomy's order. */
export async function listBrowseTaxonomy() {
  return db.skillCategory.findMany({
    select: { slug: true, name: true, skills: { select: { slug: true, name: true }, orderBy: { name: 'asc' } } },
    orderBy: { sortOrder: 'asc' },
  });
}

export type BrowseTaxonomy = Awaited<ReturnType<typeof listBrowseTaxonomy>>;

/** The slugs a query may name; anything else in a URL is dropped (browse-query's KnownSlugs). */
export function knownSlugs(taxonomy: BrowseTaxonomy): KnownSlugs {
  return {
    categories: new Set(taxonomy.map((category) => category.slug)),
    skills: new Set(taxonomy.flatMap((category) => category.skills.map((skill) => skill.slug))),
  };
}
