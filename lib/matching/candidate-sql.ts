// What both sides of matching's database narrowing share (./volunteers-for-ask.ts and ./asks-for-volunteer.ts):
// the taxonomy, and the SQL parts that say whether a volunteer is paused, how loaded they are this month and which
// media they take.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { Medium, SkillLevel, TaxonomySkill, VolunteerForMatching } from './types';

export type MatchingDb = PrismaClient | Prisma.TransactionClient;

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
 * one-volunteer version). Three index-only probes: Meeting(volunteerId, startsAt, status), Offer and Invitation
 * (volunteerId, status).
 */
export function loadSql(now: Date): Prisma.Sql {
  return Prisma.sql`(
    (SELECT count(*) FROM "Meeting" m
      WHERE m."volunteerId" = p."userId" AND m.status IN ('SCHEDULED', 'HELD')
        AND m."startsAt" >= (date_trunc('month', ${now}::timestamptz AT TIME ZONE p."timeZone") AT TIME ZONE p."timeZone")
        AND m."startsAt" < ((date_trunc('month', ${now}::timestamptz AT TIME ZONE p."timeZone") + interval '1 month') AT TIME ZONE p."timeZone"))
    + (SELECT count(*) FROM "Offer" o WHERE o."volunteerId" = p."userId" AND o.status = 'PENDING')
    + (SELECT count(*) FROM "Invitation" i WHERE i."volunteerId" = p."userId" AND i.status = 'PENDING'))::int`;
}

/** Not paused: never paused, or paused until a time that has passed (lib/offers/capacity.ts isPaused). */
export function notPausedSql(now: Date): Prisma.Sql {
  return Prisma.sql`(p."pausedAt" IS NULL OR coalesce(p."pausedUntil" <= ${now}::timestamptz, false))`;
}

/** An enum array as constants, each cast on its own: the embedded engine's adapter cannot bind enum arrays. */
export function mediaArraySql(media: readonly Medium[]): Prisma.Sql {
  return Prisma.sql`ARRAY[${Prisma.join(media.map((medium) => Prisma.sql`${medium}::"Medium"`))}]`;
}

const MEDIA: ReadonlySet<string> = new Set<Medium>(['VIDEO', 'PHONE', 'EMAIL', 'IN_PERSON']);
export const asMedia = (values: readonly string[] | null): Medium[] => (values ?? []).filter((value): value is Medium => MEDIA.has(value));

export function volunteerSkills(skillIds: string[] | null, levels: string[] | null): VolunteerForMatching['skills'] {
  return (skillIds ?? []).map((skillId, index) => ({ skillId, level: (levels?.[index] ?? 'WORKING') as SkillLevel }));
}

export const averageOf = (count: number, total: number) => (count > 0 ? total / count : null);

/** Sees each statement before it runs: npm run bench:matching EXPLAINs exactly what these functions run. */
export type StatementTrace = (label: string, statement: Prisma.Sql) => void;

export function query<T>(db: MatchingDb, label: string, statement: Prisma.Sql, trace?: StatementTrace): Promise<T[]> {
  trace?.(label, statement);
  return db.$queryRaw<T[]>(statement);
}
