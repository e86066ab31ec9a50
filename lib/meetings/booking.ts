// Booking a session: the one place a Meeting is created, whether from an accepted offer
// (lib/offers/mutations.ts) or from "book again" (lib/meetings/mutations.ts). It writes the meeting and
// queues the booking email, with its calendar invite, to both sides, all in the caller's transaction.
//
// Two bookings that would put one volunteer in two places at once are settled by the database: the
// exclusion constraint Meeting_no_overlap_per_volunteer fails the second insert, which aborts the
// caller's transaction. Callers catch it outside the transaction with isMeetingClash and tell the person.
// Each booking first takes the volunteer's calendar lock (lockVolunteerCalendar), so the second one meets
// the first's committed meeting rather than a deadlock. A group clinic the volunteer runs holds their time too:
// bookings, moves and clinics check each other under the same lock (calendarClash).
import { recordAudit } from '@/lib/audit/record';
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
  await lockVolunteerCalendar(tx, input.volunteerId);
  // Another session is refused by the exclusion constraint at the insert; a group clinic only by this check.
  if (await calendarClash(tx, input.volunteerId, input, { meetings: false })) throw new CalendarClash();
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
  await recordAudit(tx, {
    actorId: input.bookedById,
    action: 'meeting.book',
    target: { type: 'Meeting', id: meeting.id },
    data: { offerId: input.offerId },
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

/** The advisory lock space of volunteers' calendars: an arbitrary number that nothing else uses. */
const CALENDAR_LOCKS = 11_011;

/**
 * Holds this volunteer's calendar until the transaction ends. Every write that puts one of their meetings at
 * a time (booking here, accepting a move in moves.ts) takes it before that write, so two such writes for one
 * volunteer queue up, and the second meets the first's committed meeting: the exclusion constraint refuses
 * it, and isMeetingClash explains. Without it, two overlapping inserts checked at the same instant each find
 * the other's uncommitted row and wait for it, and PostgreSQL aborts one as a deadlock instead (it says so
 * in execIndexing.c). An advisory lock rather than a row lock: only these writes take it, so it cannot join
 * a cycle with other transactions' locks (a profile row lock would: pausing holds the profile, then the offers;
 * accepting holds an offer, then would wait for the profile).
 */
export async function lockVolunteerCalendar(tx: Prisma.TransactionClient, volunteerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCKS}::int, hashtext(${volunteerId}))`;
}

/** Clinic statuses that hold the volunteer's time: one waiting for review may yet be published. */
const CLINICS_HOLDING_TIME = ['PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED'] as const;

/**
 * Whether the volunteer already has something at an overlapping time: a booked session, or a group clinic they
 * run (in review or published). Read under lockVolunteerCalendar, which every write that puts one of their
 * sessions or clinics at a time takes first, so two such writes at once cannot both find the time free.
 * `except` leaves out the session or clinic being moved; `meetings: false` leaves sessions to the exclusion
 * constraint (a booking).
 */
export async function calendarClash(
  tx: Prisma.TransactionClient,
  volunteerId: string,
  time: { startsAt: Date; endsAt: Date },
  options: { meetings?: boolean; exceptMeetingId?: string; exceptClinicId?: string } = {},
): Promise<'session' | 'clinic' | null> {
  const overlapping = { startsAt: { lt: time.endsAt }, endsAt: { gt: time.startsAt } };
  const clinic = await tx.clinic.findFirst({
    where: {
      volunteerId,
      status: { in: [...CLINICS_HOLDING_TIME] },
      ...overlapping,
      ...(options.exceptClinicId ? { id: { not: options.exceptClinicId } } : {}),
    },
    select: { id: true },
  });
  if (clinic) return 'clinic';
  if (options.meetings === false) return null;
  const meeting = await tx.meeting.findFirst({
    where: {
      volunteerId,
      status: 'SCHEDULED',
      ...overlapping,
      ...(options.exceptMeetingId ? { id: { not: options.exceptMeetingId } } : {}),
    },
    select: { id: true },
  });
  return meeting ? 'session' : null;
}

/** Thrown inside a booking's transaction when the volunteer runs a group clinic at an overlapping time. */
export class CalendarClash extends Error {
  constructor() {
    super('The volunteer runs a group clinic at an overlapping time.');
  }
}

/** True when a booking failed because the volunteer already has a session or a clinic at an overlapping time. */
export function isMeetingClash(error: unknown): boolean {
  return error instanceof CalendarClash || isExclusionViolation(error, 'Meeting_no_overlap_per_volunteer');
}
