// What /dashboard shows. Staff: for every organisation they belong to, how many asks are in each state,
// open asks with offers waiting, upcoming sessions, sessions owed feedback and practice checks waiting.
// Volunteers: invitations waiting for their answer, their offers, upcoming sessions, feedback owed and this
// month's capacity. Each side is one SQL statement: every list is a bounded, indexed CTE, and the names a line
// shows are read for the rows kept (the nested Prisma selects this replaces took 10 to 14 round trips per view).
// Times are returned as instants and shown in the viewer's zone by the page.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import type { SessionUser } from '@/lib/auth/session';
import { listedAskSql } from '@/lib/asks/listed';
import { PREPARED } from '@/lib/database/statement-names';
import { db } from '@/lib/db';
import { Prisma, type MeetingParty, type MeetingStatus, type OfferStatus } from '@/lib/generated/prisma/client';
import { asksThatFitVolunteer, type FittingAsk, type MatchingVolunteer, matchingVolunteerColumns } from '@/lib/matching/asks-for-volunteer';
import { isPaused, type VolunteerLoad } from '@/lib/offers/capacity';
import { organisationProgress, type OrganisationProgress } from '@/lib/orgs/first-steps';

const DAY_MS = 86_400_000;
// Both statements below are keyed by the viewer with bounded lists: PREPARED once per connection, as a generic plan
// suits them (lib/database/statement-names.ts).
/** Feedback is asked for sessions in this window; after that a missing one stops being a to-do. */
export const FEEDBACK_OWED_DAYS = 60;
/** The most rows any one list shows. */
export const DASHBOARD_LIST_LIMIT = 10;
const OFFER_LIST_LIMIT = 30;

export interface DashboardMeeting {
  id: string;
  askTitle: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  /** The other side as the viewer reads it: the volunteer's name for staff, the organisation's for volunteers. */
  withName: string | null;
  organisationName: string;
  /** The session is over and nobody has marked it held yet. */
  needsMarking: boolean;
  /** A new time is waiting for an answer: from the viewer's side ('ours') or from the other ('theirs'). */
  pendingMove: 'ours' | 'theirs' | null;
}

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
}

/** How many asks "Asks that fit you" shows. */
export const FITTING_ASKS_LIMIT = 5;
/** How long those may be reused while nothing they depend on changes (lib/matching/asks-for-volunteer.ts asksThatFitVolunteer). */
export const FITTING_ASKS_CACHE_MS = 60_000;

// ------------------------------------------------------------------------------------------ SQL parts

/** JSON carries instants as ISO strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
const instant = (value: string) => new Date(value);

/** A session's line as the statement returns it (one element of a JSON array). */
type MeetingJson = Json<{
  id: string;
  askTitle: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  volunteerName: string | null;
  organisationName: string;
  /** Who proposed the pending move, if one waits (MeetingReschedule_one_pending_per_meeting: at most one). */
  movedBy: MeetingParty | null;
}>;

/**
 * The sessions of the CTE `list` (rows of "Meeting", already ordered and cut to a page) as a JSON array in
 * `order`, each with the ask's title, the names and any pending move: primary-key reads for those rows only.
 */
