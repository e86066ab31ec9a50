// What admins read about reports: the open ones, oldest first, each with its snapshot, who reported it, the
// earlier reports about the same person and that person's history; the people escalation puts on the review
// queue; and the open count for the admin navigation. Admins only: reporters are never shown to anyone else.
import 'server-only';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { DAY_MS } from '@/lib/dates';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { ESCALATION_THRESHOLD, ESCALATION_WINDOW_DAYS, escalate, type Escalation, type Strike, type StrikeKind } from './escalation';
import { readSnapshot } from './snapshot';

export const OPEN_REPORTS_PAGE = 50;

/** Open reports, for the admin navigation. */
export async function countOpenReports(admin: Actor): Promise<number> {
  assertAdmin(admin);
  return db.report.count({ where: { status: 'OPEN' } });
}

/**
 * Each person's strikes since `since`: warnings (reports resolved by warning them), no-shows (as the volunteer,
 * or as the staff member who booked a session the charity missed) and late cancellations. One statement.
 */
async function strikesSince(since: Date, userIds?: string[]): Promise<Map<string, Strike[]>> {
  const only = (column: Prisma.Sql) => (userIds ? Prisma.sql`AND ${column} = ANY(${userIds}::text[])` : Prisma.empty);
  const rows = await db.$queryRaw<Array<{ userId: string; kind: StrikeKind; at: Date }>>`
    SELECT r."subjectUserId" AS "userId", 'warning' AS kind, r."resolvedAt" AS at FROM "Report" r
     WHERE r."resolutionKind" = 'WARN' AND r."resolvedAt" > ${since} AND r."subjectUserId" IS NOT NULL ${only(Prisma.sql`r."subjectUserId"`)}
    UNION ALL
    SELECT m."volunteerId", 'no-show', m."startsAt" FROM "Meeting" m
     WHERE m.status = 'NO_SHOW' AND m."noShowParty" = 'VOLUNTEER' AND m."startsAt" > ${since} ${only(Prisma.sql`m."volunteerId"`)}
    UNION ALL
    SELECT m."bookedById", 'no-show', m."startsAt" FROM "Meeting" m
     WHERE m.status = 'NO_SHOW' AND m."noShowParty" = 'CHARITY' AND m."bookedById" IS NOT NULL AND m."startsAt" > ${since}
       ${only(Prisma.sql`m."bookedById"`)}
    UNION ALL
    SELECT m."cancelledById", 'late-cancellation', m."cancelledAt" FROM "Meeting" m
     WHERE m."cancelledLate" AND m."cancelledById" IS NOT NULL AND m."cancelledAt" > ${since} ${only(Prisma.sql`m."cancelledById"`)}`;
  const byUser = new Map<string, Strike[]>();
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push({ kind: row.kind, at: row.at });
    byUser.set(row.userId, list);
  }
  return byUser;
}

const personSelect = { id: true, name: true, email: true, status: true, suspendedAt: true, suspendedWhy: true } as const;

/** Every suspension of these people, from the audit log: when, by whom (id) and why. */
async function suspensionsOf(userIds: string[]) {
  if (userIds.length === 0) return new Map<string, Array<{ at: Date; reason: string | null }>>();
  const rows = await db.auditLog.findMany({
    where: { action: 'user.suspend', entityType: 'User', entityId: { in: userIds } },
    select: { entityId: true, createdAt: true, data: true },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  const byUser = new Map<string, Array<{ at: Date; reason: string | null }>>();
  for (const row of rows) {
    const data = row.data as { reason?: unknown } | null;
    const list = byUser.get(row.entityId) ?? [];
    list.push({ at: row.createdAt, reason: typeof data?.reason === 'string' ? data.reason : null });
    byUser.set(row.entityId, list);
  }
  return byUser;
}

/** The open reports, oldest first, with everything an admin needs to decide each. */
export async function listOpenReports(admin: Actor, now = new Date()) {
  assertAdmin(admin);
  const reports = await db.report.findMany({
    where: { status: 'OPEN' },
    select: {
      id: true,
      targetType: true,
      targetId: true,
      reason: true,
      details: true,
      snapshot: true,
      createdAt: true,
      subjectUserId: true,
      reporter: { select: { id: true, name: true, email: true } },
      subject: { select: personSelect },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: OPEN_REPORTS_PAGE,
  });
  const subjectIds = [...new Set(reports.flatMap((report) => (report.subjectUserId ? [report.subjectUserId] : [])))];
  const since = new Date(now.getTime() - ESCALATION_WINDOW_DAYS * DAY_MS);
  const [earlier, strikes, suspensions] = await Promise.all([
    subjectIds.length
      ? db.report.findMany({
          where: { subjectUserId: { in: subjectIds } },
          select: {
            id: true,
            subjectUserId: true,
            targetType: true,
            reason: true,
            status: true,
            resolutionKind: true,
            createdAt: true,
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 500,
        })
      : [],
    subjectIds.length ? strikesSince(since, subjectIds) : new Map<string, Strike[]>(),
    suspensionsOf(subjectIds),
  ]);
  return reports.map((report) => {
    const subjectId = report.subjectUserId;
    return {
      ...report,
      snapshot: readSnapshot(report.snapshot),
      /** Other reports about the same person, newest first (this one left out). */
      earlier: subjectId
        ? earlier.filter((other) => other.subjectUserId === subjectId && other.id !== report.id && other.createdAt <= report.createdAt)
        : [],
      escalation: subjectId ? escalate(strikes.get(subjectId) ?? [], now) : null,
      suspensions: subjectId ? (suspensions.get(subjectId) ?? []) : [],
    };
  });
}

export type OpenReport = Awaited<ReturnType<typeof listOpenReports>>[number];

export interface ReviewEntry {
  person: { id: string; name: string | null; email: string };
  escalation: Escalation;
}

/** People with three or more strikes in 90 days who are not suspended, most strikes first: the review queue. */
export async function listPeopleToReview(admin: Actor, now = new Date()): Promise<ReviewEntry[]> {
  assertAdmin(admin);
  const since = new Date(now.getTime() - ESCALATION_WINDOW_DAYS * DAY_MS);
  const strikes = await strikesSince(since);
  const candidates = [...strikes.entries()].filter(([, list]) => list.length >= ESCALATION_THRESHOLD).map(([id]) => id);
  if (candidates.length === 0) return [];
  const people = await db.user.findMany({
    where: { id: { in: candidates }, status: 'ACTIVE' },
    select: { id: true, name: true, email: true },
  });
  return people
    .map((person) => ({ person, escalation: escalate(strikes.get(person.id) ?? [], now) }))
    .filter((entry) => entry.escalation.needsReview)
    .sort((a, b) => b.escalation.recent.length - a.escalation.recent.length || a.person.id.localeCompare(b.person.id));
}
