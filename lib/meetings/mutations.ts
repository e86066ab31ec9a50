// Everything that happens to a booked meeting: moving it (propose, accept or decline, withdraw),
// cancelling it, marking it held or missed, and booking a further catch-up. Each function takes the acting
// person, checks them with lib/meetings/policy.ts and the rules in lib/meetings/transitions.ts, then writes
// in one transaction of conditional updates (a stale form or a race finds nothing to update), queueing the
// other side's emails in the same transaction.
import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { invalidateAsksById, invalidateAsksOfOffers, invalidatePublic, PUBLIC_TAGS } from '@/lib/cache/invalidate';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult, type FormValues } from '@/lib/forms';
import type { MeetingParty, Prisma } from '@/lib/generated/prisma/client';
import { withdrawPendingOffers } from '@/lib/offers/withdrawals';
import { parseAvailability, summariseAvailability } from '@/lib/asks/availability';
import { timeZoneLabel } from '@/lib/dates';
import { clockInZone, effectiveWindows, fitsWindows, isRealDate, MIN_LEAD_MS } from '@/lib/offers/times';
import { isTimeZone, zonedTimeToUtc } from '@/lib/time-zones';
import { meetingDetails, meetingUrl, queueMeetingEmails, volunteerDisplayName, type MeetingPerson } from './audience';
import { bookMeeting, isMeetingClash } from './booking';
import { assertMeetingParty, meetingStateOf, type PolicyMeeting } from './policy';
import { releaseAsk } from './release';
import {
  isLateCancellation,
  MAX_BOOKING_AHEAD_DAYS,
  meetingStatusesFrom,
  NO_SHOW_LIMIT,
  NO_SHOW_WINDOW_DAYS,
  otherParty,
  whyNot,
  type MeetingActions,
} from './transitions';

type Tx = Prisma.TransactionClient;
type Input = FormData | Record<string, unknown>;

const DAY_MS = 86_400_000;

/** Thrown inside a transaction to roll it back when a conditional update found the row already changed. */
class Changed extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const CHANGED =
  'This session changed while you were looking (it was moved, cancelled or marked by the other side). Here is how it stands now.';
const CLASH = 'That time overlaps another session the volunteer has booked. Please choose a time that is free for both of you.';

// ---------------------------------------------------------------- form schemas

const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date, for example 2026-12-14.');
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time, for example 14:30.');
const note = z
  .string()
  .trim()
  .max(500, 'Keep the note under 500 characters.')
  .optional()
  .transform((value) => value || null);

export const proposeMoveSchema = z.object({ date, time, note });
export const answerMoveSchema = z.object({
  moveId: z.string().min(1, 'Choose the proposal to answer.'),
  answer: z.enum(['accept', 'decline'], { error: 'Choose whether to accept or decline the new time.' }),
});
export const withdrawMoveSchema = z.object({ moveId: z.string().min(1, 'Choose the proposal to withdraw.') });
export const cancelSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why you are cancelling: the other side will see it.')
    .max(500, 'Keep the reason under 500 characters.'),
});
export const bookAgainSchema = z.object({ date, time });

// ---------------------------------------------------------------- helpers

async function recordMeetingEvent(tx: Tx, actorId: string, action: string, meetingId: string, data?: Prisma.InputJsonValue) {
  await tx.auditLog.create({ data: { actorId, action, entityType: 'Meeting', entityId: meetingId, data } });
}

/** The zone a party reads and types times in: the volunteer's profile zone, or the staff member's own. */
async function zoneOf(actor: Actor, party: MeetingParty): Promise<string> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { timeZone: true, volunteerProfile: { select: { timeZone: true } } },
  });
  const zone = party === 'VOLUNTEER' ? (user?.volunteerProfile?.timeZone ?? user?.timeZone) : user?.timeZone;
  return zone && isTimeZone(zone) ? zone : 'Europe/London';
}

