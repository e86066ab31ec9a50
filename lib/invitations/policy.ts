// Who may do what with an invitation to help. Staff of the ask's organisation invite volunteers to an
// open ask; only the invited volunteer answers. `invitationRefusal` is the pure rule for whether a
// volunteer may be invited (the same people the suggestions show: lib/matching/volunteers-for-ask.ts).
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { AskStatus, Prisma, UserStatus } from '@/lib/generated/prisma/client';
import type { VolunteerLoad } from '@/lib/offers/capacity';

type Db = Prisma.TransactionClient | typeof db;

export interface InvitingSituation {
  ask: { status: AskStatus; deadline: Date; publishedAt: Date | null; organisationVerified: boolean };
  /** The person invited: null when there is no such account. */
  volunteer: { name: string; status: UserStatus; hasProfile: boolean } | null;
  /** They could be suggested for this ask: a medium in common, and a skill it needs or one in its areas. */
  fits: boolean;
  /** A block stands between them and the ask's organisation, either way (lib/blocks). */
  blocked?: boolean;
  /** They belong to the ask's organisation. */
  ownOrganisation: boolean;
  alreadyOffered: boolean;
  alreadyInvited: boolean;
  load: Pick<VolunteerLoad, 'capacity' | 'spare' | 'paused'>;
  now: Date;
}

export const ALREADY_INVITED = (name: string) => `${name} has already been invited to this ask. Their answer will show here.`;

/** Why staff cannot invite this volunteer to this ask, in words for staff; null when they can. */
export function invitationRefusal({
  ask,
  volunteer,
  fits,
  blocked,
  ownOrganisation,
  alreadyOffered,
  alreadyInvited,
  load,
  now,
}: InvitingSituation): string | null {
  if (ask.status !== 'OPEN' || !ask.publishedAt || !ask.organisationVerified || ask.deadline <= now) {
    return 'This ask is not open for offers, so nobody can be invited to it now.';
  }
  // One answer for anyone who could not be suggested: it says nothing about who they are.
  // A block either way gets it too: staff are not told that a volunteer blocked them.
  if (!volunteer || !volunteer.hasProfile || volunteer.status !== 'ACTIVE' || !fits || blocked) {
    return 'Only volunteers suggested for this ask can be invited to it.';
  }
  const name = volunteer.name;
  if (ownOrganisation) return `${name} is a member of your organisation, so they cannot be invited to its asks.`;
  if (alreadyOffered) return `${name} has already offered to help with this ask: their offer is on this page.`;
  if (alreadyInvited) return ALREADY_INVITED(name);
  // Paused, or full this month: the same words, so staff learn nothing of a volunteer's plans.
  if (load.paused || load.spare <= 0) return `${name} is not available to help this month. Invite someone else.`;
  return null;
}

/** The invitation, if the actor is the volunteer it was sent to; AccessDenied (a 404) otherwise. */
export async function assertOwnInvitation(actor: Actor, invitationId: string, client: Db = db) {
  assertActive(actor);
  const invitation = await client.invitation.findFirst({
    where: { id: invitationId, volunteerId: actor.id },
    select: { id: true, askId: true, status: true },
  });
  if (!invitation) throw new AccessDenied();
  return invitation;
}
