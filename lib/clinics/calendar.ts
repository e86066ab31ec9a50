// A group clinic's calendar invite (.ics, RFC 5545/5546): one per attendee, all with the clinic's one UID and
// its current SEQUENCE (Clinic.sequence, raised on every move and cancellation), so each calendar updates or
// removes the event it already holds. HalfHour organises, as for sessions (docs/decisions/0017); each copy
// lists the volunteer and the reader's own charity only, because a charity must never learn from its calendar
// who else booked. Pure: the emails (lib/email/render.ts) and the download (calendar-download.ts) both use it.
import { type InviteMethod, inviteText } from '@/lib/email/calendar';
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
  return inviteText({
    productId: '-//HalfHour//Clinics//EN',
    method: options.method,
    uid: clinicUid(details.clinicId),
    sequence: details.sequence,
    stamp: options.stamp,
    title: `HalfHour: ${details.topic}`,
    description: [
      `A ${formatDuration(minutes)} group clinic with ${details.volunteerName}: "${details.topic}".`,
      `How: ${mediumLabels[details.medium]}`,
      joinDetails && !cancelled ? `How to join: ${joinDetails}` : null,
      cancelled ? 'This clinic has been cancelled.' : null,
      `Details on HalfHour: ${details.url}`,
    ],
    startsAt: details.startsAt,
    endsAt: details.endsAt,
    url: details.url,
    location: details.medium === 'IN_PERSON' && !cancelled ? joinDetails : undefined,
    sender: options.sender,
    attendees: details.attendees ?? [],
  });
}
