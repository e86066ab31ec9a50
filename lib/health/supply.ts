// How many volunteers could take an ask now, per region and skill: counted into VolunteerSupply by a schedule
// every five minutes (lib/jobs/schedules.ts), by the seed, and by the bench. Counting every volunteer's skills
// takes about a third of a second at 100k volunteers; the health page reads the few hundred rows this leaves and
// says when they were counted (docs/decisions/0028). No actor: it runs as the system, and reads nothing private.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { notPausedSql } from '@/lib/matching/candidate-sql';

/** Replaces the snapshot with a count as of `now`; returns how many (region, skill) rows it holds. */
export async function countVolunteerSupply(db: PrismaClient, now: Date = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    // Two counts at once (a schedule and a seed) take turns; readers keep reading the snapshot before.
    await tx.$executeRaw`LOCK TABLE "VolunteerSupply" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "VolunteerSupply"`;
    return tx.$executeRaw`
      INSERT INTO "VolunteerSupply" (region, "skillId", volunteers, "regionVolunteers", "countedAt")
      SELECT coalesce(p.region::text, ''), s.id, count(*)::int, count(*) FILTER (WHERE s.n = 1)::int, ${now}::timestamptz
        FROM "VolunteerProfile" p CROSS JOIN LATERAL unnest(p."skillIds") WITH ORDINALITY AS s(id, n)
       WHERE ${notPausedSql(now)} AND p."monthlyCapacity" > 0
         AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = p."userId" AND u.status <> 'ACTIVE')
       GROUP BY 1, 2`;
  });
}
