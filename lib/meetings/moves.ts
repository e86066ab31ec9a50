// Moving a booked meeting: one side proposes a new time, the other accepts or declines it, or the proposer
// withdraws it. Checked and written as every meeting change is (lib/meetings/steps.ts).
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { CORRECT_THE_PROBLEMS, formValues, inFieldOrder, invalid, parseForm, type FormResult } from '@/lib/forms';
import { meetingDetails, meetingUrl, queueMeetingEmails } from './audience';
import { CalendarClash, calendarClash, isMeetingClash, lockVolunteerCalendar } from './booking';
import { assertMeetingParty, meetingStateOf } from './policy';
import { answerMoveSchema, newTimeSchema, proposeMoveSchema, withdrawMoveSchema } from './schema';
import { type Input, Changed, CHANGED, CLASH, zoneOf, actorLabel, startFrom, allowed, inTransaction } from './steps';
import { meetingStatusesFrom, whyNot } from './transitions';

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
  // The time is checked against the calendar whenever it reads as a date and time, so a note that is too
  // long and a time that does not work are both shown after one attempt.
  const when = parsed.ok ? parsed : parseForm(newTimeSchema, values);
  const start = when.ok ? await startFrom(values, when.data, await zoneOf(actor, party), meeting, now) : null;
  if (!parsed.ok || !start?.ok) {
    const fieldErrors = { ...(start && !start.ok && !start.result.ok ? start.result.fieldErrors : {}) };
    if (!parsed.ok && !parsed.result.ok) Object.assign(fieldErrors, parsed.result.fieldErrors);
    return invalid(values, inFieldOrder(fieldErrors, ['date', 'time', 'note']), CORRECT_THE_PROBLEMS);
  }
  const { startsAt } = start;
  if (startsAt.getTime() === meeting.startsAt.getTime()) {
    return invalid(values, { time: ['That is when the session already is: choose a different time.'] }, CORRECT_THE_PROBLEMS);
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'meeting.propose-move',
        target: { type: 'Meeting', id: meeting.id },
        data: { moveId: move.id, startsAt: startsAt.toISOString() },
      });
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'meeting.decline-move',
        target: { type: 'Meeting', id: meeting.id },
        data: { moveId: move.id },
      });
      return { ok: true as const, data: { accepted: false }, message: 'You declined the new time. The session stays as it was.' };
    }, values);
  }

  try {
    return await inTransaction(async (tx) => {
      // Before the new time is written, as every booking does, so a booking at the same moment cannot deadlock with it.
      await lockVolunteerCalendar(tx, meeting.volunteerId);
      // Another session is refused by the exclusion constraint; a clinic the volunteer runs, here.
      if (await calendarClash(tx, meeting.volunteerId, move, { meetings: false })) throw new CalendarClash();
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'meeting.move',
        target: { type: 'Meeting', id: meeting.id },
        data: {
          moveId: move.id,
          from: move.previousStartsAt.toISOString(),
          to: move.startsAt.toISOString(),
        },
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
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'meeting.withdraw-move',
      target: { type: 'Meeting', id: meeting.id },
      data: { moveId: parsed.data.moveId },
    });
    return { ok: true as const, data: undefined, message: 'You withdrew the new time. The session stays as it was.' };
  }, values);
}
