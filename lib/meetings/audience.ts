// Who hears about a booked session, and how each of them should read it. The volunteer reads times in
// the zone of their volunteer profile and sees the organisation's name; the charity side (the ask's
// contacts from lib/email/recipients.ts, plus the colleague who booked it) reads times in their own
// account's zone and sees the volunteer's name. Every email about a meeting is built from this.
import { appUrl } from '@/lib/env';
import { askContacts } from '@/lib/email/recipients';
import { queueEmail } from '@/lib/email/outbox';
import type { EmailMessage, MeetingAttendee, MeetingDetails } from '@/lib/email/messages';
import type { MeetingParty, Medium, Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Db = Prisma.TransactionClient | PrismaClient;

export interface MeetingPerson {
  id: string;
  email: string;
  name: string | null;
  timeZone: string;
  party: MeetingParty;
  /** The other side as this person should read it. */
  withName: string;
}

export interface AudienceMeeting {
  id: string;
  askId: string;
  startsAt: Date;
  endsAt: Date;
  medium: Medium;
  joinDetails: string | null;
  sequence: number;
  ask: { title: string };
  organisation: { name: string };
  /**
   * Everyone on the session, for its calendar invite: the volunteer (even once suspended: they are still
   * the one the event was booked with) and the charity people who hear about it.
   */
  attendees: MeetingAttendee[];
}

/** The page of a meeting, as a full address for emails. */
export function meetingUrl(meetingId: string): string {
  return `${appUrl()}/meetings/${meetingId}`;
}

/** The volunteer's display name, or a kind stand-in. */
export function volunteerDisplayName(name: string | null | undefined): string {
  return name?.trim() || 'your volunteer';
}

/** A meeting and everyone on both sides who should hear about it (suspended people are left out). */
export async function meetingAudience(db: Db, meetingId: string): Promise<{ meeting: AudienceMeeting; people: MeetingPerson[] }> {
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      askId: true,
      startsAt: true,
      endsAt: true,
      medium: true,
      joinDetails: true,
      sequence: true,
      organisationId: true,
      ask: { select: { title: true } },
      organisation: { select: { name: true } },
      volunteer: {
        select: { id: true, email: true, name: true, timeZone: true, status: true, volunteerProfile: { select: { timeZone: true } } },
      },
      bookedBy: {
        select: { id: true, email: true, name: true, timeZone: true, status: true, memberships: { select: { organisationId: true } } },
      },
    },
  });
  const volunteerName = volunteerDisplayName(meeting.volunteer.name);
  const people: MeetingPerson[] = [];
  if (meeting.volunteer.status === 'ACTIVE') {
    const { volunteer } = meeting;
    people.push({
      id: volunteer.id,
      email: volunteer.email,
      name: volunteer.name,
      timeZone: volunteer.volunteerProfile?.timeZone ?? volunteer.timeZone,
      party: 'VOLUNTEER',
      withName: meeting.organisation.name,
    });
  }
  const contacts = (await askContacts(db, [meeting.askId])).get(meeting.askId) ?? [];
  for (const contact of contacts) {
    people.push({
      id: contact.id,
      email: contact.email,
      name: contact.name,
      timeZone: contact.timeZone,
      party: 'CHARITY',
      withName: volunteerName,
    });
  }
  const booker = meeting.bookedBy;
  if (
    booker &&
    booker.status === 'ACTIVE' &&
    booker.memberships.some((membership) => membership.organisationId === meeting.organisationId) &&
    !people.some((person) => person.id === booker.id)
  ) {
    people.push({
      id: booker.id,
      email: booker.email,
      name: booker.name,
      timeZone: booker.timeZone,
      party: 'CHARITY',
      withName: volunteerName,
    });
  }
  const attendees: MeetingAttendee[] = [
    { name: meeting.volunteer.name, email: meeting.volunteer.email },
    ...people.filter((person) => person.party === 'CHARITY').map((person) => ({ name: person.name, email: person.email })),
  ];
  const { volunteer: _volunteer, bookedBy: _bookedBy, organisationId: _organisationId, ...rest } = meeting;
  return { meeting: { ...rest, attendees }, people };
}

/** The values every meeting email shows, for one reader. */
export function meetingDetails(meeting: AudienceMeeting, person: MeetingPerson): MeetingDetails {
  return {
    meetingId: meeting.id,
    askTitle: meeting.ask.title,
    withName: person.withName,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: person.timeZone,
    medium: meeting.medium,
    joinDetails: meeting.joinDetails,
    attendees: meeting.attendees,
  };
}

/**
 * Queues one email to each person on both sides of the meeting (in `tx`, so it exists exactly when the
 * change commits). `build` returns the message for a person, or null to leave them out (the person who
 * made the change, say). `dedupe` names the change, so the same change never emails anyone twice.
 */
export async function queueMeetingEmails(
  tx: Prisma.TransactionClient,
  meetingId: string,
  dedupe: string,
  build: (person: MeetingPerson, meeting: AudienceMeeting) => EmailMessage | null,
): Promise<string[]> {
  const { meeting, people } = await meetingAudience(tx, meetingId);
  const queued: string[] = [];
  for (const person of people) {
    const message = build(person, meeting);
    if (!message) continue;
    const id = await queueEmail(tx, { to: person.email, userId: person.id, message, dedupeKey: `${dedupe}:${person.id}` });
    if (id) queued.push(id);
  }
  return queued;
}