/** How the acting person is named to others: "Sam Okafor" for the volunteer, "Jo Owner, Riverside" for staff. */
async function actorLabel(actor: Actor, party: MeetingParty, meeting: PolicyMeeting): Promise<string> {
  const [user, organisation] = await Promise.all([
    db.user.findUnique({ where: { id: actor.id }, select: { name: true } }),
    db.organisation.findUnique({ where: { id: meeting.organisationId }, select: { name: true } }),
  ]);
  const name = user?.name?.trim();
  if (party === 'VOLUNTEER') return volunteerDisplayName(name);
  return name ? `${name}, ${organisation?.name ?? 'the charity'}` : (organisation?.name ?? 'The charity');
}

/**
 * The start a date and time in `zone` names, checked by the rules an offered time keeps
 * (lib/offers/times.ts): at least two hours ahead, not too far ahead, and wholly inside the charity's
 * windows for the ask (read in the ask's zone), so a move or a catch-up cannot land at 3 a.m.
 */
async function startFrom(
  values: FormValues,
  data: { date: string; time: string },
  zone: string,
  meeting: PolicyMeeting,
  now: Date,
): Promise<{ ok: true; startsAt: Date } | { ok: false; result: FormResult<never> }> {
  const refuse = (field: 'date' | 'time', message: string) => ({
    ok: false as const,
    result: invalid(values, { [field]: [message] }, 'Please correct the problems below.'),
  });
  if (!isRealDate(data.date)) return refuse('date', 'Enter a real date, like 2026-12-14.');
  const startsAt = zonedTimeToUtc(data.date, data.time, zone);
  // A time the clocks skip (01:30 on the morning they go forward) would silently become another time.
  const readBack = clockInZone(startsAt, zone);
  if (readBack.date !== data.date || readBack.time !== data.time) {
    return refuse(
      'time',
      `The clocks go forward then in ${timeZoneLabel(zone)}, so ${data.time} does not happen on that day. Choose another time.`,
    );
  }
  if (startsAt.getTime() <= now.getTime()) return refuse('date', 'Choose a time in the future.');
  if (startsAt.getTime() < now.getTime() + MIN_LEAD_MS) return refuse('time', 'Choose a time at least two hours from now.');
  if (startsAt.getTime() > now.getTime() + MAX_BOOKING_AHEAD_DAYS * DAY_MS) {
    return refuse('date', `Choose a time within the next ${MAX_BOOKING_AHEAD_DAYS} days.`);
  }
  const ask = await db.ask.findUniqueOrThrow({ where: { id: meeting.askId }, select: { availability: true, timeZone: true } });
  const windows = parseAvailability(ask.availability);
  const endsAt = new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
  if (!fitsWindows({ startsAt, endsAt }, windows, ask.timeZone)) {
    const usual = summariseAvailability(effectiveWindows(windows));
    return refuse('time', `Choose a time inside the charity’s usual times (${timeZoneLabel(ask.timeZone)}): ${usual.join('; ')}.`);
  }
  return { ok: true, startsAt };
}

/** The party check and the timing rule for `action`: the meeting, the side, and the refusal if any. */
async function allowed(actor: Actor, meetingId: string, action: keyof MeetingActions, now: Date) {
  const { meeting, party } = await assertMeetingParty(actor, meetingId);
  const state = await meetingStateOf(db, meeting, now);
  return { meeting, party, state, refusal: whyNot(action, state, party, now) };
}

async function inTransaction<T>(work: (tx: Tx) => Promise<T>, values: FormValues): Promise<T | FormResult<never>> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Changed) return invalid(values, {}, error.reason);
    throw error;
  }
}

// ---------------------------------------------------------------- moving a meeting

/**
 * Proposes a new time (a date and time in the proposer's zone; the same length). One proposal waits at a
 * time (the partial unique index MeetingReschedule_one_pending_per_meeting); the other side is emailed.
 */
