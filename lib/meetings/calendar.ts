// The .ics for a meeting's "add to calendar" link: the same invite the emails carry (lib/email/calendar.ts),
// with the meeting's one UID and current SEQUENCE, so downloading it again updates the event a calendar
// already holds. A cancelled meeting downloads as METHOD:CANCEL, which removes it. Its organizer and
// attendees are the emails' too: HalfHour at MAIL_FROM, and everyone on the session.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { meetingInvite, type InviteMethod } from '@/lib/email/calendar';
import type { MeetingAttendee } from '@/lib/email/messages';
import type { MeetingStatus, Medium } from '@/lib/generated/prisma/enums';
import { meetingAudience, meetingUrl, volunteerDisplayName } from './audience';
import { assertMeetingReader } from './policy';

export const CALENDAR_FILENAME = 'halfhour-session.ics';

export interface CalendarMeeting {
  id: string;
  status: MeetingStatus;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  medium: Medium;
  joinDetails: string | null;
  askTitle: string;
  /** The other side, as the person downloading reads it. */
  withName: string;
  /** DTSTAMP: the row's last change, so the same version downloads byte for byte the same. */
  changedAt: Date;
  /** Everyone on the session, as the emails' invites list them. */
  attendees: MeetingAttendee[];
}

/** The invite for a meeting already read, organised by `sender` (pure: no database, no access check). */
export function buildMeetingCalendar(
  meeting: CalendarMeeting,
  url: string,
  sender: string,
): { filename: string; content: string; method: InviteMethod } {
  const method: InviteMethod = meeting.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
  const content = meetingInvite(
    {
      meetingId: meeting.id,
      askTitle: meeting.askTitle,
      withName: meeting.withName,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      // The file is written in UTC; calendars show it in their own zone.
      timeZone: 'UTC',
      medium: meeting.medium,
      joinDetails: meeting.joinDetails,
      attendees: meeting.attendees,
    },
    { method, sequence: meeting.sequence, sender, url, stamp: meeting.changedAt },
  );
  return { filename: CALENDAR_FILENAME, content, method };
}

/** The invite for `meetingId` as the actor may download it; AccessDenied for anyone but the parties and admins. */
export async function meetingCalendarFor(
  actor: Actor,
  meetingId: string,
): Promise<{ filename: string; content: string; method: InviteMethod }> {
  const { meeting, viewer } = await assertMeetingReader(actor, meetingId);
  const row = await db.meeting.findUniqueOrThrow({
    where: { id: meeting.id },
    select: {
      updatedAt: true,
      ask: { select: { title: true } },
      organisation: { select: { name: true } },
      volunteer: { select: { name: true } },
    },
  });
  const { meeting: audience } = await meetingAudience(db, meeting.id);
  return buildMeetingCalendar(
    {
      ...meeting,
      askTitle: row.ask.title,
      withName: viewer === 'VOLUNTEER' ? row.organisation.name : volunteerDisplayName(row.volunteer.name),
      changedAt: row.updatedAt,
      attendees: audience.attendees,
    },
    meetingUrl(meeting.id),
    env.MAIL_FROM,
  );
}
