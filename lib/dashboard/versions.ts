// Dashboard versions (docs/decisions/0015): triggers add a DashboardChange row for each person whose
// dashboard a write changes (migration 20261201094100_dashboard_changes); from those rows comes the version
// their cached dashboard is keyed by: the newest id and how many rows they have. Ids are taken when a row is
// written, not when its transaction commits, so a write that commits after a later one leaves the newest id
// as it was, but not the count.
import 'server-only';
import { authSecret } from '@/lib/auth/secret';
import { PREPARED } from '@/lib/database/statement-names';
import { db } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { dashboardPageKey } from './page-key';

interface KeyRow {
  expires: Date;
  userId: string;
  status: string;
  onboardedAt: Date | null;
  version: string;
}

/**
 * The cached dashboard's key for the person a session token belongs to; null when there is no such session,
 * it has expired, or the person may not see a dashboard as it stands (suspended, or not onboarded): those get
 * the per-request page, whose guard sends them on. One statement on unique and indexed keys.
 */
export async function dashboardKeyForSession(sessionToken: string, now = new Date()): Promise<string | null> {
  const [row] = await db.$queryRaw<KeyRow[]>(Prisma.sql`${PREPARED}
    SELECT s.expires, u.id AS "userId", u.status::text AS status, u."onboardedAt",
           (SELECT coalesce(max(c.id), 0) || '-' || count(*) FROM "DashboardChange" c WHERE c."userId" = u.id) AS version
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."sessionToken" = ${sessionToken}`);
  if (!row || row.expires <= now || row.status !== 'ACTIVE' || !row.onboardedAt) return null;
  return dashboardPageKey(authSecret(), { userId: row.userId, version: row.version });
}

/**
 * Deletes the rows no key needs: every row but each person's newest, and the rows of deleted accounts. It sees
 * committed rows only, so a transaction still writing loses nothing; the counts fall, which costs each person
 * one more render (a cached page lives five minutes at most, so no old version comes back). Run daily
 * (lib/jobs/schedules.ts).
 */
export async function pruneDashboardChanges(client: PrismaClient = db): Promise<number> {
  const superseded = await client.$executeRaw`
    DELETE FROM "DashboardChange" c
     USING (SELECT "userId", max(id) AS newest FROM "DashboardChange" GROUP BY "userId") n
     WHERE c."userId" = n."userId" AND c.id < n.newest`;
  // A deleted account's last row (its own deletion's cascade wrote it).
  const orphaned = await client.$executeRaw`
    DELETE FROM "DashboardChange" c WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = c."userId")`;
  return superseded + orphaned;
}
