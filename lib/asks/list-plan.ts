// How /asks reads a page of its list, chosen from how many asks the query will return rather than left to the
// planner's guess (docs/decisions/0030-plans-chosen-from-the-answer.md). Both plans give the same rows in the same
// order, since they ask for the same rows in the same total order (sort key, then id); only their cost differs:
// - walk: follow the list's order down a btree index (newest first, a region's newest, deadline soonest), checking
//   each row, and stop at the page's end. Cheap when matches are many: a page needs few rows walked.
// - gather: read every match through the GIN index of the words or the array filters, then sort them. Cheap when
//   matches are few, and the only sane plan then: a walk for 20 of 600 matches among 800k asks reads 27k rows.
// PostgreSQL estimates a rare word from its statistics at half the rarest frequency it keeps, which at a million
// asks is thousands of rows where there are hundreds; it then walks, and the cost grows with the table rather
// than with the answer. So the page asks the index itself, and writes each plan's statement so PostgreSQL has no
// other plan worth taking (./browse-statements.ts).
import { Prisma } from '@/lib/generated/prisma/client';

export type ListPlan = 'walk' | 'gather';

/**
 * At most this many matches of the GIN-indexed conditions are gathered and sorted; more, and the list is walked.
 * Gathering reads each match once (a bitmap heap scan, in page order); a walk for a page of 21 reads about
 * 21 x listed / matches rows, so past a couple of thousand matches the walk reads fewer (decision 30, measured at
 * 100k and 1M asks).
 */
export const GATHER_LIMIT = 2_000;

/**
 * When PostgreSQL's own estimate says the GIN-indexed conditions hold at least this share of all asks, the
 * matches are many and the page walks without counting them (a walk then reads about 21 / share rows). Its
 * estimates are close for the words and elements it keeps statistics for (their frequency) and too high only for
 * those it does not, which are rarer than any it keeps (it takes a fixed 0.5% for a word it knows nothing of);
 * so a large estimate is trusted, and a smaller one is checked by gathering: the gather counts its matches up to
 * GATHER_LIMIT + 1 first and lists them only if that few (./browse-statements.ts gatherStatement).
 */
export const SURELY_MANY_SHARE = 0.01;

/** Whether the estimate alone settles it: many matches, so walk. */
export function planFromEstimate(estimatedRows: number, totalRows: number): ListPlan | undefined {
  return estimatedRows >= SURELY_MANY_SHARE * Math.max(totalRows, 1) ? 'walk' : undefined;
}

/** PostgreSQL's estimate of the rows `gathering` matches: EXPLAIN, planned but not run. */
export function estimateSql(gathering: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Ask" a WHERE ${gathering}`;
}

/** How many asks PostgreSQL's statistics say there are (as of the last ANALYZE; -1 before the first). */
export const totalRowsSql = Prisma.sql`SELECT reltuples::float8 AS "rows" FROM pg_class WHERE oid = '"Ask"'::regclass`;

/** Reads the estimate out of estimateSql's answer (one row, one JSON column named "QUERY PLAN"). */
export function estimatedRows(rows: Array<Record<string, unknown>>): number {
  const value = rows[0] ? Object.values(rows[0])[0] : undefined;
  const plans = (typeof value === 'string' ? JSON.parse(value) : value) as Array<{ Plan?: { 'Plan Rows'?: number } }> | undefined;
  return plans?.[0]?.Plan?.['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}
