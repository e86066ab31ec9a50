// The database side of matching: narrows 100k volunteers (or the open asks) to the few hundred worth ranking, with
// indexes and in one statement, then hands them to the pure rankers in this folder. No Actor here: callers check
// who may see the result (./queries.ts for pages and the API).
import { createHash } from 'node:crypto';
import { cachedData } from '@/lib/cache/data-cache';
import { PUBLIC_TAGS } from '@/lib/cache/tag-names';
import { PREPARED } from '@/lib/database/statement-names';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { rankAsksForVolunteer } from './rank-asks';
import { rankVolunteers } from './rank-volunteers';
import type { Medium, RankedAsk, RankedVolunteer, SkillLevel, TaxonomySkill, VolunteerForMatching } from './types';

export type MatchingDb = PrismaClient | Prisma.TransactionClient;

export interface SuggestedVolunteer extends RankedVolunteer {
  name: string;
  headline: string;
}

export interface FittingAsk extends RankedAsk {
  title: string;
  organisationName: string;
  durationMinutes: number;
  deadline: Date;
}

/**
 * How many holders of each of the ask's own skills are ranked, best level first. A top-20 list from the best 100
 * able to take the ask loses nothing a person would miss, and keeps a common skill (thousands of holders) cheap.
 */
export const EXACT_HOLDERS_PER_SKILL = 100;
/** Holders of other skills in the ask's areas, spread over those skills: they rank below exact holders, so few. */
export const RELATED_HOLDERS = 60;
const MIN_RELATED_PER_SKILL = 5;
/** Open asks holding one of the volunteer's skills that are ranked, longest waiting first; and asks related only. */
export const EXACT_ASKS = 400;
export const RELATED_ASKS = 100;

// ------------------------------------------------------------------------------------------ the taxonomy

/** Skills rarely change: each client keeps the taxonomy this long before reading it again. */
const TAXONOMY_TTL_MS = 60_000;
const taxonomyCache = new WeakMap<object, { at: number; skills: TaxonomySkill[]; ids: Set<string> }>();

/**
 * Every skill with its area and name, for the rankers. Cached per client for a minute; a skill id the cache does
 * not know (one added since) reads it again, so a new skill is never ranked as unknown.
 */
export async function matchingTaxonomy(db: MatchingDb, mustKnow: readonly string[] = []): Promise<TaxonomySkill[]> {
  const cached = taxonomyCache.get(db);
  if (cached && Date.now() - cached.at < TAXONOMY_TTL_MS && mustKnow.every((id) => cached.ids.has(id))) return cached.skills;
  const skills = await db.skill.findMany({ select: { id: true, categoryId: true, name: true }, orderBy: { id: 'asc' } });
  taxonomyCache.set(db, { at: Date.now(), skills, ids: new Set(skills.map((skill) => skill.id)) });
  return skills;
}

// ------------------------------------------------------------------------------------------ SQL parts

/**
 * Sessions counted against the volunteer's month, for the profile `p`: meetings SCHEDULED or HELD starting this
 * calendar month in the volunteer's own zone, plus PENDING offers and invitations (lib/offers/capacity.ts is the
 * one-volunteer version). Three index probes: Meeting(volunteerId, startsAt), Offer and Invitation (volunteerId, status).
 */
function loadSql(now: Date): Prisma.Sql {
  return Prisma.sql`(
    (SELECT count(*) FROM "Meeting" m
      WHERE m."volunteerId" = p."userId" AND m.status IN ('SCHEDULED', 'HELD')
        AND m."startsAt" >= (date_trunc('month', ${now}::timestamptz AT TIME ZONE p."timeZone") AT TIME ZONE p."timeZone")
        AND m."startsAt" < ((date_trunc('month', ${now}::timestamptz AT TIME ZONE p."timeZone") + interval '1 month') AT TIME ZONE p."timeZone"))
    + (SELECT count(*) FROM "Offer" o WHERE o."volunteerId" = p."userId" AND o.status = 'PENDING')
    + (SELECT count(*) FROM "Invitation" i WHERE i."volunteerId" = p."userId" AND i.status = 'PENDING'))::int`;
}

