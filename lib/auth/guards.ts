// Guards for pages and server actions: who is acting, and may they be here at all. Each returns the
// signed-in user or leaves the request (redirect to sign-in, or 404 so a guessed address reveals nothing).
// Data functions in lib/<area>/ check their own rules on top of these (policy.ts in each area).
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { db } from '@/lib/db';
import type { MembershipRole } from '@/lib/generated/prisma/enums';
import { endAllSessions, getCurrentUser, type SessionUser } from './session';

export type { SessionUser };

/** The signed-in, active user. `returnTo` is where sign-in sends them back to. */
export async function requireUser(returnTo = '/dashboard', { onboarded = true }: { onboarded?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.status === 'SUSPENDED') {
    await endAllSessions(user.id);
    redirect('/signin?error=suspended');
  }
  if (onboarded && !user.onboardedAt) redirect(`/onboarding?next=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireAdmin(returnTo = '/admin'): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'ADMIN') notFound();
  return user;
}

/** A user with a volunteer profile; others are sent to create one. */
export async function requireVolunteer(returnTo = '/volunteer/profile'): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.volunteerProfile) redirect('/volunteer/profile?first=1');
  return user;
}

/** A member of the organisation (with at least `role`, when given); anyone else gets a 404. */
export async function requireOrgMember(
  organisationId: string,
  role?: MembershipRole,
  returnTo = `/organisations/${organisationId}`,
): Promise<{ user: SessionUser; role: MembershipRole }> {
  const user = await requireUser(returnTo);
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: user.id, organisationId } },
    select: { role: true },
  });
  if (!membership || (role === 'OWNER' && membership.role !== 'OWNER')) notFound();
  return { user, role: membership.role };
}
