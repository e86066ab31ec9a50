// Asks for a volunteer, from the database: narrows the open asks to the few hundred worth ranking, with Ask's GIN
// index and in one statement, then hands them to the pure ranker (./rank-asks.ts). No Actor here: callers check who
// may see the result. The other direction is ./volunteers-for-ask.ts.
import { estimatedRows, estimateSql, type ListPlan, totalRowsSql } from '@/lib/asks/list-plan';
import { listedAskSql } from '@/lib/asks/listed';
import { cachedData } from '@/lib/cache/data-cache';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { PREPARED } from '@/lib/database/statement-names';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  asMedia,
  averageOf,
  loadSql,
  type MatchingDb,
  matchingTaxonomy,
  mediaArraySql,
  notPausedSql,
  query,
  type StatementTrace,
  volunteerSkills,
} from './candidate-sql';
import { rankAsksForVolunteer } from './rank-asks';
import type { RankedAsk } from './types';

export interface FittingAsk extends RankedAsk {
  title: string;
  organisationName: string;
  durationMinutes: number;
  deadline: Date;
}

/** Open asks holding one of the volunteer's skills that are ranked, longest waiting first; and asks related only. */
export const EXACT_ASKS = 400;
export const RELATED_ASKS = 100;

/**
 * How the longest-waiting `cap` asks matching a volunteer's skills are read, chosen from how many match
 * (lib/asks/list-plan.ts, decision 30): walk the listed asks oldest first until `cap` match, which reads about
 * cap x asks / matches index entries, or gather every match through the GIN index and keep the oldest, which reads
 * the matches' rows. The walk is cheaper once the matches outnumber sqrt(cap x asks x entryCost), where entryCost is
 * what a walked entry costs as a share of a gathered match. The estimate is PostgreSQL's: for skill and area ids, a
 * few hundred values it keeps exact frequencies for, it is close.
 */
export function candidatePlan(estimatedMatches: number, totalAsks: number, cap: number, entryCost = 1): ListPlan {
  return estimatedMatches >= Math.sqrt(cap * Math.max(totalAsks, 1) * entryCost) ? 'walk' : 'gather';
}

/**
 * entryCost when the walk reads the listed index alone (no organisation to leave out, no /asks filters): an entry
 * skipped costs a sixtieth of a match gathered from its row. Measured with bench:matching's fills: forcing each plan
 * for 160 volunteers put the crossover near 250 matches at 12k asks and near 900 at 120k, both sqrt(cap x asks / 60).
 * When the walk must read each ask's row, the two cost alike (entryCost 1).
 */
export const INDEX_ONLY_ENTRY_COST = 1 / 60;

/** A volunteer as matchingVolunteerColumns reads them. */
export interface MatchingVolunteer {
  userId: string;
  media: string[];
  monthlyCapacity: number;
  paused: boolean;
  active: boolean;
  load: number;
  ratingCount: number;
  ratingTotal: number;
  skillIds: string[] | null;
  levels: string[] | null;
  organisationIds: string[] | null;
  /** Organisations a block stands between (either way, lib/blocks): their asks are never suggested. */
  blockedOrganisationIds: string[] | null;
}

interface AskRow {
  id: string;
  skillIds: string[];
  media: string[];
  publishedAt: Date | null;
  deadline: Date;
  title: string;
  durationMinutes: number;
  offerCount: number;
}

/**
 * Open, listed asks (lib/asks/listed.ts) that fit the volunteer, best first, with reasons. Left out:
 * asks they offered on or were invited to, their own organisations' asks, those of organisations a block stands
 * between (either way; the key of a cached result holds them, so a block reads a new one), and everything when they are paused,
 * full, suspended or have no volunteer profile. Narrowed by Ask's GIN index over its skill and area ids: up to
 * EXACT_ASKS asks needing one of their skills and RELATED_ASKS needing only a skill in their areas, longest waiting
 * first (the ranker prefers those too).
 */
export async function asksThatFit(
  db: MatchingDb,
  volunteerUserId: string,
  options: FitOptions & {
    /** More conditions on the ask `a`, such as the /asks filters (lib/asks/browse.ts), ANDed to the listed ones. */
    where?: Prisma.Sql;
    trace?: StatementTrace;
    /** For tests and the bench: read the candidates with this plan instead of the one chosen (candidatePlan). */
    plan?: ListPlan;
  } = {},
): Promise<FittingAsk[]> {
  const now = options.now ?? new Date();
  const [volunteer] = await query<MatchingVolunteer>(
    db,
    'volunteer',
    // One profile by its key: prepared once per connection (lib/database/statement-names.ts).
    Prisma.sql`${PREPARED}
    SELECT ${matchingVolunteerColumns(now)} FROM "VolunteerProfile" p WHERE p."userId" = ${volunteerUserId}`,
    options.trace,
  );
  return volunteer ? asksThatFitVolunteer(db, volunteer, options) : [];
}

