// What every clinic email is built from: the clinic as a recipient reads it (ClinicDetails, in their zone) and
// who hears about a seat. A seat's emails go to the staff member who booked it; when their account has gone,
// been suspended, or they left the organisation, to the organisation's active owners, so none goes unread.
import { contactDedupeKey, type AskContact } from '@/lib/email/recipients';
import type { ClinicDetails, EmailMessage, MeetingAttendee } from '@/lib/email/messages';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PgBoss } from 'pg-boss';

type Tx = Prisma.TransactionClient;

/**
 * Where a write runs: in the app the process's job queue and address are used; a sweep passes its own
 * (lib/jobs/task-context.ts), as the other sweeps do.
 */
export interface EmailSetting {
  boss?: PgBoss;
  appUrl?: string;
}

/** The clinic's page, where every clinic email leads. */
export function clinicUrl(clinicId: string, base: string = appUrl()): string {
  return `${base}/clinics/${clinicId}`;
}

/** The columns a clinic email needs, for `select`. */
export const clinicEmailSelect = {
  id: true,
  topic: true,
  startsAt: true,
  endsAt: true,
  medium: true,
  joinDetails: true,
  sequence: true,
  volunteer: { select: { id: true, name: true, email: true, timeZone: true, status: true } },
} as const;

export type ClinicForEmail = Prisma.ClinicGetPayload<{ select: typeof clinicEmailSelect }>;

/** The volunteer's name as charities read it. */
export function volunteerDisplayName(name: string | null | undefined): string {
  return name?.trim() || 'Your volunteer';
}

/**
 * The clinic as `recipient` reads it, in their zone. `join` adds the video link or place (for booked charities
 * and the volunteer only); `attendees` are the invite's ATTENDEEs for this copy (never the other charities).
 */
export function clinicDetails(
  clinic: ClinicForEmail,
  recipient: { timeZone: string },
  { seatId, join = false, attendees, base }: { seatId?: string; join?: boolean; attendees?: MeetingAttendee[]; base?: string } = {},
): ClinicDetails {
  return {
    clinicId: clinic.id,
    ...(seatId ? { seatId } : {}),
    topic: clinic.topic,
    volunteerName: volunteerDisplayName(clinic.volunteer.name),
    startsAt: clinic.startsAt.toISOString(),
    endsAt: clinic.endsAt.toISOString(),
    timeZone: recipient.timeZone,
    medium: clinic.medium,
    joinDetails: join ? clinic.joinDetails : null,
    sequence: clinic.sequence,
    url: clinicUrl(clinic.id, base),
    ...(attendees ? { attendees } : {}),
  };
}

/**
 * Who hears about a seat: its booker while they are an active member of the seat's organisation; otherwise
 * every active owner of it. The same shape and dedupe rule as an ask's contacts (lib/email/recipients.ts).
 */
export async function seatContacts(tx: Tx, seat: { organisationId: string; bookedById: string | null }): Promise<AskContact[]> {
  const members = await tx.membership.findMany({
    where: {
      organisationId: seat.organisationId,
      user: { status: 'ACTIVE' },
      OR: [{ role: 'OWNER' }, ...(seat.bookedById ? [{ userId: seat.bookedById }] : [])],
    },
    select: { role: true, user: { select: { id: true, email: true, name: true, timeZone: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const booker = members.find((member) => member.user.id === seat.bookedById);
  if (booker) return [{ ...booker.user, isCreator: true }];
  return members.filter((member) => member.role === 'OWNER').map((member) => ({ ...member.user, isCreator: false }));
}

/** The seat with what its emails say: the clinic, the organisation, the question. */
export const seatEmailSelect = {
  id: true,
  organisationId: true,
  bookedById: true,
  question: true,
  offerExpiresAt: true,
  organisation: { select: { name: true } },
  clinic: { select: clinicEmailSelect },
} as const;

export type SeatForEmail = Prisma.ClinicSeatGetPayload<{ select: typeof seatEmailSelect }>;

/**
 * Queues one email about a seat to each of its contacts (usually one: the booker), in `tx`, keyed
 * `<key>` (`<key>:<userId>` for an owner standing in), so a retried transaction or a second sweep sends it once.
 */
export async function queueSeatEmail(
  tx: Tx,
  seatId: string,
  key: string,
  build: (seat: SeatForEmail, contact: AskContact) => EmailMessage,
  { boss }: EmailSetting = {},
): Promise<void> {
  const seat = await tx.clinicSeat.findUniqueOrThrow({ where: { id: seatId }, select: seatEmailSelect });
  for (const contact of await seatContacts(tx, seat)) {
    const request = { to: contact.email, userId: contact.id, dedupeKey: contactDedupeKey(key, contact), message: build(seat, contact) };
    await (boss ? queueEmail(tx, request, boss) : queueEmail(tx, request));
  }
}
