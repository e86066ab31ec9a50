// Browsing and searching the open asks (/asks): keyset pages of cards and a capped count, with the filters and
// typo-tolerant full-text search that ./search-plan.ts turns into conditions. This file reads a page: it chooses
// how (walk or gather, ./list-plan.ts) and runs the statements ./browse-statements.ts writes for that plan
// (docs/decisions/0007-browse-and-search.md, 0030-plans-chosen-from-the-answer.md).
import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { asksThatFit } from '@/lib/matching/asks-for-volunteer';
import { type BrowseQuery, type BrowseSort, type Cursor, cursorKeyFor, type KnownSlugs } from './browse-query';
import {
  ASKS_PER_PAGE,
  type AskCardData,
  browseStatements,
  CARD_COLUMNS,
  type CardRow,
  COUNT_CAP,
  gatherStatement,
  type GatheredRow,
  toCard,
} from './browse-statements';
import { estimatedRows, estimateSql, GATHER_LIMIT, type ListPlan, planFromEstimate, totalRowsSql } from './list-plan';
import { filterSql, gatheringSql, planSearch, resolveTaxonomyIds, type TaxonomyIds, typoLookupSql } from './search-plan';

export { ASKS_PER_PAGE, type AskCardData, COUNT_CAP } from './browse-statements';

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

// ------------------------------------------------------------------------------------------ reading a page

/** One statement a page runs, labelled, for EXPLAIN. */
export interface ExplainedStatement {
  label: string;
  sql: Prisma.Sql;
  /** Only planned by the page, never run (the estimate): EXPLAIN it without ANALYZE. */
  plannedOnly?: boolean;
}

/** Sees each statement a page runs, before it runs (npm run bench:browse EXPLAINs them). */
type Trace = (statement: ExplainedStatement) => void;

/**
 * What PostgreSQL's estimate says of these GIN-indexed conditions (planFromEstimate): walk when they surely
 * match many. It comes from the table's statistics, which change only when PostgreSQL analyses the table
 * again, so it is kept a minute per set of conditions: a popular filter then costs no round trip before its list.
 */
async function estimatedPlan(gathering: Prisma.Sql, trace?: Trace): Promise<ListPlan | undefined> {
  trace?.({ label: 'estimate', sql: Prisma.sql`SELECT 1 FROM "Ask" a WHERE ${gathering}`, plannedOnly: true });
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
 * The page's rows and count, read by the plan chosen from the answer (./list-plan.ts). With no GIN-indexed
 * filter PostgreSQL walks an index in order whatever the size, and chooses as it always has. With one, walk
 * when PostgreSQL's estimate says the matches are surely many; otherwise gather, which counts the matches up to
 * GATHER_LIMIT + 1 in the same statement, and walk only if they were more. `forced` reads by that plan alone.
 */
async function readPage(
  query: BrowseQuery,
  tsquery: string | undefined,
  now: Date,
  ids: TaxonomyIds,
  forced?: ListPlan,
  trace?: Trace,
): Promise<{ rows: CardRow[]; count: number; reversed: boolean; plan?: ListPlan }> {
  const gathering = gatheringSql(query, tsquery, now, ids);
  const plan = forced ?? (gathering ? ((await estimatedPlan(gathering, trace)) ?? 'gather') : undefined);
  if (plan === 'gather') {
    const gather = gatherStatement(query, tsquery, now, ids, { mayFallBack: !forced });
    trace?.({ label: 'gather (count and list)', sql: gather.list });
    const rows = await db.$queryRaw<GatheredRow[]>(gather.list);
    const count = rows[0]?.matchCount ?? 0;
    if (forced || count <= GATHER_LIMIT) {
      const cards = rows.filter((row): row is GatheredRow & CardRow => row.id !== null);
      return { rows: cards, count, reversed: gather.reversed, plan };
    }
  }
  const walked = plan && 'walk';
  const walk = browseStatements(query, tsquery, now, ids, walked);
  trace?.({ label: `list${walked ? ' (walk)' : ''}`, sql: walk.list });
  trace?.({ label: 'count', sql: walk.count });
  const [rows, counted] = await Promise.all([db.$queryRaw<CardRow[]>(walk.list), db.$queryRaw<Array<{ count: number }>>(walk.count)]);
  return { rows, count: counted[0]?.count ?? 0, reversed: walk.reversed, plan: walked };
}

/**
 * The statements a first-or-cursor page of `query` runs, labelled, for npm run bench:browse to EXPLAIN: the
 * look-ups, the plan's estimate if any, then what the plan chosen ran. Reads the page to learn them.
 */
export async function pageStatementsForExplain(query: BrowseQuery, now: Date): Promise<ExplainedStatement[]> {
  const [search, ids] = await Promise.all([planSearch(query.q), resolveTaxonomyIds(query)]);
  const typo = typoLookupSql(query.q);
  const explained: ExplainedStatement[] = typo ? [{ label: 'typo', sql: typo }] : [];
  await readPage(query, search.tsquery, now, ids, undefined, (statement) => explained.push(statement));
  return explained;
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
  const { rows, count, reversed, plan } = await readPage({ ...query, sort, page: position }, search.tsquery, now, ids, options.plan);
  const more = rows.length > ASKS_PER_PAGE;
  const pageRows = rows.slice(0, ASKS_PER_PAGE);
  if (reversed) pageRows.reverse();

  const cursorAt = (row: CardRow | undefined): Cursor | undefined => (row ? { key, at: row.sortKey, id: row.id } : undefined);
  // Forward pages know there is more after them; reversed pages know there is more before them.
  const hasPrevious = reversed ? more : position.kind === 'after';
  const hasNext = reversed ? position.kind === 'before' : more;
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