interface FitOptions {
  limit?: number;
  now?: Date;
  /**
   * Keep the result this long (lib/cache/data-cache.ts), keyed by everything the volunteer's row says (skills,
   * media, capacity and load, organisations: an offer or invitation changes the load) and dropped when any
   * ask it shows or any ask needing one of the volunteer's skills changes (fitTags).
   */
  cacheFor?: number;
}

/**
 * What matching needs to know of a volunteer, as columns of a statement over "VolunteerProfile" p, so a page that
 * reads the profile anyway (the dashboard) gets it in the same round trip and calls asksThatFitVolunteer.
 */
export function matchingVolunteerColumns(now: Date): Prisma.Sql {
  return Prisma.sql`p."userId", p.media::text[] AS media, p."monthlyCapacity", NOT ${notPausedSql(now)} AS paused,
           (SELECT u.status = 'ACTIVE' FROM "User" u WHERE u.id = p."userId") AS active, ${loadSql(now)} AS load,
           p."ratingCount", p."ratingTotal", p."skillIds", p."skillLevels"::text[] AS levels,
           (SELECT array_agg(ms."organisationId") FROM "Membership" ms WHERE ms."userId" = p."userId") AS "organisationIds",
           (SELECT array_agg(DISTINCT b."organisationId") FROM "Block" b WHERE b."volunteerId" = p."userId") AS "blockedOrganisationIds"`;
}

/** asksThatFit for a volunteer already read with matchingVolunteerColumns. */
export async function asksThatFitVolunteer(
  db: MatchingDb,
  volunteer: MatchingVolunteer,
  options: FitOptions & { where?: Prisma.Sql; trace?: StatementTrace; plan?: ListPlan } = {},
): Promise<FittingAsk[]> {
  const now = options.now ?? new Date();
  if (!volunteer.active || volunteer.paused || volunteer.load >= volunteer.monthlyCapacity) return [];
  if (options.cacheFor === undefined) return rankAsksThatFit(db, volunteer, now, options);
  const key = `asks-that-fit:${options.limit ?? ''}:${JSON.stringify(volunteer)}`;
  return cachedData(key, { tags: (fitting) => fitTags(volunteer.skillIds ?? [], fitting), maxAgeMs: options.cacheFor }, () =>
    rankAsksThatFit(db, volunteer, now, options),
  );
}

/**
 * What the asks that fit a volunteer depend on (lib/cache/page-tags.ts): the asks shown (an offer, a change,
 * closing) and every ask needing one of their skills (a new one may rank first). An ask related only by its
 * category appears when the result is next computed (the dashboard's lifetime, five minutes at most): tagging
 * whole categories would recompute every volunteer's list for nearly any write.
 */
export function fitTags(skillIds: string[], fitting: Array<Pick<FittingAsk, 'askId'>>): string[] {
  return [...skillIds.map(PAGE_TAGS.skill), ...fitting.map((ask) => PAGE_TAGS.ask(ask.askId))];
}

