// What /dashboard shows a volunteer: invitations waiting for their answer, their offers, upcoming sessions, feedback
// owed, this month's capacity and the asks that fit them. One SQL statement: every list is a bounded, indexed CTE,
// and the names a line shows are read for the rows kept.
import 'server-only';
import { listedAskSql } from '@/lib/asks/listed';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { PREPARED } from '@/lib/database/statement-names';
import { db } from '@/lib/db';
import { Prisma, type OfferStatus } from '@/lib/generated/prisma/client';
import {
  asksThatFitVolunteer,
  type FittingAsk,
  fitTags,
  type MatchingVolunteer,
  matchingVolunteerColumns,
} from '@/lib/matching/asks-for-volunteer';
import { isPaused, type VolunteerLoad } from '@/lib/offers/capacity';
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
const OFFER_LIST_LIMIT = 30;

export interface DashboardInvitation {
  id: string;
  askId: string;
  askTitle: string;
  organisationName: string;
  /** The staff member's own line, if they wrote one. */
  message: string | null;
  invitedByName: string | null;
  createdAt: Date;
  deadline: Date;
}

export interface VolunteerDashboard {
  timeZone: string;
  /** Invitations waiting for an answer, on asks still open for offers; oldest first. */
  invitations: DashboardInvitation[];
  offers: Array<{
    id: string;
    askId: string;
    askTitle: string;
    organisationName: string;
    status: OfferStatus;
    createdAt: Date;
    meetingId: string | null;
  }>;
  upcoming: DashboardMeeting[];
  feedbackOwed: DashboardMeeting[];
  recent: DashboardMeeting[];
  load: VolunteerLoad;
  /** Open asks that fit them, best first (lib/matching); none while they are paused or full. */
  fitting: FittingAsk[];
  /** What the asks that fit depend on, for the cached dashboard's tags (lib/matching/asks-for-volunteer.ts fitTags). */
  fittingTags: string[];
}

/** How many asks "Asks that fit you" shows. */
export const FITTING_ASKS_LIMIT = 5;
/** How long those may be reused while nothing they depend on changes (lib/matching/asks-for-volunteer.ts asksThatFitVolunteer). */
export const FITTING_ASKS_CACHE_MS = 60_000;

interface VolunteerRow extends MeetingListsRow {
  timeZone: string;
  monthlyCapacity: number;
  pausedAt: Date | null;
  pausedUntil: Date | null;
  pausedReason: string | null;
  booked: number;
  pending: number;
  invited: number;
  invitations: Array<Json<DashboardInvitation>>;
  offers: Array<Json<VolunteerDashboard['offers'][number]>>;
  matching: MatchingVolunteer;
}

