// The three session lists both sides of /dashboard show (upcoming, feedback owed, recent), as CTEs and JSON columns
// that ./staff.ts and ./volunteer.ts put into their own one statement, and a session's line as the page reads it.
import { DAY_MS } from '@/lib/dates';
import { Prisma, type MeetingParty, type MeetingStatus } from '@/lib/generated/prisma/client';

/** Feedback is asked for sessions in this window; after that a missing one stops being a to-do. */
export const FEEDBACK_OWED_DAYS = 60;
/** The most rows any one list shows. */
export const DASHBOARD_LIST_LIMIT = 10;

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

/** JSON carries instants as ISO strings. */
export type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export const instant = (value: string) => new Date(value);

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
export function meetingListsSql(mine: Prisma.Sql, party: MeetingParty, now: Date): Prisma.Sql {
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

export const meetingListColumns = (party: MeetingParty) => Prisma.sql`
  ${meetingsJson('upcoming', 'asc', party)} AS upcoming,
  ${meetingsJson('owed', 'desc', party)} AS "feedbackOwed",
  ${meetingsJson('recent', 'desc', party)} AS recent`;

export interface MeetingListsRow {
  upcoming: MeetingJson[];
  feedbackOwed: MeetingJson[];
  recent: MeetingJson[];
}

/** The three lists of a row read with meetingListColumns, as `viewer` sees them. */
export function meetingLists(row: MeetingListsRow, viewer: MeetingParty, now: Date) {
  const lines = (list: MeetingJson[]) => list.map((meeting) => toMeeting(meeting, viewer, now));
  return { upcoming: lines(row.upcoming), feedbackOwed: lines(row.feedbackOwed), recent: lines(row.recent) };
}
