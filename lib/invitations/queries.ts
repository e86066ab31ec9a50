// Reading invitations: who staff have invited to their ask and what each said, and the volunteer's own
// invitation to an ask (its line is shown above the offer form). No contact details are read here.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { assertAskStaff } from '@/lib/asks/policy';
import { db } from '@/lib/db';

/** The invitations sent for an ask, newest first, for its organisation's staff (AccessDenied for anyone else). */
export async function invitationsForAsk(actor: Actor, askId: string) {
  await assertAskStaff(actor, askId);
  const rows = await db.invitation.findMany({
    where: { askId },
    select: {
      id: true,
      status: true,
      message: true,
      declineReason: true,
      createdAt: true,
      respondedAt: true,
      volunteer: { select: { name: true, volunteerProfile: { select: { headline: true, hiddenAt: true } } } },
      invitedBy: { select: { name: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
  });
  return rows.map(({ volunteer, invitedBy, ...invitation }) => ({
    ...invitation,
    volunteerName: volunteer.name?.trim() || 'A volunteer',
    headline: volunteer.volunteerProfile?.hiddenAt ? null : (volunteer.volunteerProfile?.headline ?? null),
    invitedByName: invitedBy?.name?.trim() || null,
  }));
}

export type SentInvitation = Awaited<ReturnType<typeof invitationsForAsk>>[number];

/** The actor's invitation to an ask, with who sent it; null when they were not invited. */
export async function myInvitationTo(actor: Actor, askId: string) {
  assertActive(actor);
  const invitation = await db.invitation.findUnique({
    where: { askId_volunteerId: { askId, volunteerId: actor.id } },
    select: { id: true, status: true, message: true, createdAt: true, invitedBy: { select: { name: true } } },
  });
  if (!invitation) return null;
  const { invitedBy, ...rest } = invitation;
  return { ...rest, invitedByName: invitedBy?.name?.trim() || null };
}

export type MyInvitation = NonNullable<Awaited<ReturnType<typeof myInvitationTo>>>;
