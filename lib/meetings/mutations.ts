// What else happens to a booked meeting: cancelling it, marking it held or missed, and booking a further
// catch-up (moving it is lib/meetings/moves.ts). Each function takes the acting person, checks them with
// lib/meetings/policy.ts and the rules in lib/meetings/transitions.ts (lib/meetings/steps.ts), then writes in
// one transaction of conditional updates (a stale form or a race finds nothing to update), queueing the other
// side's emails in the same transaction.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/database/errors';
import { DAY_MS } from '@/lib/dates';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { withdrawPendingOffers } from '@/lib/offers/withdrawals';
import { meetingDetails, meetingUrl, queueMeetingEmails, type MeetingPerson } from './audience';
import { bookMeeting, isMeetingClash } from './booking';
import { releaseAsk } from './release';
import { cancelSchema, bookAgainSchema } from './schema';
import { type Input, Changed, CHANGED, CLASH, zoneOf, actorLabel, startFrom, allowed, inTransaction } from './steps';
import { isLateCancellation, meetingStatusesFrom, NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, otherParty } from './transitions';

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
): Promise<FormResult<{ late: boolean; reopened: boolean }>> {
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
    // Everyone on both sides, the person who cancelled too: their calendar took the booking's invite, and only
    // this email's CANCEL takes the event out of it.
    await queueMeetingEmails(tx, meeting.id, `meeting-cancelled:${meeting.id}`, (person: MeetingPerson, current) => ({
      kind: 'meeting-cancelled',
      data: {
        ...meetingDetails(current, person),
        cancelledByName,
        ...(person.id === actor.id ? { cancelledByYou: true } : {}),
        reason,
        sequence,
        url: meetingUrl(current.id),
      },
    }));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'meeting.cancel',
      target: { type: 'Meeting', id: meeting.id },
      data: { reason, late, party, ask: reopened },
    });
    return {
      ok: true as const,
      // Said to the charity, whose ask changes under them: before, it reopened without a word.
      data: { late, reopened: party === 'CHARITY' && reopened === 'reopened' },
      message: late
        ? 'The session is cancelled. As it was within 24 hours of the start, it is recorded as a late cancellation.'
        : 'The session is cancelled.',
    };
  }, values);
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
    await recordAudit(tx, { actorId: actor.id, action: 'meeting.held', target: { type: 'Meeting', id: meeting.id }, data: { party } });
    return { ok: true as const, data: undefined, message: 'Thank you: the session is marked as held.' };
  }, values);
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

  const result = await inTransaction(async (tx) => {
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, status: { in: meetingStatusesFrom('no-show') }, startsAt: { lte: now } },
      data: { status: 'NO_SHOW', noShowParty: missed },
    });
    if (count === 0) throw new Changed(CHANGED);
    // The side that did not come is the side that let the session fall through.
    const ask = await releaseAsk(tx, meeting, missed, 'The session was recorded as missed.', now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'meeting.no-show',
      target: { type: 'Meeting', id: meeting.id },
      data: { missed, ask },
    });
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
          await withdrawPendingOffers(tx, meeting.volunteerId, 'paused', now);
          const volunteer = await tx.user.findUniqueOrThrow({ where: { id: meeting.volunteerId }, select: { email: true } });
          await queueEmail(tx, {
            to: volunteer.email,
            userId: meeting.volunteerId,
            dedupeKey: `volunteer-paused:${meeting.volunteerId}:${meeting.id}`,
            message: { kind: 'volunteer-paused', data: { noShows, days: NO_SHOW_WINDOW_DAYS, url: `${appUrl()}/volunteer/profile` } },
          });
          await recordAudit(tx, {
            actorId: null,
            action: 'volunteer.pause',
            target: { type: 'User', id: meeting.volunteerId },
            data: { noShows, meetingId: meeting.id },
          });
        }
      }
    }
    return { ok: true as const, data: { paused }, message: 'Thank you for letting us know. The session is recorded as missed.' };
  }, values);
  // A session from an offer gives its ask back (reopened or expired): its pages change.
  // A volunteer paused: the home page counts one fewer, and the asks they offered on count fewer offers.
  if (result.ok && result.data.paused) {
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'meeting.book-again',
        target: { type: 'Meeting', id: meeting.id },
        data: { nextMeetingId: booked.id },
      });
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
