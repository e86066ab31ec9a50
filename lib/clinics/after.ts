// After a clinic has started: the volunteer marks who came, each charity gives its feedback and thank-you, and a
// charity that came books a one-to-one catch-up with the same volunteer through the meetings' booking path
// (lib/meetings/booking.ts), linked from its seat. Each checks the actor against the seat's own row (the
// volunteer's clinic, or a seat of the actor's organisation), so a guessed id finds nothing (a 404), and writes
// with a conditional update, so a second submission or a race changes nothing twice.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { blocksBetween, isBlocked } from '@/lib/blocks/policy';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { CORRECT_THE_PROBLEMS, formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { bookMeeting, isMeetingClash } from '@/lib/meetings/booking';
import { MAX_BOOKING_AHEAD_DAYS } from '@/lib/meetings/transitions';
import { isPaused } from '@/lib/offers/capacity';
import { isTimeZone } from '@/lib/time-zones';
import { staffSeatWhere } from './policy';
import { attendanceSchema, clinicFeedbackSchema, clinicFollowUpSchema } from './session-schema';
import { typedStart } from './session-times';

type Input = FormData | Record<string, unknown>;

/** A one-to-one catch-up from a clinic is a HalfHour: half an hour. */
export const FOLLOW_UP_MINUTES = 30;

const NOT_STARTED = 'This clinic has not started yet. Come back after it has.';

const seatSelect = {
  id: true,
  status: true,
  organisationId: true,
  attendance: true,
  feedbackAt: true,
  followUpMeetingId: true,
  question: true,
  organisation: { select: { name: true } },
  followUpMeeting: { select: { status: true } },
  clinic: {
    select: { id: true, status: true, topic: true, startsAt: true, medium: true, joinDetails: true, volunteerId: true },
  },
} as const;

/** The seat, if it is at the actor's own clinic; AccessDenied (a 404) otherwise. */
async function volunteersSeat(actor: Actor, seatId: string) {
  assertActive(actor);
  const seat = await db.clinicSeat.findFirst({ where: { id: seatId, clinic: { volunteerId: actor.id } }, select: seatSelect });
  if (!seat) throw new AccessDenied();
  return seat;
}

/** The seat, if it belongs to one of the actor's organisations; AccessDenied (a 404) otherwise. */
async function staffSeat(actor: Actor, seatId: string) {
  assertActive(actor);
  const seat = await db.clinicSeat.findFirst({ where: staffSeatWhere(actor, seatId), select: seatSelect });
  if (!seat) throw new AccessDenied();
  return seat;
}

/** Why nothing can be recorded on this seat yet (or any more); null when it can. */
function sessionRefusal(seat: Awaited<ReturnType<typeof staffSeat>>, now: Date): string | null {
  if (seat.clinic.status !== 'PUBLISHED') return 'This clinic did not take place.';
  if (seat.clinic.startsAt > now) return NOT_STARTED;
  if (seat.status !== 'BOOKED') return 'This organisation did not have a seat at the clinic.';
  return null;
}

/** The volunteer records, once the clinic has started, whether a booked charity came; they may correct it. */
export async function markAttendance(
  actor: Actor,
  seatId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ clinicId: string }>> {
  const seat = await volunteersSeat(actor, seatId);
  const values = formValues(input);
  const refusal = sessionRefusal(seat, now);
  if (refusal) return invalid(values, {}, refusal);
  const parsed = parseForm(attendanceSchema, values);
  if (!parsed.ok) return parsed.result;
  const { attendance } = parsed.data;

  return db.$transaction(async (tx) => {
    const { count } = await tx.clinicSeat.updateMany({
      where: { id: seat.id, status: 'BOOKED', clinic: { volunteerId: actor.id, status: 'PUBLISHED', startsAt: { lte: now } } },
      data: { attendance, attendanceAt: now },
    });
    if (count === 0) return invalid(values, {}, 'This seat changed while you were looking. Here is how it stands now.');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.seat.attendance',
      target: { type: 'ClinicSeat', id: seat.id },
      before: { attendance: seat.attendance },
      after: { attendance },
    });
    return {
      ok: true as const,
      data: { clinicId: seat.clinic.id },
      message:
        attendance === 'ATTENDED' ? `${seat.organisation.name} is marked as came.` : `${seat.organisation.name} is marked as did not come.`,
    };
  });
}

/**
 * A charity's staff give feedback on their seat once the clinic has started: a rating, what they will do
 * differently, and a thank-you the volunteer is emailed. Once per seat.
 */
export async function giveClinicFeedback(
  actor: Actor,
  seatId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ clinicId: string }>> {
  const seat = await staffSeat(actor, seatId);
  const values = formValues(input);
  const refusal = sessionRefusal(seat, now);
  if (refusal) return invalid(values, {}, refusal);
  if (seat.feedbackAt) return invalid(values, {}, 'Your organisation has already given feedback on this clinic. Thank you.');
  const parsed = parseForm(clinicFeedbackSchema, values);
  if (!parsed.ok) return parsed.result;
  const { rating, changes, thanks } = parsed.data;

  return db.$transaction(async (tx) => {
    const { count } = await tx.clinicSeat.updateMany({
      where: { ...staffSeatWhere(actor, seat.id), status: 'BOOKED', feedbackAt: null },
      data: { rating, changes, thanks, feedbackAt: now },
    });
    if (count === 0) return invalid(values, {}, 'Your organisation has already given feedback on this clinic. Thank you.');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.seat.feedback',
      target: { type: 'ClinicSeat', id: seat.id },
      data: { rating, thanks: thanks !== null },
    });
    if (thanks) {
      const volunteer = await tx.user.findUniqueOrThrow({
        where: { id: seat.clinic.volunteerId },
        select: { id: true, email: true, status: true },
      });
      if (volunteer.status === 'ACTIVE') {
        await queueEmail(tx, {
          to: volunteer.email,
          userId: volunteer.id,
          dedupeKey: `clinic-thank-you:${seat.id}`,
          message: {
            kind: 'thank-you-received',
            data: { askTitle: seat.clinic.topic, organisationName: seat.organisation.name, thanks, url: `${appUrl()}/volunteer/impact` },
          },
        });
      }
    }
    return {
      ok: true as const,
      data: { clinicId: seat.clinic.id },
      message: thanks ? 'Thank you for your feedback. We have passed your thank-you on.' : 'Thank you for your feedback.',
    };
  });
}

