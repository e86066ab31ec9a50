// Booking a session: the one place a Meeting is created, whether from an accepted offer
// (lib/offers/mutations.ts) or from "book again" (lib/meetings/mutations.ts). It writes the meeting and
// queues the booking email, with its calendar invite, to both sides, all in the caller's transaction.
//
// Two bookings that would put one volunteer in two places at once are settled by the database: the
// exclusion constraint Meeting_no_overlap_per_volunteer fails the second insert, which aborts the
// caller's transaction. Callers catch it outside the transaction with isMeetingClash and tell the person.
import { isExclusionViolation } from '@/lib/database/errors';
import type { Medium, Prisma } from '@/lib/generated/prisma/client';
import { meetingDetails, meetingUrl, queueMeetingEmails } from './audience';

export interface BookingInput {
  askId: string;
  organisationId: string;
  volunteerId: string;
  /** The accepted offer; null for a catch-up booked from an earlier meeting. */
  offerId: string | null;
  startsAt: Date;
  endsAt: Date;
  medium: Medium;
  joinDetails: string | null;
  /** The person who booked it (staff accepting an offer, or either side booking a catch-up). */
  bookedById: string;
}

/** Creates the meeting and queues 'offer-accepted' (the booking email, with its invite) to both sides. */
export async function bookMeeting(tx: Prisma.TransactionClient, input: BookingInput): Promise<{ id: string }> {
  const meeting = await tx.meeting.create({
    data: {
      askId: input.askId,
      organisationId: input.organisationId,
      volunteerId: input.volunteerId,
      offerId: input.offerId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      medium: input.medium,
      joinDetails: input.joinDetails,
      bookedById: input.bookedById,
    },
    select: { id: true },
  });
  await tx.auditLog.create({
    data: {
      actorId: input.bookedById,
      action: 'meeting.book',
      entityType: 'Meeting',
      entityId: meeting.id,
      data: { offerId: input.offerId },
    },
  });
  await queueMeetingEmails(tx, meeting.id, `meeting-booked:${meeting.id}`, (person, booked) => ({
    kind: 'offer-accepted',
    data: {
      ...meetingDetails(booked, person),
      organisationName: booked.organisation.name,
      sequence: booked.sequence,
      url: meetingUrl(booked.id),
    },
  }));
  return meeting;
}

/** True when a booking failed because the volunteer already has a session at an overlapping time. */
export function isMeetingClash(error: unknown): boolean {
  return isExclusionViolation(error, 'Meeting_no_overlap_per_volunteer');
}
