// The calendar invite (.ics, RFC 5545/5546) attached to booking, move and cancellation emails. One UID per
// meeting and a SEQUENCE raised on every change, so a calendar updates or removes the event it already
// holds instead of adding a second one. Times are written in UTC; calendars show them in their own zone.
// HalfHour organises and both sides attend (lib/email/calendar-people.ts, docs/decisions/0017).
import { createEvent, type EventAttributes } from 'ics';
import { formatDuration } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import { calendarPeople } from './calendar-people';
import type { MeetingAttendee, MeetingDetails } from './messages';

export type InviteMethod = 'REQUEST' | 'CANCEL';

export interface MeetingInviteOptions {
  /** REQUEST books or moves the event; CANCEL removes it. */
  method: InviteMethod;
  /** 0 when booked, one higher on every change after. */
  sequence: number;
  /** The From header the invite goes out with (MAIL_FROM): its ORGANIZER. */
  sender: string;
  /** The session's page on HalfHour. */
  url: string;
  /** DTSTAMP, when this version of the invite was made; defaults to now. */
  stamp?: Date;
}

/** The same for every version of a meeting's invite: that is how calendars match an update to the event. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@halfhour`;
}

/**
 * Text as a calendar can carry it. The `ics` package escapes LF as \n but writes a bare CR and other control
 * characters as they are, and calendars read a CR (Python's parsers also NEL, LS and PS) as the end of the
 * line: the rest of a title would become a property, or an event, of its own. So every line break becomes an
 * LF, and the control characters RFC 5545 leaves out of text are dropped.
 */
export function calendarText(text: string): string {
  return text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** One event of an invite, as both the session's and the clinic's are written. */
export interface InviteEvent {
  productId: string;
  method: InviteMethod;
  uid: string;
  sequence: number;
  /** DTSTAMP, when this version was made; defaults to now. */
  stamp?: Date;
  title: string;
  /** Lines, written one to a line; empty ones are left out. */
  description: Array<string | null | undefined | false>;
  startsAt: string;
  endsAt: string;
  url: string;
  /** Where, for a meeting in person. */
  location?: string;
  /** The From header the invite goes out with (MAIL_FROM): its ORGANIZER. */
  sender: string;
  attendees: MeetingAttendee[];
}

/** The .ics of one event: times in UTC, HalfHour organising and the attendees named (./calendar-people.ts). */
export function inviteText(invite: InviteEvent): string {
  const cancelled = invite.method === 'CANCEL';
  const event: EventAttributes & { timestamp: number } = {
    productId: invite.productId,
    method: invite.method,
    uid: invite.uid,
    sequence: invite.sequence,
    // Not in the package's types but read by it: DTSTAMP. Without it the package stamps Date.now() itself.
    timestamp: (invite.stamp ?? new Date()).getTime(),
    title: calendarText(invite.title),
    description: calendarText(invite.description.filter(Boolean).join('\n')),
    start: Date.parse(invite.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(invite.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: invite.url,
    location: invite.location ? calendarText(invite.location) : undefined,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: cancelled ? 'FREE' : 'BUSY',
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('The calendar invite could not be built.');
  // The package writes one event and ends with these two lines; the people go in just before them.
  const end = 'END:VEVENT\r\nEND:VCALENDAR\r\n';
  if (!value.endsWith(end)) throw new Error('The calendar invite did not end as expected.');
  return value.slice(0, -end.length) + calendarPeople(invite.sender, invite.attendees) + end;
}

export function meetingInvite(details: MeetingDetails, options: MeetingInviteOptions): string {
  const minutes = Math.round((Date.parse(details.endsAt) - Date.parse(details.startsAt)) / 60_000);
  const joinDetails = details.joinDetails?.trim();
  return inviteText({
    productId: '-//HalfHour//Sessions//EN',
    method: options.method,
    uid: meetingUid(details.meetingId),
    sequence: options.sequence,
    stamp: options.stamp,
    title: `HalfHour: ${details.askTitle}`,
    description: [
      `${formatDuration(minutes)} with ${details.withName} about "${details.askTitle}".`,
      `How: ${mediumLabels[details.medium]}`,
      joinDetails && options.method === 'REQUEST' ? `How to join: ${joinDetails}` : null,
      options.method === 'CANCEL' ? 'This session has been cancelled.' : null,
      `Details on HalfHour: ${options.url}`,
    ],
    startsAt: details.startsAt,
    endsAt: details.endsAt,
    url: options.url,
    location: details.medium === 'IN_PERSON' ? joinDetails : undefined,
    sender: options.sender,
    attendees: details.attendees ?? [],
  });
}