function meetingsJson(list: string, order: 'asc' | 'desc', viewer: MeetingParty): Prisma.Sql {
  const direction = Prisma.raw(order === 'asc' ? 'ASC' : 'DESC');
  const volunteerName =
    viewer === 'CHARITY' ? Prisma.sql`(SELECT u.name FROM "User" u WHERE u.id = m."volunteerId")` : Prisma.sql`NULL::text`;
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object(
      'id', m.id, 'startsAt', m."startsAt", 'endsAt', m."endsAt", 'status', m.status,
      'askTitle', (SELECT a.title FROM "Ask" a WHERE a.id = m."askId"),
      'volunteerName', ${volunteerName},
      'organisationName', (SELECT o.name FROM "Organisation" o WHERE o.id = m."organisationId"),
      'movedBy', (SELECT r."proposedByParty" FROM "MeetingReschedule" r WHERE r."meetingId" = m.id AND r.status = 'PENDING' LIMIT 1)
    ) ORDER BY m."startsAt" ${direction}, m.id ${direction}), '[]') FROM ${Prisma.raw(list)} m)`;
}

function toMeeting(row: MeetingJson, viewer: MeetingParty, now: Date): DashboardMeeting {
  const endsAt = instant(row.endsAt);
  return {
    id: row.id,
    askTitle: row.askTitle,
    startsAt: instant(row.startsAt),
    endsAt,
    status: row.status,
    withName: viewer === 'CHARITY' ? row.volunteerName : row.organisationName,
    organisationName: row.organisationName,
    needsMarking: row.status === 'SCHEDULED' && endsAt <= now,
    pendingMove: row.movedBy ? (row.movedBy === viewer ? 'ours' : 'theirs') : null,
  };
}

/**
 * The three session lists of one side, as CTEs named upcoming, owed and recent over "Meeting" m, for the
 * sessions matching `mine` (the organisations' or the volunteer's, so Meeting(organisationId, startsAt) or
 * Meeting(volunteerId, startsAt) serves each):
 * - upcoming: booked and not yet over, soonest first (one going on now is still upcoming);
 * - owed: of the last 60 days and without this side's feedback, either held or over without anyone marking them
 *   held (those are asked to say whether it took place first);
 * - recent: of the last 60 days and over (held, missed, or ended unmarked), and cancelled ones from then on,
 *   future ones included: what happened, for the record, newest first.
 */
function meetingListsSql(mine: Prisma.Sql, party: MeetingParty, now: Date): Prisma.Sql {
  const since = new Date(now.getTime() - FEEDBACK_OWED_DAYS * DAY_MS);
  return Prisma.sql`
    upcoming AS (
      SELECT m.* FROM "Meeting" m
       WHERE ${mine} AND m.status = 'SCHEDULED' AND m."endsAt" > ${now}::timestamptz
       ORDER BY m."startsAt", m.id LIMIT ${DASHBOARD_LIST_LIMIT}),
    owed AS (
      SELECT m.* FROM "Meeting" m
       WHERE ${mine} AND m."startsAt" >= ${since}::timestamptz AND m."startsAt" <= ${now}::timestamptz
         AND (m.status = 'HELD' OR (m.status = 'SCHEDULED' AND m."endsAt" <= ${now}::timestamptz))
         AND NOT EXISTS (SELECT 1 FROM "Feedback" fb WHERE fb."meetingId" = m.id AND fb.party = ${Prisma.raw(`'${party}'`)})
       ORDER BY m."startsAt" DESC, m.id DESC LIMIT ${DASHBOARD_LIST_LIMIT}),
    recent AS (
      SELECT m.* FROM "Meeting" m
       WHERE ${mine} AND m."startsAt" >= ${since}::timestamptz
         AND (m.status = 'CANCELLED'
              OR (m.status IN ('HELD', 'NO_SHOW') AND m."startsAt" <= ${now}::timestamptz)
              OR (m.status = 'SCHEDULED' AND m."endsAt" <= ${now}::timestamptz))
       ORDER BY m."startsAt" DESC, m.id DESC LIMIT ${DASHBOARD_LIST_LIMIT})`;
}

const meetingListColumns = (party: MeetingParty) => Prisma.sql`
  ${meetingsJson('upcoming', 'asc', party)} AS upcoming,
  ${meetingsJson('owed', 'desc', party)} AS "feedbackOwed",
  ${meetingsJson('recent', 'desc', party)} AS recent`;

interface MeetingListsRow {
  upcoming: MeetingJson[];
  feedbackOwed: MeetingJson[];
  recent: MeetingJson[];
}

// ------------------------------------------------------------------------------------------ staff

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
    upcoming: data.upcoming.map((meeting) => toMeeting(meeting, 'CHARITY', now)),
    feedbackOwed: data.feedbackOwed.map((meeting) => toMeeting(meeting, 'CHARITY', now)),
    recent: data.recent.map((meeting) => toMeeting(meeting, 'CHARITY', now)),
    practiceChecks: data.practiceChecks.map((check) => ({ ...check, heldAt: instant(check.heldAt) })),
  };
}

// ------------------------------------------------------------------------------------------ volunteers

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
    upcoming: row.upcoming.map((meeting) => toMeeting(meeting, 'VOLUNTEER', now)),
    feedbackOwed: row.feedbackOwed.map((meeting) => toMeeting(meeting, 'VOLUNTEER', now)),
    recent: row.recent.map((meeting) => toMeeting(meeting, 'VOLUNTEER', now)),
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
  };
}

/** Both sides of the dashboard for a signed-in person: each null when they are not staff, or not a volunteer. */
export interface DashboardData {
  staff: StaffDashboard | null;
  volunteering: VolunteerDashboard | null;
  /** A new charity's checklist, for each of their organisations (lib/orgs/first-steps.ts). */
  firstSteps: OrganisationProgress[];
}

export async function dashboardData(user: SessionUser, now?: Date): Promise<DashboardData> {
  // The organisations and the profile come with the person (lib/auth/session.ts); each side is one statement.
  const [staff, volunteering, firstSteps] = await Promise.all([
    user.memberships.length > 0 ? staffDashboard(user, now) : null,
    user.volunteerProfile ? volunteerDashboard(user, now) : null,
    user.memberships.length > 0 ? organisationProgress(user) : [],
  ]);
  return { staff, volunteering, firstSteps };
}
