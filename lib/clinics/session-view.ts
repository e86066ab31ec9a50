// What the clinic's session pages read beyond the clinic page's view model (lib/clinics/queries.ts): the asks a
// charity that came can book its follow-up about (read only when that form will show), and the seat a moved
// clinic's one-click "I can no longer come" names.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { followUpAsks } from './after';
import { staffSeatWhere } from './policy';
import type { ClinicPage } from './queries';

export interface ClinicSessionView {
  /** The organisation's asks for the follow-up form; null when the form does not show. */
  followUpAsks: Array<{ id: string; title: string }> | null;
}

export async function clinicSessionView(actor: Actor | null, page: ClinicPage): Promise<ClinicSessionView> {
  const seat = page.ownSeat;
  const canFollowUp = actor && seat && seat.status === 'BOOKED' && seat.attendance === 'ATTENDED' && !seat.followUpMeetingId;
  return { followUpAsks: canFollowUp ? await followUpAsks(actor, seat.id) : null };
}

/**
 * The seat a moved clinic's "I can no longer come" link names, if it is a seat of one of the actor's
 * organisations at this clinic; AccessDenied (a 404) otherwise, so a guessed or forwarded link reveals nothing.
 */
export async function seatToGiveUp(actor: Actor, clinicId: string, seatId: string) {
  assertActive(actor);
  const seat = await db.clinicSeat.findFirst({
    where: { ...staffSeatWhere(actor, seatId), clinicId },
    select: {
      id: true,
      status: true,
      organisation: { select: { name: true } },
      clinic: { select: { id: true, topic: true, startsAt: true, status: true } },
    },
  });
  if (!seat) throw new AccessDenied();
  return seat;
}