/** The asks a follow-up can be about: the organisation's own, neither withdrawn nor rejected. */
export async function followUpAsks(actor: Actor, seatId: string) {
  const seat = await staffSeat(actor, seatId);
  return db.ask.findMany({
    where: { organisationId: seat.organisationId, status: { notIn: ['WITHDRAWN', 'REJECTED'] } },
    select: { id: true, title: true },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
}

const FOLLOW_UP_TAKEN = 'A follow-up is already booked from this seat: you will find it under your sessions.';
const FOLLOW_UP_CLASH = 'The volunteer already has a session at that time. Please choose another time.';

/**
 * Staff of a charity that came (marked ATTENDED) book a half-hour one-to-one with the clinic's volunteer, about
 * one of their organisation's asks, at a date and time in their own zone, the clinic's way (video link or
 * place). The meeting is booked by bookMeeting, which emails both sides with the invite; one per seat
 * (ClinicSeat.followUpMeetingId is unique), and a cancelled one can be replaced.
 */
export async function bookClinicFollowUp(
  actor: Actor,
  seatId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ meetingId: string }>> {
  const seat = await staffSeat(actor, seatId);
  const values = formValues(input);
  const refusal = sessionRefusal(seat, now);
  if (refusal) return invalid(values, {}, refusal);
  if (seat.attendance !== 'ATTENDED') {
    return invalid(values, {}, 'A follow-up can be booked once the volunteer has marked your organisation as having come.');
  }
  if (seat.followUpMeetingId && seat.followUpMeeting?.status !== 'CANCELLED') return invalid(values, {}, FOLLOW_UP_TAKEN);
  const parsed = parseForm(clinicFollowUpSchema, values);
  if (!parsed.ok) return parsed.result;
  const ask = await db.ask.findFirst({
    where: { id: parsed.data.askId, organisationId: seat.organisationId, status: { notIn: ['WITHDRAWN', 'REJECTED'] } },
    select: { id: true },
  });
  if (!ask) return invalid(values, { askId: ['Choose one of your organisation’s asks.'] }, CORRECT_THE_PROBLEMS);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { timeZone: true } });
  const zone = isTimeZone(user.timeZone) ? user.timeZone : 'Europe/London';
  const start = typedStart(values, parsed.data, { zone, now, maxDays: MAX_BOOKING_AHEAD_DAYS });
  if (!start.ok) return start.result;
  const { startsAt } = start;

  try {
    return await db.$transaction(async (tx) => {
      const volunteer = await tx.user.findUniqueOrThrow({
        where: { id: seat.clinic.volunteerId },
        select: { status: true, volunteerProfile: { select: { pausedAt: true, pausedUntil: true } } },
      });
      const profile = volunteer.volunteerProfile;
      if (volunteer.status !== 'ACTIVE' || !profile || isPaused(profile, now)) {
        return invalid(values, {}, 'The volunteer is not taking new sessions at the moment.');
      }
      if (isBlocked(await blocksBetween(tx, seat.organisationId, seat.clinic.volunteerId))) {
        return invalid(values, {}, 'A follow-up cannot be booked with this volunteer.');
      }
      const meeting = await bookMeeting(tx, {
        askId: ask.id,
        organisationId: seat.organisationId,
        volunteerId: seat.clinic.volunteerId,
        offerId: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + FOLLOW_UP_MINUTES * 60_000),
        medium: seat.clinic.medium,
        joinDetails: seat.clinic.joinDetails,
        bookedById: actor.id,
      });
      // Conditional on the link as read: two colleagues booking at once, one wins and the other is told.
      const { count } = await tx.clinicSeat.updateMany({
        where: { ...staffSeatWhere(actor, seat.id), attendance: 'ATTENDED', followUpMeetingId: seat.followUpMeetingId },
        data: { followUpMeetingId: meeting.id },
      });
      if (count === 0) throw new FollowUpTaken();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'clinic.seat.follow-up',
        target: { type: 'ClinicSeat', id: seat.id },
        data: { meetingId: meeting.id, askId: ask.id },
      });
      return {
        ok: true as const,
        data: { meetingId: meeting.id },
        message: 'Your follow-up is booked. You and the volunteer have the invite.',
      };
    });
  } catch (error) {
    if (error instanceof FollowUpTaken || isUniqueViolation(error, 'ClinicSeat_followUpMeetingId_key'))
      return invalid(values, {}, FOLLOW_UP_TAKEN);
    if (isMeetingClash(error)) return invalid(values, {}, FOLLOW_UP_CLASH);
    throw error;
  }
}

/** Thrown to roll the booked meeting back when another follow-up got the seat first. */
class FollowUpTaken extends Error {}