/** Not paused: never paused, or paused until a time that has passed (lib/offers/capacity.ts isPaused). */
function notPausedSql(now: Date): Prisma.Sql {
  return Prisma.sql`(p."pausedAt" IS NULL OR coalesce(p."pausedUntil" <= ${now}::timestamptz, false))`;
}

/** An enum array as constants, each cast on its own: the embedded engine's adapter cannot bind enum arrays. */
function mediaArraySql(media: readonly Medium[]): Prisma.Sql {
  return Prisma.sql`ARRAY[${Prisma.join(media.map((medium) => Prisma.sql`${medium}::"Medium"`))}]`;
}

const MEDIA: ReadonlySet<string> = new Set<Medium>(['VIDEO', 'PHONE', 'EMAIL', 'IN_PERSON']);
const asMedia = (values: readonly string[] | null): Medium[] => (values ?? []).filter((value): value is Medium => MEDIA.has(value));

function volunteerSkills(skillIds: string[] | null, levels: string[] | null): VolunteerForMatching['skills'] {
  return (skillIds ?? []).map((skillId, index) => ({ skillId, level: (levels?.[index] ?? 'WORKING') as SkillLevel }));
}

const averageOf = (count: number, total: number) => (count > 0 ? total / count : null);

/** Sees each statement before it runs: npm run bench:matching EXPLAINs exactly what these functions run. */
export type StatementTrace = (label: string, statement: Prisma.Sql) => void;

function query<T>(db: MatchingDb, label: string, statement: Prisma.Sql, trace?: StatementTrace): Promise<T[]> {
  trace?.(label, statement);
  return db.$queryRaw<T[]>(statement);
}

// ------------------------------------------------------------------------------------------ volunteers for an ask

/**
 * Where in VolunteerSkill.rotation (0 to 2^20 - 1, a hash of the profile id) the walk for this ask starts: the same
 * for the same ask, so its suggestions are stable, and spread over the range, so each ask sees another slice.
 */
export function rotationPoint(askId: string): number {
  return parseInt(createHash('md5').update(askId).digest('hex').slice(0, 5), 16);
}

interface CandidateRow {
  id: string;
  name: string;
  headline: string;
  media: string[];
  monthlyCapacity: number;
  load: number;
  ratingCount: number;
  ratingTotal: number;
  skillIds: string[] | null;
  levels: string[] | null;
}

/**
 * The volunteers best placed to answer the ask, best first, each with its score and reasons. `volunteerId` is the
 * volunteer's user id (what Offer and Invitation hold). Left out: volunteers who already offered on or were invited
 * to the ask, members of the ask's organisation, suspended users, paused and full volunteers, those sharing no
 * medium with the ask, and `excludeIds` (user ids). An unknown ask gives [].
 *
 * How it narrows, in one statement: for each of the ask's skills, the first EXACT_HOLDERS_PER_SKILL holders who could
 * take it (active, not paused, a shared medium, not excluded), walking VolunteerSkill(skillId, level, rotation) from
 * EXPERT down, the experts from the ask's own point in the rotation (rotationPoint), so the thousands who hold a
 * common skill are not always met in the same order; and a sample of holders of the other skills in the ask's
 * areas. Then each one's load this month (three index probes), dropping the full. The load is counted after
 * the walk, not during it, which halves the work (bench:matching); the cap is generous so the full ones the walk
 * meets still leave a deep pool.
 */