/** The volunteer view of the actor's own invitations, offers and sessions; null when they have no volunteer profile. */
export async function volunteerDashboard(actor: Actor, at?: Date): Promise<VolunteerDashboard | null> {
  assertActive(actor);
  const now = at ?? new Date();
  const mine = Prisma.sql`m."volunteerId" = ${actor.id}`;
  // This month in the volunteer's zone, as lib/offers/capacity.ts monthBounds reckons it.
  const monthStart = Prisma.sql`date_trunc('month', ${now}::timestamptz AT TIME ZONE p."timeZone")`;
  const rows = await db.$queryRaw<VolunteerRow[]>(Prisma.sql`${PREPARED}
    WITH
    -- Invitation(volunteerId, status); the ask must still be listed (lib/asks/listed.ts).
    invitations AS (
      SELECT i.id, i."askId", i.message, i."createdAt", i."invitedById", a.title, a.deadline, a."organisationId"
        FROM "Invitation" i JOIN "Ask" a ON a.id = i."askId"
       WHERE i."volunteerId" = ${actor.id} AND i.status = 'PENDING' AND ${listedAskSql(now)}
       ORDER BY i."createdAt", i.id LIMIT ${DASHBOARD_LIST_LIMIT}),
    -- Offer(volunteerId, status).
    offers AS (
      SELECT f.id, f."askId", f.status, f."createdAt" FROM "Offer" f
       WHERE f."volunteerId" = ${actor.id}
       ORDER BY f."createdAt" DESC, f.id DESC LIMIT ${OFFER_LIST_LIMIT}),
    ${meetingListsSql(mine, 'VOLUNTEER', now)}
    SELECT p."timeZone", p."monthlyCapacity", p."pausedAt", p."pausedUntil", p."pausedReason",
      (SELECT count(*)::int FROM "Meeting" m
        WHERE m."volunteerId" = p."userId" AND m.status IN ('SCHEDULED', 'HELD')
          AND m."startsAt" >= (${monthStart} AT TIME ZONE p."timeZone")
          AND m."startsAt" < ((${monthStart} + interval '1 month') AT TIME ZONE p."timeZone")) AS booked,
      (SELECT count(*)::int FROM "Offer" f WHERE f."volunteerId" = p."userId" AND f.status = 'PENDING') AS pending,
      (SELECT count(*)::int FROM "Invitation" i WHERE i."volunteerId" = p."userId" AND i.status = 'PENDING') AS invited,
      (SELECT coalesce(json_agg(json_build_object(
          'id', i.id, 'askId', i."askId", 'askTitle', i.title, 'message', i.message, 'createdAt', i."createdAt",
          'deadline', i.deadline,
          'organisationName', (SELECT o.name FROM "Organisation" o WHERE o.id = i."organisationId"),
          'invitedByName', (SELECT u.name FROM "User" u WHERE u.id = i."invitedById")
        ) ORDER BY i."createdAt", i.id), '[]') FROM invitations i) AS invitations,
      (SELECT coalesce(json_agg(json_build_object(
          'id', f.id, 'askId', f."askId", 'status', f.status, 'createdAt', f."createdAt",
          'askTitle', a.title,
          'organisationName', (SELECT o.name FROM "Organisation" o WHERE o.id = a."organisationId"),
          'meetingId', (SELECT mt.id FROM "Meeting" mt WHERE mt."offerId" = f.id)
        ) ORDER BY f."createdAt" DESC, f.id DESC), '[]') FROM offers f JOIN "Ask" a ON a.id = f."askId") AS offers,
      ${meetingListColumns('VOLUNTEER')},
      (SELECT row_to_json(v) FROM (SELECT ${matchingVolunteerColumns(now)}) v) AS matching
      FROM "VolunteerProfile" p
     WHERE p."userId" = ${actor.id}`);
  const row = rows[0];
  if (!row) return null;
  // Read with the rest, so the asks that fit need no statement of their own when they are cached.
  const fitting = await asksThatFitVolunteer(db, row.matching, {
    limit: FITTING_ASKS_LIMIT,
    // A given moment is a question about that moment (tests), answered afresh.
    ...(at ? { now } : { cacheFor: FITTING_ASKS_CACHE_MS }),
  });
  const paused = isPaused(row, now);
  return {
    timeZone: row.timeZone,
    invitations: row.invitations.map((invitation) => ({
      ...invitation,
      invitedByName: invitation.invitedByName?.trim() || null,
      createdAt: instant(invitation.createdAt),
      deadline: instant(invitation.deadline),
    })),
    offers: row.offers.map((offer) => ({ ...offer, createdAt: instant(offer.createdAt) })),
    ...meetingLists(row, 'VOLUNTEER', now),
    load: {
      capacity: row.monthlyCapacity,
      booked: row.booked,
      pending: row.pending,
      invited: row.invited,
      spare: Math.max(0, row.monthlyCapacity - row.booked - row.pending - row.invited),
      paused,
      pausedReason: paused ? row.pausedReason : null,
    },
    fitting,
    fittingTags: fitTags(row.matching.skillIds ?? [], fitting),
  };
}
