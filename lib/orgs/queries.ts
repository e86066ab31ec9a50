// Reads of organisations for their members. The membership is part of every `where`, so a guessed
// id returns nothing for anyone outside the organisation.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { FormValues } from '@/lib/form-values';
import { hashInviteToken } from './mutations';
import { ORGANISATION_FORM_COLUMNS } from './schema';

export async function listMyOrganisations(actor: Actor) {
  return db.membership.findMany({
    where: { userId: actor.id },
    select: { role: true, organisation: { select: { id: true, name: true, status: true } } },
    orderBy: { createdAt: 'asc' },
  });
}

/** The organisation's private page, or null unless the actor is a member. */
export async function getOrganisationForMember(actor: Actor, organisationId: string, now = new Date()) {
  assertActive(actor);
  const organisation = await db.organisation.findFirst({
    where: { id: organisationId, memberships: { some: { userId: actor.id } } },
    select: {
      id: true,
      ...ORGANISATION_FORM_COLUMNS,
      status: true,
      statusNote: true,
      vouchedAt: true, // a community group an admin vouched for: "Verified" says so
      createdAt: true,
      memberships: {
        select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      },
    },
  });
  if (!organisation) return null;
  const myRole = organisation.memberships.find((m) => m.user.id === actor.id)!.role;
  // Only owners see outstanding invitations.
  const invites =
    myRole === 'OWNER'
      ? await db.orgInvite.findMany({
          where: { organisationId, usedAt: null, expiresAt: { gt: now } },
          select: { id: true, email: true, expiresAt: true, createdAt: true },
          orderBy: { createdAt: 'desc' },
        })
      : [];
  return { ...organisation, myRole, invites };
}

export type OrganisationForMember = NonNullable<Awaited<ReturnType<typeof getOrganisationForMember>>>;

/**
 * The edit page: the organisation's status, why it was rejected or suspended, and its details as the form's
 * starting values; null unless the actor is one of its owners.
 */
export async function getOrganisationForOwner(actor: Actor, organisationId: string) {
  assertActive(actor);
  const organisation = await db.organisation.findFirst({
    where: { id: organisationId, memberships: { some: { userId: actor.id, role: 'OWNER' } } },
    select: { id: true, ...ORGANISATION_FORM_COLUMNS, status: true, statusNote: true },
  });
  if (!organisation) return null;
  const { id, status, statusNote, ...details } = organisation;
  const values: FormValues = {
    ...details,
    registrationNumber: details.registrationNumber ?? '',
    website: details.website ?? '',
  };
  return { id, name: organisation.name, status, statusNote, values };
}

/** What the invitation page shows before accepting: whose it is, and whether it can still be used. */
export async function describeInvite(token: string, now = new Date()) {
  const invite = await db.orgInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { usedAt: true, expiresAt: true, organisation: { select: { id: true, name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invite) return null;
  return {
    organisationId: invite.organisation.id,
    organisationName: invite.organisation.name,
    invitedBy: invite.invitedBy.name,
    usable: invite.usedAt === null && invite.expiresAt > now,
  };
}
