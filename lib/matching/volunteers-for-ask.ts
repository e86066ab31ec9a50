// Volunteers for an ask, from the database: narrows 100k volunteers to the few hundred worth ranking, with indexes
// and in one statement, then hands them to the pure ranker (./rank-volunteers.ts). No Actor here: callers check who
// may see the result (./queries.ts for pages and the API). The other direction is ./asks-for-volunteer.ts.
import { createHash } from 'node:crypto';
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
import { rankVolunteers } from './rank-volunteers';
import type { AskForMatching, RankedVolunteer, TaxonomySkill, VolunteerForMatching } from './types';

export interface SuggestedVolunteer extends RankedVolunteer {
  name: string;
  headline: string;
}

/**
 * How many holders of each of the ask's own skills are ranked, best level first. A top-20 list from the best 100
 * able to take the ask loses nothing a person would miss, and keeps a common skill (thousands of holders) cheap.
 */
export const EXACT_HOLDERS_PER_SKILL = 100;
/** Holders of other skills in the ask's areas, spread over those skills: they rank below exact holders, so few. */
export const RELATED_HOLDERS = 60;
const MIN_RELATED_PER_SKILL = 5;

/**
 * Where in VolunteerSkill.rotation (0 to 2^20 - 1, a hash of the profile id) the walk for this ask starts: the same
 * for the same ask, so its suggestions are stable, and spread over the range, so each ask sees another slice.
 */
export function rotationPoint(askId: string): number {
  return parseInt(createHash('md5').update(askId).digest('hex').slice(0, 5), 16);
}

export interface CandidateRow {
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
 * to the ask, members of the ask's organisation, volunteers a block stands between it and (either way), suspended users, paused and full volunteers, those sharing no
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
  const pool = await volunteerCandidates(db, askId, options);
  if (!pool) return [];
  const byId = new Map(pool.rows.map((row) => [row.id, row]));
  return rankVolunteers(pool.ask, pool.volunteers, pool.taxonomy, { limit: options.limit }).map((ranked) => {
    const row = byId.get(ranked.volunteerId)!;
    return { ...ranked, name: row.name, headline: row.headline };
  });
}

/** What suggestVolunteers ranks: the ask, the candidates the narrowing found (as rows and for the ranker) and the taxonomy. */
export interface VolunteerCandidates {
  ask: AskForMatching;
  rows: CandidateRow[];
  volunteers: VolunteerForMatching[];
  taxonomy: TaxonomySkill[];
}

/** The narrowing of suggestVolunteers without the ranking (npm run bench:matching times the ranking on its own). */
export async function volunteerCandidates(
  db: MatchingDb,
  askId: string,
  options: { now?: Date; excludeIds?: string[]; trace?: StatementTrace } = {},
): Promise<VolunteerCandidates | null> {
  const now = options.now ?? new Date();
  const [ask] = await query<{ id: string; organisationId: string; media: string[]; skillIds: string[] }>(
    db,
    'ask',
    Prisma.sql`SELECT a.id, a."organisationId", a.media::text[] AS media, a."skillIds" FROM "Ask" a WHERE a.id = ${askId}`,
    options.trace,
  );
  if (!ask) return null;
  const media = asMedia(ask.media);
  if (media.length === 0 || ask.skillIds.length === 0) return null;
  const taxonomy = await matchingTaxonomy(db, ask.skillIds);

  const exact = [...new Set(ask.skillIds)];
  const askCategories = new Set(taxonomy.filter((skill) => exact.includes(skill.id)).map((skill) => skill.categoryId));
  const related = taxonomy.filter((skill) => askCategories.has(skill.categoryId) && !exact.includes(skill.id)).map((skill) => skill.id);
  const relatedCap = related.length ? Math.max(MIN_RELATED_PER_SKILL, Math.ceil(RELATED_HOLDERS / related.length)) : 0;

  // Who is left out whatever their skills: `excludeIds`, volunteers who offered on or were invited to the ask, the
  // organisation's own people and volunteers a block stands between it and. One list, read once (an uncorrelated
  // subquery runs once per statement), so each walked volunteer is checked against it in memory rather than by
  // four index probes of their own (bench:matching: a quarter of the walk's buffer reads).
  const excluded = Prisma.sql`ARRAY(
      SELECT unnest(${options.excludeIds ?? []}::text[])
      UNION ALL SELECT f."volunteerId" FROM "Offer" f WHERE f."askId" = ${ask.id}
      UNION ALL SELECT i."volunteerId" FROM "Invitation" i WHERE i."askId" = ${ask.id}
      UNION ALL SELECT ms."userId" FROM "Membership" ms WHERE ms."organisationId" = ${ask.organisationId}
      UNION ALL SELECT b."volunteerId" FROM "Block" b WHERE b."organisationId" = ${ask.organisationId})`;
  // Who could take the ask.
  const able = Prisma.sql`u.status = 'ACTIVE'
    AND ${notPausedSql(now)}
    AND p.media && ${mediaArraySql(media)}
    AND p."monthlyCapacity" > 0
    AND p."userId" <> ALL(${excluded})`;
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
        -- A headline hidden by an admin after a report (lib/reports) is not shown.
        SELECT p.id, p."userId", coalesce(u.name, '') AS name, CASE WHEN p."hiddenAt" IS NULL THEN p.headline ELSE '' END AS headline,
               p.media::text[] AS media, p."timeZone",
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
  return { ask: { id: ask.id, skillIds: exact, media }, rows, volunteers, taxonomy };
}