export async function proposeMove(
  actor: Actor,
  meetingId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ moveId: string }>> {
  const { meeting, party, refusal } = await allowed(actor, meetingId, 'proposeMove', now);
  const values = formValues(input);
  if (refusal) return invalid(values, {}, refusal);
  const parsed = parseForm(proposeMoveSchema, values);
  if (!parsed.ok) return parsed.result;
  const start = await startFrom(values, parsed.data, await zoneOf(actor, party), meeting, now);
  if (!start.ok) return start.result;
  const { startsAt } = start;
  if (startsAt.getTime() === meeting.startsAt.getTime()) {
    return invalid(
      values,
      { time: ['That is when the session already is: choose a different time.'] },
      'Please correct the problems below.',
    );
  }
  const endsAt = new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
  const proposedByName = await actorLabel(actor, party, meeting);

  try {
    return await inTransaction(async (tx) => {
      // Touching the row with the time the proposer saw: a meeting moved or closed meanwhile is not touched.
      const { count } = await tx.meeting.updateMany({
        where: { id: meeting.id, status: { in: meetingStatusesFrom('move') }, startsAt: meeting.startsAt },
        data: { updatedAt: now },
      });
      if (count === 0) throw new Changed(CHANGED);
      const move = await tx.meetingReschedule.create({
        data: {
          meetingId: meeting.id,
          proposedById: actor.id,
          proposedByParty: party,
          startsAt,
          endsAt,
          previousStartsAt: meeting.startsAt,
          note: parsed.data.note,
        },
        select: { id: true },
      });
      await queueMeetingEmails(tx, meeting.id, `move-proposed:${move.id}`, (person, current) =>
        person.party === party
          ? null
          : {
              kind: 'move-proposed',
              data: {
                ...meetingDetails(current, person),
                proposedStartsAt: startsAt.toISOString(),
                proposedEndsAt: endsAt.toISOString(),
                proposedByName,
                note: parsed.data.note,
                url: meetingUrl(current.id),
              },
            },
      );
      await recordMeetingEvent(tx, actor.id, 'meeting.propose-move', meeting.id, { moveId: move.id, startsAt: startsAt.toISOString() });
      return { ok: true as const, data: { moveId: move.id }, message: 'New time proposed. We have asked the other side to accept it.' };
    }, values);
  } catch (error) {
    if (isUniqueViolation(error, 'MeetingReschedule_one_pending_per_meeting')) {
      return invalid(
        values,
        {},
        'A new time is already waiting for an answer. It must be answered or withdrawn before another is proposed.',
      );
    }
    throw error;
  }
}

/**
 * The other side answers a proposed time. Accepting moves the same meeting (sequence + 1, so calendars
 * update the event they hold; the reminder is cleared so it is sent again for the new time) and emails
 * both sides the new invite; declining tells the proposer's side.
 */