export async function suggestVolunteers(
  db: MatchingDb,
  askId: string,
  options: { limit?: number; now?: Date; excludeIds?: string[]; trace?: StatementTrace } = {},
): Promise<SuggestedVolunteer[]> {
  const now = options.now ?? new Date();
  const [ask] = await query<{ id: string; organisationId: string; media: string[]; skillIds: string[] }>(
    db,
    'ask',
    Prisma.sql`SELECT a.id, a."organisationId", a.media::text[] AS media, a."skillIds" FROM "Ask" a WHERE a.id = ${askId}`,
    options.trace,
  );
  if (!ask) return [];
  const media = asMedia(ask.media);
  if (media.length === 0 || ask.skillIds.length === 0) return [];
  const taxonomy = await matchingTaxonomy(db, ask.skillIds);

  const exact = [...new Set(ask.skillIds)];
  const askCategories = new Set(taxonomy.filter((skill) => exact.includes(skill.id)).map((skill) => skill.categoryId));
  const related = taxonomy.filter((skill) => askCategories.has(skill.categoryId) && !exact.includes(skill.id)).map((skill) => skill.id);
  const relatedCap = related.length ? Math.max(MIN_RELATED_PER_SKILL, Math.ceil(RELATED_HOLDERS / related.length)) : 0;

  // Who could take the ask.
  const able = Prisma.sql`u.status = 'ACTIVE'
    AND ${notPausedSql(now)}
    AND p.media && ${mediaArraySql(media)}
    AND p."monthlyCapacity" > 0
    AND p."userId" <> ALL(${options.excludeIds ?? []}::text[])
    AND NOT EXISTS (SELECT 1 FROM "Offer" f WHERE f."askId" = ${ask.id} AND f."volunteerId" = p."userId")
    AND NOT EXISTS (SELECT 1 FROM "Invitation" i WHERE i."askId" = ${ask.id} AND i."volunteerId" = p."userId")
    AND NOT EXISTS (SELECT 1 FROM "Membership" ms WHERE ms."userId" = p."userId" AND ms."organisationId" = ${ask.organisationId})`;
  const pivot = rotationPoint(ask.id);
  // Each skill's holders in two ranges of the index, read index-only and in order: the experts from the ask's point
  // up, then back down from it through the experts and on through the lower levels (a row comparison is one range).
  const branches = [
    Prisma.sql`(SELECT vs."volunteerProfileId" FROM "VolunteerSkill" vs
       WHERE vs."skillId" = w."skillId" AND vs.level = 'EXPERT' AND vs.rotation >= ${pivot}
       ORDER BY vs.rotation)`,
    Prisma.sql`(SELECT vs."volunteerProfileId" FROM "VolunteerSkill" vs
       WHERE vs."skillId" = w."skillId" AND (vs.level, vs.rotation) < ('EXPERT'::"SkillLevel", ${pivot})
       ORDER BY vs.level DESC, vs.rotation DESC)`,
  ];
  // The ranges in turn (UNION ALL reads its parts in order), each row checked by a lateral look-up whose LIMIT 1
  // keeps it a nested loop over the walk, so the order survives whatever the table sizes and the outer LIMIT stops
  // the walk early. The cap is a constant so PostgreSQL knows how little is read: costed from a parameter, the
  // statement looked dear enough to JIT-compile, which took longer than running it (bench:matching).
  const walkSql = (skillIds: string[], cap: number) => Prisma.sql`
    SELECT picked.* FROM unnest(${skillIds}::text[]) AS w("skillId")
    CROSS JOIN LATERAL (
      SELECT able.* FROM (${Prisma.join(branches, ' UNION ALL ')}) AS vs
      CROSS JOIN LATERAL (
        SELECT p.id, p."userId", coalesce(u.name, '') AS name, p.headline, p.media::text[] AS media, p."timeZone",
               p."monthlyCapacity", p."ratingCount", p."ratingTotal", p."skillIds", p."skillLevels"::text[] AS levels
          FROM "VolunteerProfile" p
          JOIN "User" u ON u.id = p."userId"
         WHERE p.id = vs."volunteerProfileId" AND ${able}
         LIMIT 1
      ) AS able
      LIMIT ${Prisma.raw(String(Math.max(0, Math.floor(cap))))}
    ) AS picked`;

  const rows = await query<CandidateRow>(
    db,
    'volunteers',
    Prisma.sql`
    WITH walked AS (
      SELECT DISTINCT ON (c."userId") c.*
        FROM (${walkSql(exact, EXACT_HOLDERS_PER_SKILL)} UNION ALL ${walkSql(related, relatedCap)}) AS c
    ),
    -- Materialized, so each load is counted once (inlined, PostgreSQL counted it for the filter and again for the output).
    loaded AS MATERIALIZED (SELECT p.*, ${loadSql(now)} AS load FROM walked p)
    SELECT c."userId" AS id, c.name, c.headline, c.media, c."monthlyCapacity", c.load, c."ratingCount", c."ratingTotal",
           c."skillIds", c.levels
      FROM loaded c
     WHERE c.load < c."monthlyCapacity"`,
    options.trace,
  );

  const byId = new Map(rows.map((row) => [row.id, row]));
  const volunteers: VolunteerForMatching[] = rows.map((row) => ({
    id: row.id,
    skills: volunteerSkills(row.skillIds, row.levels),
    media: asMedia(row.media),
    paused: false,
    monthlyCapacity: row.monthlyCapacity,
    sessionsThisMonth: row.load,
    averageRating: averageOf(row.ratingCount, row.ratingTotal),
    ratingCount: row.ratingCount,
  }));
  return rankVolunteers({ id: ask.id, skillIds: exact, media }, volunteers, taxonomy, { limit: options.limit }).map((ranked) => {
    const row = byId.get(ranked.volunteerId)!;
    return { ...ranked, name: row.name, headline: row.headline };
  });
}