async function rankAsksThatFit(
  db: MatchingDb,
  volunteer: MatchingVolunteer,
  now: Date,
  options: { limit?: number; where?: Prisma.Sql; trace?: StatementTrace; plan?: ListPlan },
): Promise<FittingAsk[]> {
  const media = asMedia(volunteer.media);
  const skills = volunteerSkills(volunteer.skillIds, volunteer.levels);
  if (media.length === 0 || skills.length === 0) return [];
  const taxonomy = await matchingTaxonomy(
    db,
    skills.map((skill) => skill.skillId),
  );
  const skillIds = skills.map((skill) => skill.skillId);
  const categoryIds = [...new Set(taxonomy.filter((skill) => skillIds.includes(skill.id)).map((skill) => skill.categoryId))];

  const exact = Prisma.sql`a."skillIds" && ${skillIds}::text[]`;
  const related = Prisma.sql`a."skillCategoryIds" && ${categoryIds}::text[] AND NOT a."skillIds" && ${skillIds}::text[]`;
  const where = options.where ?? Prisma.sql`TRUE`;
  // Most volunteers belong to no organisation and block none: then that condition is left out, so the walk reads
  // only the listed index's own columns (index-only, below) and no row of an ask it passes over.
  const ownOrBlocked = [...(volunteer.organisationIds ?? []), ...(volunteer.blockedOrganisationIds ?? [])];
  const [exactPlan = 'walk', relatedPlan = 'walk'] = options.plan
    ? [options.plan, options.plan]
    : await candidatePlans(
        db,
        [Prisma.sql`${exact} AND ${where}`, Prisma.sql`${related} AND ${where}`],
        [EXACT_ASKS, RELATED_ASKS],
        ownOrBlocked.length === 0 && options.where === undefined ? INDEX_ONLY_ENTRY_COST : 1,
      );

  const candidates = (match: Prisma.Sql, cap: number, plan: ListPlan) => {
    // To walk, the skill match and the filters are checked on each ask walked, hidden from the GIN index and
    // from the estimate (coalesce), so the listed index oldest first is the plan PostgreSQL takes.
    const matching = plan === 'walk' ? Prisma.sql`coalesce((${match}) AND (${where}), false)` : Prisma.sql`${match} AND ${where}`;
    const organisations = ownOrBlocked.length ? Prisma.sql`AND a."organisationId" <> ALL(${ownOrBlocked}::text[])` : Prisma.empty;
    const conditions = Prisma.sql`${listedAskSql(now)}
       AND ${matching}
       AND a.media && ${mediaArraySql(media)}
       ${organisations}
       AND NOT EXISTS (SELECT 1 FROM "Offer" f WHERE f."askId" = a.id AND f."volunteerId" = ${volunteer.userId})
       AND NOT EXISTS (SELECT 1 FROM "Invitation" i WHERE i."askId" = a.id AND i."volunteerId" = ${volunteer.userId})`;
    const columns = Prisma.sql`a.id, a."skillIds", a.media::text[] AS media, a."publishedAt", a.deadline, a.title, a."durationMinutes",
           (SELECT count(*)::int FROM "Offer" f WHERE f."askId" = a.id AND f.status = 'PENDING') AS "offerCount"`;
    const limit = Prisma.raw(String(cap));
    if (plan === 'gather') {
      // Every match through the GIN index (a materialized CTE is planned for all its rows), the oldest kept.
      return Prisma.sql`(WITH matched AS MATERIALIZED (SELECT a.id, a."publishedAt" FROM "Ask" a WHERE ${conditions})
      SELECT ${columns} FROM (SELECT id, "publishedAt" FROM matched ORDER BY "publishedAt", id LIMIT ${limit}) AS m
        JOIN "Ask" a ON a.id = m.id)`;
    }
    // The walk picks the ids from the listed index oldest first (every column it tests is in that index, so the
    // asks it passes over are never read), then reads the rows of the `cap` it kept, each by its key: the lateral
    // look-up's LIMIT 1 keeps that a nested loop (joined plainly, a small table got a hash join over all its rows).
    return Prisma.sql`(SELECT kept.* FROM (SELECT a.id FROM "Ask" a WHERE ${conditions} ORDER BY a."publishedAt", a.id LIMIT ${limit}) AS m
        CROSS JOIN LATERAL (SELECT ${columns} FROM "Ask" a WHERE a.id = m.id LIMIT 1) AS kept)`;
  };
  const asks = await query<AskRow>(
    db,
    'asks',
    Prisma.sql`
    ${candidates(exact, EXACT_ASKS, exactPlan)}
    UNION ALL
    ${candidates(related, RELATED_ASKS, relatedPlan)}`,
    options.trace,
  );

  const ranked = rankAsksForVolunteer(
    {
      id: volunteer.userId,
      skills,
      media,
      paused: false,
      monthlyCapacity: volunteer.monthlyCapacity,
      sessionsThisMonth: volunteer.load,
      averageRating: averageOf(volunteer.ratingCount, volunteer.ratingTotal),
      ratingCount: volunteer.ratingCount,
    },
    asks.map((ask) => ({ ...ask, media: asMedia(ask.media) })),
    taxonomy,
    { limit: options.limit, now },
  );
  if (ranked.length === 0) return [];
  const byId = new Map(asks.map((ask) => [ask.id, ask]));
  const names = await query<{ id: string; name: string }>(
    db,
    'organisations',
    Prisma.sql`SELECT a.id, (SELECT o.name FROM "Organisation" o WHERE o.id = a."organisationId") AS name
      FROM "Ask" a WHERE a.id = ANY(${ranked.map((ask) => ask.askId)}::text[])`,
    options.trace,
  );
  const organisationOf = new Map(names.map((row) => [row.id, row.name]));
  return ranked.map((rankedAsk) => {
    const ask = byId.get(rankedAsk.askId)!;
    return {
      ...rankedAsk,
      title: ask.title,
      organisationName: organisationOf.get(ask.id) ?? '',
      durationMinutes: ask.durationMinutes,
      deadline: ask.deadline,
    };
  });
}

/**
 * candidatePlan for each of `matches` (capped at `caps`), from PostgreSQL's estimates, read side by side. Not
 * traced: an EXPLAIN of an EXPLAIN means nothing (npm run bench:matching explains what the statements then run).
 */
async function candidatePlans(db: MatchingDb, matches: Prisma.Sql[], caps: number[], entryCost: number): Promise<ListPlan[]> {
  const [total, ...estimates] = await Promise.all([
    query<{ rows: number }>(db, 'asks in all', totalRowsSql),
    ...matches.map((match, index) => query<Record<string, unknown>>(db, `estimate ${index + 1}`, estimateSql(match))),
  ]);
  return estimates.map((estimate, index) => candidatePlan(estimatedRows(estimate), total[0]?.rows ?? 0, caps[index]!, entryCost));
}
