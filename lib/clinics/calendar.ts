// A group clinic's calendar invite (.ics, RFC 5545/5546): one per attendee, all with the clinic's one UID and
// its current SEQUENCE (Clinic.sequence, raised on every move and cancellation), so each calendar updates or
// removes the event it already holds. HalfHour organises, as for sessions (docs/decisions/0017); each copy
// lists the volunteer and the reader's own charity only, because a charity must never learn from its calendar
// who else booked. Pure: the emails (lib/email/render.ts) and the download (calendar-download.ts) both use it.
import { createEvent, type EventAttributes } from 'ics';
import { calendarText, type InviteMethod } from '@/lib/email/calendar';
import { calendarPeople } from '@/lib/email/calendar-people';
import type { ClinicDetails, MeetingAttendee } from '@/lib/email/messages';
import { formatDuration } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';

export const CLINIC_CALENDAR_FILENAME = 'halfhour-clinic.ics';

/** The same for every attendee and every version of a clinic's invite: how calendars match an update. */
export function clinicUid(clinicId: string): string {
  return `clinic-${clinicId}@halfhour`;
}

export interface ClinicInviteOptions {
  /** REQUEST books or moves the event; CANCEL removes it. */
  method: InviteMethod;
  /** The From header the invite goes out with (MAIL_FROM): its ORGANIZER. */
  sender: string;
  /** DTSTAMP, when this version was made; defaults to now. */
  stamp?: Date;
}

/**
 * Who one copy lists: the volunteer, and the people of the reader's own seat. The volunteer's own copy
 * lists every booked charity's booker, whom the volunteer sees on the clinic page anyway.
 */
export function clinicAttendees(volunteer: MeetingAttendee | null, seatPeople: MeetingAttendee[]): MeetingAttendee[] {
  const seen = new Set<string>();
  return [...(volunteer ? [volunteer] : []), ...seatPeople].filter((person) => {
    const key = person.email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The .ics of one attendee's copy of a clinic. */
export function clinicInvite(details: ClinicDetails, options: ClinicInviteOptions): string {
  const minutes = Math.round((Date.parse(details.endsAt) - Date.parse(details.startsAt)) / 60_000);
  const joinDetails = details.joinDetails?.trim();
  const cancelled = options.method === 'CANCEL';
  const description = [
    `A ${formatDuration(minutes)} group clinic with ${details.volunteerName}: "${details.topic}".`,
    `How: ${mediumLabels[details.medium]}`,
    joinDetails && !cancelled ? `How to join: ${joinDetails}` : null,
    cancelled ? 'This clinic has been cancelled.' : null,
    `Details on HalfHour: ${details.url}`,
  ]
    .filter(Boolean)
    .join('\n');

  const event: EventAttributes & { timestamp: number } = {
    productId: '-//HalfHour//Clinics//EN',
    method: options.method,
    uid: clinicUid(details.clinicId),
    sequence: details.sequence,
    // Read by the package though not in its types: DTSTAMP. Without it the package stamps Date.now() itself.
    timestamp: (options.stamp ?? new Date()).getTime(),
    title: calendarText(`HalfHour: ${details.topic}`),
    description: calendarText(description),
    start: Date.parse(details.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(details.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: details.url,
    location: details.medium === 'IN_PERSON' && joinDetails && !cancelled ? calendarText(joinDetails) : undefined,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: cancelled ? 'FREE' : 'BUSY',
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('The clinic invite could not be built.');
  // The package ends with these two lines; the organizer and attendees go just before them.
  const end = 'END:VEVENT\r\nEND:VCALENDAR\r\n';
  if (!value.endsWith(end)) throw new Error('The clinic invite did not end as expected.');
  return value.slice(0, -end.length) + calendarPeople(options.sender, details.attendees ?? []) + end;
}