// ------------------------------------------------------------------------------------------ asks for a volunteer

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
 * Open, listed asks (lib/asks/policy.ts openAskWhere) that fit the volunteer, best first, with reasons. Left out:
 * asks they offered on or were invited to, their own organisations' asks, and everything when they are paused,
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
   * list of asks changes (PUBLIC_TAGS.askLists: approvals, withdrawals, offers, expiry).
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
           (SELECT array_agg(ms."organisationId") FROM "Membership" ms WHERE ms."userId" = p."userId") AS "organisationIds"`;
}

/** asksThatFit for a volunteer already read with matchingVolunteerColumns. */
export async function asksThatFitVolunteer(
  db: MatchingDb,
  volunteer: MatchingVolunteer,
  options: FitOptions & { where?: Prisma.Sql; trace?: StatementTrace } = {},
): Promise<FittingAsk[]> {
  const now = options.now ?? new Date();
  if (!volunteer.active || volunteer.paused || volunteer.load >= volunteer.monthlyCapacity) return [];
  if (options.cacheFor === undefined) return rankAsksThatFit(db, volunteer, now, options);
  const key = `asks-that-fit:${options.limit ?? ''}:${JSON.stringify(volunteer)}`;
  return cachedData(key, { tags: [PUBLIC_TAGS.askLists], maxAgeMs: options.cacheFor }, () => rankAsksThatFit(db, volunteer, now, options));
}

async function rankAsksThatFit(
  db: MatchingDb,
  volunteer: MatchingVolunteer,
  now: Date,
  options: { limit?: number; where?: Prisma.Sql; trace?: StatementTrace },
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

  // The listed predicate is lib/asks/browse.ts listedAskSql, written out: that module imports this one.
  const candidates = (match: Prisma.Sql, cap: number) => Prisma.sql`(
    SELECT a.id, a."skillIds", a.media::text[] AS media, a."publishedAt", a.deadline, a.title, a."durationMinutes",
           (SELECT count(*)::int FROM "Offer" f WHERE f."askId" = a.id AND f.status = 'PENDING') AS "offerCount"
      FROM "Ask" a
     WHERE a.status = 'OPEN' AND a."publishedAt" IS NOT NULL AND a.deadline > ${now}::timestamptz AND a."organisationVerified"
       AND ${match}
       AND ${options.where ?? Prisma.sql`TRUE`}
       AND a.media && ${mediaArraySql(media)}
       AND a."organisationId" <> ALL(${volunteer.organisationIds ?? []}::text[])
       AND NOT EXISTS (SELECT 1 FROM "Offer" f WHERE f."askId" = a.id AND f."volunteerId" = ${volunteer.userId})
       AND NOT EXISTS (SELECT 1 FROM "Invitation" i WHERE i."askId" = a.id AND i."volunteerId" = ${volunteer.userId})
     ORDER BY a."publishedAt", a.id
     LIMIT ${cap})`;
  const asks = await query<AskRow>(
    db,
    'asks',
    Prisma.sql`
    ${candidates(Prisma.sql`a."skillIds" && ${skillIds}::text[]`, EXACT_ASKS)}
    UNION ALL
    ${candidates(Prisma.sql`a."skillCategoryIds" && ${categoryIds}::text[] AND NOT a."skillIds" && ${skillIds}::text[]`, RELATED_ASKS)}`,
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
