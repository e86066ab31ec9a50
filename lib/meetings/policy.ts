// Who may see and act on a meeting: its two parties (the volunteer, and any member of the organisation)
// act on it; admins read it through a separate path and act on nothing. Anyone else gets AccessDenied,
// which pages turn into a 404, so a guessed id reveals nothing.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { MeetingParty, Prisma } from '@/lib/generated/prisma/client';
import type { MeetingState, MeetingViewer } from './transitions';

type Db = Prisma.TransactionClient | typeof db;

/** The `where` for meetings the actor is a party to: the volunteer, or staff of the organisation. */
export function partyMeetingWhere(actor: Actor, meetingId?: string): Prisma.MeetingWhereInput {
  return {
    // `undefined` means every meeting; an empty id names none (it must not widen the where to all of them).
    ...(meetingId === undefined ? {} : { id: meetingId }),
    OR: [{ volunteerId: actor.id }, { organisation: { memberships: { some: { userId: actor.id } } } }],
  };
}

export const policyMeetingSelect = {
  id: true,
  askId: true,
  offerId: true,
  organisationId: true,
  volunteerId: true,
  startsAt: true,
  endsAt: true,
  medium: true,
  joinDetails: true,
  status: true,
  sequence: true,
  charityHeldAt: true,
  volunteerHeldAt: true,
} as const satisfies Prisma.MeetingSelect;

export type PolicyMeeting = Prisma.MeetingGetPayload<{ select: typeof policyMeetingSelect }>;

/** The meeting and the actor's side of it; AccessDenied for anyone who is not a party (admins included). */
export async function assertMeetingParty(
  actor: Actor,
  meetingId: string,
  client: Db = db,
): Promise<{ meeting: PolicyMeeting; party: MeetingParty }> {
  assertActive(actor);
  if (typeof meetingId !== 'string' || meetingId.length === 0) throw new AccessDenied();
  const meeting = await client.meeting.findFirst({ where: partyMeetingWhere(actor, meetingId), select: policyMeetingSelect });
  if (!meeting) throw new AccessDenied();
  // Someone who is both (a volunteer helping their own organisation) acts as the volunteer.
  return { meeting, party: meeting.volunteerId === actor.id ? 'VOLUNTEER' : 'CHARITY' };
}

/** The read path: a party reads as their side, an admin as 'ADMIN'; anyone else gets AccessDenied. */
export async function assertMeetingReader(
  actor: Actor,
  meetingId: string,
  client: Db = db,
): Promise<{ meeting: PolicyMeeting; viewer: MeetingViewer }> {
  assertActive(actor);
  try {
    const { meeting, party } = await assertMeetingParty(actor, meetingId, client);
    return { meeting, viewer: party };
  } catch (error) {
    if (!(error instanceof AccessDenied) || actor.role !== 'ADMIN') throw error;
  }
  const meeting = await client.meeting.findUnique({ where: { id: meetingId }, select: policyMeetingSelect });
  if (!meeting) throw new AccessDenied();
  return { meeting, viewer: 'ADMIN' };
}

/** True while a volunteer profile is paused: pausedAt set and pausedUntil not yet passed (docs/decisions/0011). */
export function isPaused(profile: { pausedAt: Date | null; pausedUntil: Date | null } | null | undefined, now: Date): boolean {
  return !!profile?.pausedAt && (!profile.pausedUntil || profile.pausedUntil.getTime() > now.getTime());
}

/**
 * What the timing rules need beyond the meeting row (lib/meetings/transitions.ts): the pending move, whether
 * a further catch-up is already booked, and whether the volunteer can take a new booking. For a meeting
 * the caller has already been allowed to see.
 */
export async function meetingStateOf(
  client: Db,
  meeting: PolicyMeeting,
  now: Date,
): Promise<MeetingState & { pendingMoveId: string | null }> {
  // One after another: `client` may be an interactive transaction, which runs one statement at a time.
  const pending = await client.meetingReschedule.findFirst({
    where: { meetingId: meeting.id, status: 'PENDING' },
    select: { id: true, proposedByParty: true, startsAt: true },
  });
  const catchUp = await client.followUp.findUnique({
    where: { meetingId_kind: { meetingId: meeting.id, kind: 'CATCH_UP' } },
    select: { nextMeeting: { select: { status: true } } },
  });
  const volunteer = await client.user.findUnique({
    where: { id: meeting.volunteerId },
    select: { status: true, volunteerProfile: { select: { pausedAt: true, pausedUntil: true } } },
  });
  return {
    status: meeting.status,
    startsAt: meeting.startsAt,
    charityHeldAt: meeting.charityHeldAt,
    volunteerHeldAt: meeting.volunteerHeldAt,
    pendingMove: pending ? { proposedByParty: pending.proposedByParty, startsAt: pending.startsAt } : null,
    pendingMoveId: pending?.id ?? null,
    catchUpBooked: !!catchUp?.nextMeeting && catchUp.nextMeeting.status !== 'CANCELLED',
    volunteerAvailable: volunteer?.status === 'ACTIVE' && !isPaused(volunteer.volunteerProfile, now),
  };
}