export async function answerMove(
  actor: Actor,
  meetingId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ accepted: boolean }>> {
  const { meeting, party } = await assertMeetingParty(actor, meetingId);
  const values = formValues(input);
  const parsed = parseForm(answerMoveSchema, values);
  if (!parsed.ok) return parsed.result;
  const move = await db.meetingReschedule.findFirst({
    where: { id: parsed.data.moveId, meetingId: meeting.id },
    select: { id: true, status: true, proposedByParty: true, startsAt: true, endsAt: true, previousStartsAt: true },
  });
  const state = await meetingStateOf(db, meeting, now);
  if (!move || move.status !== 'PENDING' || state.pendingMoveId !== move.id) {
    return invalid(values, {}, 'That proposal has already been answered or withdrawn.');
  }
  const accepting = parsed.data.answer === 'accept';
  const refusal = whyNot(accepting ? 'acceptMove' : 'declineMove', state, party, now);
  if (refusal) return invalid(values, {}, refusal);
  const responderName = await actorLabel(actor, party, meeting);

  if (!accepting) {
    return inTransaction(async (tx) => {
      const { count } = await tx.meetingReschedule.updateMany({
        where: { id: move.id, status: 'PENDING' },
        data: { status: 'DECLINED', respondedById: actor.id, respondedAt: now },
      });
      if (count === 0) throw new Changed('That proposal has already been answered or withdrawn.');
      await queueMeetingEmails(tx, meeting.id, `move-declined:${move.id}`, (person, current) =>
        person.party === move.proposedByParty
          ? {
              kind: 'move-declined',
              data: {
                ...meetingDetails(current, person),
                proposedStartsAt: move.startsAt.toISOString(),
                declinedByName: responderName,
                url: meetingUrl(current.id),
              },
            }
          : null,
      );
      await recordMeetingEvent(tx, actor.id, 'meeting.decline-move', meeting.id, { moveId: move.id });
      return { ok: true as const, data: { accepted: false }, message: 'You declined the new time. The session stays as it was.' };
    }, values);
  }

  try {
    return await inTransaction(async (tx) => {
      // Conditional on the time the proposal was made against: a meeting moved since is not moved again.
      const moved = await tx.meeting.updateMany({
        where: { id: meeting.id, status: { in: meetingStatusesFrom('move') }, startsAt: move.previousStartsAt },
        data: { startsAt: move.startsAt, endsAt: move.endsAt, sequence: { increment: 1 }, reminderSentAt: null },
      });
      if (moved.count === 0) throw new Changed(CHANGED);
      const answered = await tx.meetingReschedule.updateMany({
        where: { id: move.id, status: 'PENDING' },
        data: { status: 'ACCEPTED', respondedById: actor.id, respondedAt: now },
      });
      if (answered.count === 0) throw new Changed('That proposal has already been answered or withdrawn.');
      const { sequence } = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { sequence: true } });
      await queueMeetingEmails(tx, meeting.id, `meeting-rescheduled:${meeting.id}:${sequence}`, (person, current) => ({
        kind: 'meeting-rescheduled',
        data: {
          ...meetingDetails(current, person),
          previousStartsAt: move.previousStartsAt.toISOString(),
          sequence,
          url: meetingUrl(current.id),
        },
      }));
      await recordMeetingEvent(tx, actor.id, 'meeting.move', meeting.id, {
        moveId: move.id,
        from: move.previousStartsAt.toISOString(),
        to: move.startsAt.toISOString(),
      });
      return {
        ok: true as const,
        data: { accepted: true },
        message: 'The session has moved to the new time. Both sides have a new calendar invite.',
      };
    }, values);
  } catch (error) {
    if (isMeetingClash(error)) return invalid(values, {}, CLASH);
    throw error;
  }
}

/** The side that proposed a new time takes it back; the meeting stays where it was. */
export async function withdrawMove(actor: Actor, meetingId: string, input: Input, now = new Date()): Promise<FormResult> {
  const { meeting, party } = await assertMeetingParty(actor, meetingId);
  const values = formValues(input);
  const parsed = parseForm(withdrawMoveSchema, values);
  if (!parsed.ok) return parsed.result;
  const state = await meetingStateOf(db, meeting, now);
  if (state.pendingMoveId !== parsed.data.moveId) return invalid(values, {}, 'That proposal has already been answered or withdrawn.');
  const refusal = whyNot('withdrawMove', state, party, now);
  if (refusal) return invalid(values, {}, refusal);
  return inTransaction(async (tx) => {
    const { count } = await tx.meetingReschedule.updateMany({
      where: { id: parsed.data.moveId, meetingId: meeting.id, status: 'PENDING', proposedByParty: party },
      data: { status: 'WITHDRAWN', respondedById: actor.id, respondedAt: now },
    });
    if (count === 0) throw new Changed('That proposal has already been answered or withdrawn.');
    await recordMeetingEvent(tx, actor.id, 'meeting.withdraw-move', meeting.id, { moveId: parsed.data.moveId });
    return { ok: true as const, data: undefined, message: 'You withdrew the new time. The session stays as it was.' };
  }, values);
}

