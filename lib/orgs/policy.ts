// Who may do what with an organisation. Members see its private page and its members; owners also
// invite people, hand over ownership and manage it. Admins verify it (lib/moderation).
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { MembershipRole } from '@/lib/generated/prisma/enums';

export async function membershipRole(actor: Actor, organisationId: string): Promise<MembershipRole | null> {
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: actor.id, organisationId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/** Passes for an active member (or owner, when `needed` is OWNER); throws AccessDenied otherwise. */
export async function assertOrgRole(actor: Actor, organisationId: string, needed: MembershipRole = 'MEMBER'): Promise<MembershipRole> {
  assertActive(actor);
  const role = await membershipRole(actor, organisationId);
  if (!role || (needed === 'OWNER' && role !== 'OWNER')) throw new AccessDenied();
  return role;
}
