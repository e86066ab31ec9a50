// What /dashboard shows staff: for every organisation they belong to, how many asks are in each state, open asks
// with offers waiting, upcoming sessions, sessions owed feedback and practice checks waiting. One SQL statement:
// every list is a bounded, indexed CTE, and the names a line shows are read for the rows kept.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { PREPARED } from '@/lib/database/statement-names';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  DASHBOARD_LIST_LIMIT,
  type DashboardMeeting,
  instant,
  type Json,
  meetingListColumns,
  meetingLists,
  type MeetingListsRow,
  meetingListsSql,
} from './meeting-lists';

// The statement below is keyed by the viewer with bounded lists: PREPARED once per connection, as a generic plan
// suits it (lib/database/statement-names.ts).

/** The staff's asks across their organisations, by what they need. */
export interface AskCounts {
  /** Drafts, and asks sent back with changes requested. */
  attention: number;
  review: number;
  /** Open and public: volunteers can offer. */
  open: number;
  /** Approved, waiting for their organisation's verification to be published. */
  approved: number;
  total: number;
}

export interface StaffDashboard {
  askCounts: AskCounts;
  asksWithOffers: Array<{ id: string; title: string; organisationName: string; deadline: Date; pendingOffers: number }>;
  upcoming: DashboardMeeting[];
  feedbackOwed: DashboardMeeting[];
  /** Sessions of the last 60 days that are over (held, missed, unmarked) or were cancelled. */
  recent: DashboardMeeting[];
  practiceChecks: Array<{
    id: string;
    meetingId: string;
    askTitle: string;
    volunteerName: string | null;
    organisationName: string;
    heldAt: Date;
  }>;
}

interface StaffRow extends MeetingListsRow, AskCounts {
  asksWithOffers: Array<Json<StaffDashboard['asksWithOffers'][number]>>;
  practiceChecks: Array<Json<StaffDashboard['practiceChecks'][number]>>;
}

/** The staff view across every organisation the actor belongs to; zeros and empty lists when they belong to none. */
export async function staffDashboard(actor: Actor, now = new Date()): Promise<StaffDashboard> {
  assertActive(actor);
  const mine = Prisma.sql`m."organisationId" IN (SELECT id FROM orgs)`;
  const [row] = await db.$queryRaw<StaffRow[]>(Prisma.sql`${PREPARED}
    WITH orgs AS (SELECT ms."organisationId" AS id FROM "Membership" ms WHERE ms."userId" = ${actor.id}),
    -- Ask(organisationId, status).
    counts AS (
      SELECT count(*) FILTER (WHERE a.status IN ('DRAFT', 'CHANGES_REQUESTED'))::int AS attention,
             count(*) FILTER (WHERE a.status = 'PENDING_REVIEW')::int AS review,
             count(*) FILTER (WHERE a.status = 'OPEN' AND a."publishedAt" IS NOT NULL)::int AS open,
             count(*) FILTER (WHERE a.status = 'OPEN' AND a."publishedAt" IS NULL)::int AS approved,
             count(*)::int AS total
        FROM "Ask" a WHERE a."organisationId" IN (SELECT id FROM orgs)),
    -- Ask(organisationId, status), then Offer's unique (askId, volunteerId) for the test and the count.
    offered AS (
      SELECT a.id, a.title, a.deadline, a."organisationId" FROM "Ask" a
       WHERE a."organisationId" IN (SELECT id FROM orgs) AND a.status = 'OPEN'
         AND EXISTS (SELECT 1 FROM "Offer" f WHERE f."askId" = a.id AND f.status = 'PENDING')
       ORDER BY a.deadline, a.id LIMIT ${DASHBOARD_LIST_LIMIT}),
    ${meetingListsSql(mine, 'CHARITY', now)},
    -- FollowUp(status, dueAt).
    checks AS (
      SELECT c.id, c."dueAt", m.id AS "meetingId", m."askId", m."volunteerId", m."organisationId", m."startsAt"
        FROM "FollowUp" c JOIN "Meeting" m ON m.id = c."meetingId"
       WHERE c.kind = 'PRACTICE_CHECK' AND c.status = 'PENDING' AND c."dueAt" <= ${now}::timestamptz
         AND ${mine} AND m.status IN ('HELD', 'SCHEDULED')
       ORDER BY c."dueAt", c.id LIMIT ${DASHBOARD_LIST_LIMIT})
    SELECT n.attention, n.review, n.open, n.approved, n.total,
      (SELECT coalesce(json_agg(json_build_object(
          'id', a.id, 'title', a.title, 'deadline', a.deadline,
          'organisationName', (SELECT o.name FROM "Organisation" o WHERE o.id = a."organisationId"),
          'pendingOffers', (SELECT count(*) FROM "Offer" f WHERE f."askId" = a.id AND f.status = 'PENDING')
        ) ORDER BY a.deadline, a.id), '[]') FROM offered a) AS "asksWithOffers",
      ${meetingListColumns('CHARITY')},
      (SELECT coalesce(json_agg(json_build_object(
          'id', c.id, 'meetingId', c."meetingId", 'heldAt', c."startsAt",
          'askTitle', (SELECT a.title FROM "Ask" a WHERE a.id = c."askId"),
          'volunteerName', (SELECT u.name FROM "User" u WHERE u.id = c."volunteerId"),
          'organisationName', (SELECT o.name FROM "Organisation" o WHERE o.id = c."organisationId")
        ) ORDER BY c."dueAt", c.id), '[]') FROM checks c) AS "practiceChecks"
      FROM counts n`);
  const data = row!;
  return {
    askCounts: { attention: data.attention, review: data.review, open: data.open, approved: data.approved, total: data.total },
    asksWithOffers: data.asksWithOffers.map((ask) => ({ ...ask, deadline: instant(ask.deadline) })),
    ...meetingLists(data, 'CHARITY', now),
    practiceChecks: data.practiceChecks.map((check) => ({ ...check, heldAt: instant(check.heldAt) })),
  };
}
