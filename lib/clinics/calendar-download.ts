// The .ics a clinic's page offers to download (GET /api/clinics/<id>/calendar): the same invite the emails
// carry (lib/clinics/calendar.ts), at the clinic's current SEQUENCE, so downloading it again updates the event
// a calendar already holds. The volunteer's copy lists every booked charity; a charity's lists the volunteer
// and itself. Once the clinic is cancelled, or the charity gave its seat up, it downloads as METHOD:CANCEL,
// which takes the event out of their calendar. Nobody else has an event to download: AccessDenied (a 404).
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { InviteMethod } from '@/lib/email/calendar';
import type { MeetingAttendee } from '@/lib/email/messages';
import { env } from '@/lib/env';
import { CLINIC_CALENDAR_FILENAME, clinicAttendees, clinicInvite } from './calendar';
import { clinicDetails, clinicEmailSelect, seatContacts, volunteerDisplayName } from './emails';

export interface ClinicCalendarFile {
  filename: string;
  content: string;
  method: InviteMethod;
}

const seatSelect = { id: true, status: true, organisationId: true, bookedById: true } as const;

/** The actor's own copy of the clinic's invite; AccessDenied for anyone who holds no event for it. */
export async function clinicCalendarFor(actor: Actor, clinicId: string): Promise<ClinicCalendarFile> {
  assertActive(actor);
  const clinic = await db.clinic.findUnique({
    where: { id: clinicId },
    select: { ...clinicEmailSelect, status: true, updatedAt: true, volunteerId: true },
  });
  if (!clinic || (clinic.status !== 'PUBLISHED' && clinic.status !== 'CANCELLED')) throw new AccessDenied();
  const volunteer: MeetingAttendee = { name: volunteerDisplayName(clinic.volunteer.name), email: clinic.volunteer.email };

  let method: InviteMethod = clinic.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
  let attendees: MeetingAttendee[];
  let seatId: string | undefined;
  let zone = clinic.volunteer.timeZone;
  if (clinic.volunteerId === actor.id) {
    const booked = await db.clinicSeat.findMany({
      where: { clinicId, status: 'BOOKED' },
      select: seatSelect,
      orderBy: { createdAt: 'asc' },
    });
    const people = [];
    for (const seat of booked) people.push(...(await seatContacts(db, seat)).map(({ name, email }) => ({ name, email })));
    attendees = clinicAttendees(volunteer, people);
  } else {
    // The organisation's latest seat: booked, or given up (its calendar may still hold the event to take out; a
    // CANCEL for an event a calendar never had changes nothing).
    const seat = await db.clinicSeat.findFirst({
      where: { clinicId, organisation: { memberships: { some: { userId: actor.id } } }, status: { in: ['BOOKED', 'CANCELLED'] } },
      select: seatSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    if (!seat) throw new AccessDenied();
    if (seat.status === 'CANCELLED') method = 'CANCEL';
    seatId = seat.id;
    const contacts = await seatContacts(db, seat);
    attendees = clinicAttendees(
      volunteer,
      contacts.map(({ name, email }) => ({ name, email })),
    );
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { timeZone: true } });
    zone = user.timeZone;
  }
  const details = clinicDetails(clinic, { timeZone: zone }, { seatId, join: method === 'REQUEST', attendees });
  // DTSTAMP is the clinic's last change, so the same version downloads byte for byte the same.
  const content = clinicInvite(details, { method, sender: env.MAIL_FROM, stamp: clinic.updatedAt });
  return { filename: CLINIC_CALENDAR_FILENAME, content, method };
}
