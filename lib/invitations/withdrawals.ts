// What happens to invitations nobody answers: an ask that is withdrawn, expires or is matched no longer
// needs anyone, so invitations still waiting on it are WITHDRAWN; one left unanswered for a week EXPIRES.
// Either way the place it held in the volunteer's capacity is freed. Takes its client and imports no app
// client, so the expiry sweep in the worker can use it too.
import { DAY_MS } from '@/lib/dates';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/** How long an invitation waits for an answer before it expires. */
export const INVITATION_ANSWER_DAYS = 7;

/** Every PENDING invitation to these asks becomes WITHDRAWN; returns how many did. */
export async function withdrawPendingInvitations(tx: Prisma.TransactionClient, askIds: string[]): Promise<number> {
  if (askIds.length === 0) return 0;
  const { count } = await tx.invitation.updateMany({
    where: { askId: { in: askIds }, status: 'PENDING' },
    data: { status: 'WITHDRAWN' },
  });
  return count;
}

/**
 * Every PENDING invitation to this volunteer becomes WITHDRAWN: for when they stop being available (they
 * pause, are suspended or paused for missed sessions), alongside their waiting offers; or, with
 * `organisationId`, only that organisation's, when a block comes between them (lib/blocks). Returns how many.
 */
export async function withdrawInvitationsOfVolunteer(
  tx: Prisma.TransactionClient,
  volunteerId: string,
  { organisationId }: { organisationId?: string } = {},
): Promise<number> {
  // Invitation(volunteerId, status).
  const { count } = await tx.invitation.updateMany({
    where: { volunteerId, status: 'PENDING', ...(organisationId ? { ask: { organisationId } } : {}) },
    data: { status: 'WITHDRAWN' },
  });
  return count;
}

/**
 * The volunteer made an offer on an ask they were invited to: their invitation is answered (ACCEPTED).
 * Conditional on PENDING, so an invitation already declined or withdrawn stays as it was.
 */
export async function acceptPendingInvitation(
  tx: Prisma.TransactionClient,
  askId: string,
  volunteerId: string,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { askId, volunteerId, status: 'PENDING' },
    data: { status: 'ACCEPTED', respondedAt: now },
  });
  return count > 0;
}

/**
 * Invitations still waiting a week after they were sent become EXPIRED, so an invitation nobody answers
 * does not hold a volunteer's place for ever. Conditional on PENDING: idempotent, and safe to run twice at once.
 */
export async function expireUnansweredInvitations(db: PrismaClient | Prisma.TransactionClient, now = new Date()): Promise<number> {
  // Invitation(status, createdAt).
  const { count } = await db.invitation.updateMany({
    where: { status: 'PENDING', createdAt: { lte: new Date(now.getTime() - INVITATION_ANSWER_DAYS * DAY_MS) } },
    data: { status: 'EXPIRED' },
  });
  return count;
}
