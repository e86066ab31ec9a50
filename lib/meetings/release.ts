// When a booked session will not happen: giving its ask back, and cancelling the sessions of a volunteer
// HalfHour makes unavailable. Both run inside the caller's transaction; they take no Actor because the
// caller has already decided (lib/meetings/mutations.ts for the two sides, lib/moderation/users.ts for admins).
import { recordAudit } from '@/lib/audit/record';
import type { MeetingParty, Prisma } from '@/lib/generated/prisma/client';
import { nextAskStatus } from '@/lib/asks/transitions';
import { meetingDetails, meetingUrl, queueMeetingEmails, type MeetingPerson } from './audience';
import { policyMeetingSelect, type PolicyMeeting } from './policy';
import { isLateCancellation } from './transitions';

type Tx = Prisma.TransactionClient;

/**
 * A session booked from an offer that will not happen (cancelled, or one side did not come) gives its ask
 * back: the accepted offer becomes WITHDRAWN (the volunteer's side) or DECLINED (the charity's), and the
 * ask goes back on the list while its deadline lasts, or expires if it has passed, rather than staying
 * MATCHED with nothing booked. A catch-up (no offer) leaves its ask as it is. Returns what the ask became.
 */
export async function releaseAsk(
  tx: Tx,
  meeting: PolicyMeeting,
  side: MeetingParty,
  note: string,
  now: Date,
): Promise<'reopened' | 'expired' | null> {
  if (!meeting.offerId) return null;
  await tx.offer.updateMany({
    where: { id: meeting.offerId, status: 'ACCEPTED' },
    data:
      side === 'VOLUNTEER'
        ? { status: 'WITHDRAWN', withdrawnBecause: 'BY_VOLUNTEER', respondedAt: now }
        : { status: 'DECLINED', declineReason: 'OTHER', declineNote: note, respondedAt: now },
  });
  const reopened = await tx.ask.updateMany({
    where: { id: meeting.askId, status: 'MATCHED', deadline: { gt: now } },
    data: { status: nextAskStatus('MATCHED', 'reopen', 'system')!, closedAt: null, version: { increment: 1 } },
  });
  if (reopened.count === 1) return 'reopened';
  const expired = await tx.ask.updateMany({
    where: { id: meeting.askId, status: 'MATCHED', deadline: { lte: now } },
    data: { status: nextAskStatus('MATCHED', 'expire', 'system')!, closedAt: now, version: { increment: 1 } },
  });
  return expired.count === 1 ? 'expired' : null;
}

/**
 * Cancels a volunteer's future sessions inside the caller's transaction, when HalfHour makes them
 * unavailable (an admin suspends them): each session the usual way (late flag, sequence, waiting move
 * superseded, the ask given back) with the charity side told, kindly, without the volunteer's words.
 * Returns the asks whose sessions were cancelled, so their pages can be refreshed after the commit.
 */
export async function cancelSessionsOfUnavailableVolunteer(
  tx: Tx,
  volunteerId: string,
  cancelledById: string,
  now = new Date(),
): Promise<string[]> {
  const reason = 'The volunteer is no longer available on HalfHour, so this session cannot go ahead. We are sorry.';
  const meetings = await tx.meeting.findMany({
    where: { volunteerId, status: 'SCHEDULED', startsAt: { gt: now } },
    select: { id: true },
  });
  const askIds: string[] = [];
  for (const { id } of meetings) {
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id }, select: policyMeetingSelect });
    const late = isLateCancellation(meeting.startsAt, now);
    const { count } = await tx.meeting.updateMany({
      where: { id, status: 'SCHEDULED' },
      data: { status: 'CANCELLED', cancelledAt: now, cancelledById, cancelReason: reason, cancelledLate: late, sequence: { increment: 1 } },
    });
    if (count === 0) continue;
    await tx.meetingReschedule.updateMany({
      where: { meetingId: id, status: 'PENDING' },
      data: { status: 'SUPERSEDED', respondedAt: now },
    });
    const ask = await releaseAsk(tx, meeting, 'VOLUNTEER', reason, now);
    const { sequence } = await tx.meeting.findUniqueOrThrow({ where: { id }, select: { sequence: true } });
    await queueMeetingEmails(tx, id, `meeting-cancelled:${id}`, (person: MeetingPerson, current) =>
      person.party === 'VOLUNTEER'
        ? null
        : {
            kind: 'meeting-cancelled',
            data: { ...meetingDetails(current, person), cancelledByName: 'HalfHour', reason, sequence, url: meetingUrl(current.id) },
          },
    );
    await recordAudit(tx, {
      actorId: cancelledById,
      action: 'meeting.cancel',
      target: { type: 'Meeting', id },
      before: { status: 'SCHEDULED' },
      after: { status: 'CANCELLED' },
      data: { reason, late, party: 'VOLUNTEER', ask, by: 'admin' },
    });
    askIds.push(meeting.askId);
  }
  return askIds;
}

// ---------------------------------------------------------------- after the session