// ---------------------------------------------------------------- cancelling

/**
 * Cancels a session before it starts, with a reason the other side sees. Within 24 hours of the start it
 * is recorded as late. The offer it came from closes (withdrawn by the volunteer, or declined by the
 * charity), the ask reopens if its deadline is still ahead, and everyone else on both sides is emailed
 * the cancellation with a calendar CANCEL.
 */
export async function cancelMeeting(
  actor: Actor,
  meetingId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ late: boolean }>> {
  const { meeting, party, refusal } = await allowed(actor, meetingId, 'cancel', now);
  const values = formValues(input);
  if (refusal) return invalid(values, {}, refusal);
  const parsed = parseForm(cancelSchema, values);
  if (!parsed.ok) return parsed.result;
  const { reason } = parsed.data;
  const late = isLateCancellation(meeting.startsAt, now);
  const cancelledByName = await actorLabel(actor, party, meeting);

  const result = await inTransaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, status: { in: meetingStatusesFrom('cancel') }, startsAt: meeting.startsAt },
      data: {
        status: 'CANCELLED',
        cancelledAt: now,
        cancelledById: actor.id,
        cancelReason: reason,
        cancelledLate: late,
        sequence: { increment: 1 },
      },
    });
    if (count === 0) throw new Changed(CHANGED);
    await tx.meetingReschedule.updateMany({
      where: { meetingId: meeting.id, status: 'PENDING' },
      data: { status: 'SUPERSEDED', respondedAt: now },
    });
    const reopened = await releaseAsk(tx, meeting, party, reason, now);
    const { sequence } = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { sequence: true } });
    await queueMeetingEmails(tx, meeting.id, `meeting-cancelled:${meeting.id}`, (person: MeetingPerson, current) =>
      person.id === actor.id
        ? null
        : {
            kind: 'meeting-cancelled',
            data: { ...meetingDetails(current, person), cancelledByName, reason, sequence, url: meetingUrl(current.id) },
          },
    );
    await recordMeetingEvent(tx, actor.id, 'meeting.cancel', meeting.id, { reason, late, party, ask: reopened });
    return {
      ok: true as const,
      data: { late },
      message: late
        ? 'The session is cancelled. As it was within 24 hours of the start, it is recorded as a late cancellation.'
        : 'The session is cancelled.',
    };
  }, values);
  if (result.ok) await invalidateAsksById(db, [meeting.askId]); // an ask reopened goes back on the lists
  return result;
}

/**
 * Marks a session as held, once it has started: SCHEDULED -> HELD completes the ask; the other side
 * marking it too only records that they agree.
 */
export async function markHeld(actor: Actor, meetingId: string, input: Input = {}, now = new Date()): Promise<FormResult> {
  const { meeting, party, refusal } = await allowed(actor, meetingId, 'markHeld', now);
  const values = formValues(input);
  if (refusal) return invalid(values, {}, refusal);
  const stamp = party === 'CHARITY' ? { charityHeldAt: now } : { volunteerHeldAt: now };
  const unstamped = party === 'CHARITY' ? { charityHeldAt: null } : { volunteerHeldAt: null };

  const result = await inTransaction(async (tx) => {
    const held = await tx.meeting.updateMany({
      where: { id: meeting.id, status: { in: meetingStatusesFrom('hold') }, startsAt: { lte: now } },
      data: { status: 'HELD', ...stamp },
    });
    if (held.count === 1) {
      await tx.ask.updateMany({
        where: { id: meeting.askId, status: 'MATCHED' },
        data: { status: 'COMPLETED', closedAt: now, version: { increment: 1 } },
      });
    } else {
      const agreed = await tx.meeting.updateMany({ where: { id: meeting.id, status: 'HELD', ...unstamped }, data: stamp });
      if (agreed.count === 0) throw new Changed(CHANGED);
    }
    await recordMeetingEvent(tx, actor.id, 'meeting.held', meeting.id, { party });
    return { ok: true as const, data: undefined, message: 'Thank you: the session is marked as held.' };
  }, values);
  if (result.ok) await invalidateAsksById(db, [meeting.askId]); // the ask is completed; the home page counts sessions held
  return result;
}

