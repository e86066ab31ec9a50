// Who hears about a clinic's session, and how each reads it: the volunteer (while active) and each seat's
// contacts (lib/clinics/emails.ts seatContacts: the booker, or the owners standing in). Each copy carries its
// own invite people: the volunteer's lists every booked charity's contact, a charity's lists the volunteer and
// itself only. Used in a writing transaction (moves and cancellations) and by the sweeps (reminders, feedback).
// No 'server-only': the job worker runs the sweeps outside Next.
import type { ClinicAudience, ClinicDetails, MeetingAttendee } from '@/lib/email/messages';
import type { ClinicSeatStatus, Prisma } from '@/lib/generated/prisma/client';
import { clinicAttendees } from './calendar';
import { clinicDetails, seatContacts, volunteerDisplayName, type ClinicForEmail } from './emails';

type Client = Prisma.TransactionClient;

export interface SessionSeat {
  id: string;
  status: ClinicSeatStatus;
  organisationId: string;
  bookedById: string | null;
}

export const sessionSeatSelect = { id: true, status: true, organisationId: true, bookedById: true } as const;

export interface SessionRecipient {
  to: string;
  userId: string;
  audience: ClinicAudience;
  /** The seat this copy is about; absent for the volunteer's. */
  seatId?: string;
  /** The clinic as this person reads it, with their invite's people. */
  details: ClinicDetails;
}

const AUDIENCE: Partial<Record<ClinicSeatStatus, ClinicAudience>> = { BOOKED: 'booked', OFFERED: 'offered', WAITING: 'waiting' };

/**
 * Everyone to tell about `clinic`, one entry per person and seat. Seats that are not live (given up, lapsed) are
 * left out; how to join goes to the volunteer and booked charities only.
 */
export async function sessionRecipients(
  client: Client,
  clinic: ClinicForEmail,
  seats: SessionSeat[],
  { base }: { base?: string } = {},
): Promise<SessionRecipient[]> {
  const volunteer = clinic.volunteer;
  const volunteerAttendee: MeetingAttendee = { name: volunteerDisplayName(volunteer.name), email: volunteer.email };
  const charities: SessionRecipient[] = [];
  const bookedPeople: MeetingAttendee[] = [];
  for (const seat of seats) {
    const audience = AUDIENCE[seat.status];
    if (!audience) continue;
    for (const contact of await seatContacts(client, seat)) {
      const person = { name: contact.name, email: contact.email };
      if (audience === 'booked') bookedPeople.push(person);
      charities.push({
        to: contact.email,
        userId: contact.id,
        audience,
        seatId: seat.id,
        details: clinicDetails(clinic, contact, {
          seatId: seat.id,
          join: audience === 'booked',
          attendees: audience === 'booked' ? clinicAttendees(volunteerAttendee, [person]) : undefined,
          base,
        }),
      });
    }
  }
  if (volunteer.status !== 'ACTIVE') return charities;
  const own: SessionRecipient = {
    to: volunteer.email,
    userId: volunteer.id,
    audience: 'volunteer',
    details: clinicDetails(clinic, volunteer, { join: true, attendees: clinicAttendees(volunteerAttendee, bookedPeople), base }),
  };
  return [own, ...charities];
}

/** The dedupe key of one person's copy: the volunteer's, or a seat contact's. */
export function recipientKey(key: string, recipient: SessionRecipient): string {
  return recipient.seatId ? `${key}:${recipient.seatId}:${recipient.userId}` : `${key}:volunteer:${recipient.userId}`;
}
