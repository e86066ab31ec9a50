// The health page's skills gap: the skills most asked for against available volunteers, for the country and
// per region. Volunteers are read as last counted (lib/health/supply.ts); asks as they are now. Admins only
// (docs/decisions/0028).
import 'server-only';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { listedAskSql } from '@/lib/asks/listed';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { Region as RegionEnum, type Region } from '@/lib/generated/prisma/enums';
import { healthWeeks, type WeekWindow } from './figures';
import { inWindow } from './sql';

/** How many skills the gap table lists. */
export const SKILLS_GAP_ROWS = 15;

export interface SkillGapRow {
  skillId: string;
  name: string;
  /** Asks posted in the twelve weeks that need the skill. */
  asks: number;
  /** Asks listed now (open for offers) that need it. */
  openAsks: number;
  /** Volunteers who hold it and could take an ask now: active, not paused, some monthly capacity. */
  volunteers: number;
  /** asks / volunteers; null when no volunteer holds it. */
  asksPerVolunteer: number | null;
  /** Open asks and not one available volunteer: listed first. */
  gap: boolean;
}

export interface RegionGapRow {
  region: Region;
  /** Asks posted in the twelve weeks by organisations in the region. */
  asks: number;
  openAsks: number;
  /** Available volunteers based in the region (a volunteer's region is only set by those who meet in person). */
  volunteers: number;
  asksPerVolunteer: number | null;
  /** Skills with open asks in the region and no available volunteer based there, most open asks first. */
  gapSkills: string[];
}

export interface SkillsGap {
  /** The whole country's fifteen, or the region's when one is chosen. */
  skills: SkillGapRow[];
  regions: RegionGapRow[];
  /** When the available volunteers were last counted (every five minutes); null before the first count. */
  volunteersCountedAt: Date | null;
}

/** One region's (or, region null, no region's) figures for one skill, as the statement returns them. */
interface GapCell {
  region: Region | null;
  skillId: string;
  name: string | null;
  asks: number;
  openAsks: number;
  volunteers: number;
  /** The same, counting each ask and volunteer once (by their first skill), for the region's totals. */
  regionAsks: number;
  regionOpenAsks: number;
  regionVolunteers: number;
  /** When the volunteers were counted; null for a skill nobody available holds. */
  countedAt: Date | null;
}

/**
 * Asks posted in the weeks and listed now, and available volunteers (as last counted, lib/health/supply.ts), per
 * region and skill: one statement, one pass over the asks into a few hundred cells. The country's figures are the
 * cells' sums (every ask and volunteer has one region or none), added up in getSkillsGap.
 */
export function skillsGapSql(window: WeekWindow, now: Date): Prisma.Sql {
  const posted = inWindow(Prisma.sql`a."submittedAt"`, window);
  const listed = listedAskSql(now);
  return Prisma.sql`
    WITH asked AS (
      SELECT coalesce(a."organisationRegion"::text, '') AS region, s.id AS "skillId",
             count(*) FILTER (WHERE ${posted})::int AS asks,
             count(*) FILTER (WHERE ${listed})::int AS "openAsks",
             count(*) FILTER (WHERE (${posted}) AND s.n = 1)::int AS "regionAsks",
             count(*) FILTER (WHERE (${listed}) AND s.n = 1)::int AS "regionOpenAsks"
        FROM "Ask" a CROSS JOIN LATERAL unnest(a."skillIds") WITH ORDINALITY AS s(id, n)
       WHERE (${posted}) OR (${listed})
       GROUP BY 1, 2
    ), held AS (
      SELECT region, "skillId", volunteers, "regionVolunteers", "countedAt" FROM "VolunteerSupply"
    )
    SELECT nullif(coalesce(asked.region, held.region), '') AS region, coalesce(asked."skillId", held."skillId") AS "skillId", k.name,
           coalesce(asked.asks, 0) AS asks, coalesce(asked."openAsks", 0) AS "openAsks", coalesce(held.volunteers, 0) AS volunteers,
           coalesce(asked."regionAsks", 0) AS "regionAsks", coalesce(asked."regionOpenAsks", 0) AS "regionOpenAsks",
           coalesce(held."regionVolunteers", 0) AS "regionVolunteers", held."countedAt"
      FROM asked
      FULL JOIN held ON held.region = asked.region AND held."skillId" = asked."skillId"
      LEFT JOIN "Skill" k ON k.id = coalesce(asked."skillId", held."skillId")`;
}

function gapRow(cell: GapCell): SkillGapRow {
  return {
    skillId: cell.skillId,
    name: cell.name ?? cell.skillId,
    asks: cell.asks,
    openAsks: cell.openAsks,
    volunteers: cell.volunteers,
    asksPerVolunteer: cell.volunteers > 0 ? cell.asks / cell.volunteers : null,
    gap: cell.openAsks > 0 && cell.volunteers === 0,
  };
}

/** The gap first (open asks, nobody available), then the most asked for; only skills someone asked for. */
export function rankSkillsGap(rows: SkillGapRow[], limit = SKILLS_GAP_ROWS): SkillGapRow[] {
  return rows
    .filter((row) => row.asks > 0 || row.openAsks > 0)
    .sort(
      (a, b) =>
        Number(b.gap) - Number(a.gap) ||
        b.asks - a.asks ||
        b.openAsks - a.openAsks ||
        a.volunteers - b.volunteers ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

export async function getSkillsGap(actor: Actor, region: Region | null, now = new Date()): Promise<SkillsGap> {
  assertAdmin(actor);
  const cells = await db.$queryRaw<GapCell[]>(skillsGapSql(healthWeeks(now), now));

  // The country's: each skill's cells summed over the regions (and no region).
  const country = new Map<string, GapCell>();
  for (const cell of cells) {
    const sum = country.get(cell.skillId) ?? { ...cell, region: null, asks: 0, openAsks: 0, volunteers: 0 };
    sum.asks += cell.asks;
    sum.openAsks += cell.openAsks;
    sum.volunteers += cell.volunteers;
    country.set(cell.skillId, sum);
  }
  const skills = rankSkillsGap((region ? cells.filter((cell) => cell.region === region) : [...country.values()]).map(gapRow));

  // Every region, in the usual order, including one with nothing in it yet.
  const regions = Object.values(RegionEnum).map((name): RegionGapRow => {
    const own = cells.filter((cell) => cell.region === name);
    const total = (key: 'regionAsks' | 'regionOpenAsks' | 'regionVolunteers') => own.reduce((sum, cell) => sum + cell[key], 0);
    const volunteers = total('regionVolunteers');
    const asks = total('regionAsks');
    return {
      region: name,
      asks,
      openAsks: total('regionOpenAsks'),
      volunteers,
      asksPerVolunteer: volunteers > 0 ? asks / volunteers : null,
      gapSkills: own
        .filter((cell) => cell.openAsks > 0 && cell.volunteers === 0)
        .sort((a, b) => b.openAsks - a.openAsks || (a.name ?? '').localeCompare(b.name ?? ''))
        .map((cell) => cell.name ?? cell.skillId),
    };
  });
  const counted = cells.map((cell) => cell.countedAt?.getTime() ?? 0);
  const latest = Math.max(0, ...counted);
  return { skills, regions, volunteersCountedAt: latest ? new Date(latest) : null };
}