/**
 * Reports that the other side did not come, once the session has started. A volunteer who has now missed
 * NO_SHOW_LIMIT sessions starting in the last NO_SHOW_WINDOW_DAYS is paused, their waiting offers are
 * withdrawn, and they are told why.
 */
export async function reportNoShow(
  actor: Actor,
  meetingId: string,
  input: Input = {},
  now = new Date(),
): Promise<FormResult<{ paused: boolean }>> {
  const { meeting, party, refusal } = await allowed(actor, meetingId, 'reportNoShow', now);
  const values = formValues(input);
  if (refusal) return invalid(values, {}, refusal);
  const missed = otherParty(party);

  let withdrawnOffers: string[] = [];
  const result = await inTransaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, status: { in: meetingStatusesFrom('no-show') }, startsAt: { lte: now } },
      data: { status: 'NO_SHOW', noShowParty: missed },
    });
    if (count === 0) throw new Changed(CHANGED);
    // The side that did not come is the side that let the session fall through.
    const ask = await releaseAsk(tx, meeting, missed, 'The session was recorded as missed.', now);
    await recordMeetingEvent(tx, actor.id, 'meeting.no-show', meeting.id, { missed, ask });
    let paused = false;
    if (missed === 'VOLUNTEER') {
      await tx.volunteerProfile.updateMany({ where: { userId: meeting.volunteerId }, data: { noShowCount: { increment: 1 } } });
      const noShows = await tx.meeting.count({
        where: {
          volunteerId: meeting.volunteerId,
          status: 'NO_SHOW',
          noShowParty: 'VOLUNTEER',
          startsAt: { gte: new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * DAY_MS), lte: now },
        },
      });
      if (noShows >= NO_SHOW_LIMIT) {
        // Only the report that crosses the line pauses (and emails); one already paused for this stays so.
        const pause = await tx.volunteerProfile.updateMany({
          where: { userId: meeting.volunteerId, pausedReason: null },
          data: {
            pausedAt: now,
            pausedUntil: null,
            pausedReason: `Paused because ${noShows} of your sessions in the last ${NO_SHOW_WINDOW_DAYS} days were reported as missed. Please get in touch with us to start offering again.`,
          },
        });
        if (pause.count === 1) {
          paused = true;
          withdrawnOffers = await withdrawPendingOffers(tx, meeting.volunteerId, 'paused', now);
          const volunteer = await tx.user.findUniqueOrThrow({ where: { id: meeting.volunteerId }, select: { email: true } });
          await queueEmail(tx, {
            to: volunteer.email,
            userId: meeting.volunteerId,
            dedupeKey: `volunteer-paused:${meeting.volunteerId}:${meeting.id}`,
            message: { kind: 'volunteer-paused', data: { noShows, days: NO_SHOW_WINDOW_DAYS, url: `${appUrl()}/volunteer/profile` } },
          });
          await tx.auditLog.create({
            data: {
              actorId: null,
              action: 'volunteer.pause',
              entityType: 'User',
              entityId: meeting.volunteerId,
              data: { noShows, meetingId: meeting.id },
            },
          });
        }
      }
    }
    return { ok: true as const, data: { paused }, message: 'Thank you for letting us know. The session is recorded as missed.' };
  }, values);
  // A session from an offer gives its ask back (reopened or expired): its pages change.
  if (result.ok && meeting.offerId) await invalidateAsksById(db, [meeting.askId]);
  // A volunteer paused: the home page counts one fewer, and the asks they offered on count fewer offers.
  if (result.ok && result.data.paused) {
    await invalidatePublic([PUBLIC_TAGS.home]);
    await invalidateAsksOfOffers(db, withdrawnOffers);
  }
  return result;
}

/**
 * Books a further catch-up from a held session (either side): same ask, volunteer, organisation, medium,
 * length and join details, at a date and time in the booker's zone, linked by a CATCH_UP FollowUp.
 * One catch-up per session (FollowUp is unique per meeting and kind); a cancelled one can be replaced.
 */
export async function bookAgain(
  actor: Actor,
  meetingId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ meetingId: string }>> {
  const { meeting, party, refusal } = await allowed(actor, meetingId, 'bookAgain', now);
  const values = formValues(input);
  if (refusal) return invalid(values, {}, refusal);
  const parsed = parseForm(bookAgainSchema, values);
  if (!parsed.ok) return parsed.result;
  const start = await startFrom(values, parsed.data, await zoneOf(actor, party), meeting, now);
  if (!start.ok) return start.result;
  const { startsAt } = start;
  const endsAt = new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
  const ALREADY = 'A further catch-up is already booked from this session: open it from this page.';

  try {
    return await inTransaction(async (tx) => {
      // Checked again inside: the volunteer may have been paused or suspended a moment ago.
      const volunteer = await tx.user.findUniqueOrThrow({
        where: { id: meeting.volunteerId },
        select: { status: true, volunteerProfile: { select: { pausedAt: true, pausedUntil: true } } },
      });
      const profile = volunteer.volunteerProfile;
      if (volunteer.status !== 'ACTIVE' || (profile?.pausedAt && (!profile.pausedUntil || profile.pausedUntil > now))) {
        throw new Changed('The volunteer is not taking new sessions at the moment.');
      }
      const still = await tx.meeting.count({ where: { id: meeting.id, status: 'HELD' } });
      if (still === 0) throw new Changed(CHANGED);
      const booked = await bookMeeting(tx, {
        askId: meeting.askId,
        organisationId: meeting.organisationId,
        volunteerId: meeting.volunteerId,
        offerId: null,
        startsAt,
        endsAt,
        medium: meeting.medium,
        joinDetails: meeting.joinDetails,
        bookedById: actor.id,
      });
      const existing = await tx.followUp.findUnique({
        where: { meetingId_kind: { meetingId: meeting.id, kind: 'CATCH_UP' } },
        select: { id: true, nextMeetingId: true, nextMeeting: { select: { status: true } } },
      });
      if (!existing) {
        await tx.followUp.create({
          data: {
            meetingId: meeting.id,
            kind: 'CATCH_UP',
            nextMeetingId: booked.id,
            requestedById: actor.id,
            status: 'DONE',
            dueAt: now,
            respondedAt: now,
          },
        });
      } else {
        if (existing.nextMeeting && existing.nextMeeting.status !== 'CANCELLED') throw new Changed(ALREADY);
        // Conditional on the link as read: two people replacing a cancelled catch-up at once, one wins.
        const { count } = await tx.followUp.updateMany({
          where: { id: existing.id, nextMeetingId: existing.nextMeetingId },
          data: { nextMeetingId: booked.id, requestedById: actor.id, status: 'DONE', dueAt: now, respondedAt: now },
        });
        if (count === 0) throw new Changed(ALREADY);
      }
      await recordMeetingEvent(tx, actor.id, 'meeting.book-again', meeting.id, { nextMeetingId: booked.id });
      return {
        ok: true as const,
        data: { meetingId: booked.id },
        message: 'Your further catch-up is booked. The other side has the invite.',
      };
    }, values);
  } catch (error) {
    if (isMeetingClash(error)) return invalid(values, {}, CLASH);
    // FollowUp is unique per (meetingId, kind) and per nextMeetingId: a parallel booking got there first.
    if (isUniqueViolation(error)) return invalid(values, {}, ALREADY);
    throw error;
  }
}
