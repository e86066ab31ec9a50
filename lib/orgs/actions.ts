'use server';
// Server actions for organisations: who is acting, then lib/orgs decides and writes.
import { redirect } from 'next/navigation';
import { refresh } from 'next/cache';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormState } from '@/lib/forms';
import {
  acceptInvite,
  createInvite,
  createOrganisation,
  leaveOrganisation,
  makeOwner,
  revokeInvite,
  updateOrganisation,
  type OrganisationUpdate,
} from './mutations';

export async function createOrganisationAction(_previous: FormState<{ id: string }>, formData: FormData) {
  const user = await requireUser('/organisations/new');
  const result = await createOrganisation(user, formData);
  if (!result.ok) return result;
  refresh(); // members see "Your asks" in the header
  redirect(formData.get('then') === 'volunteer' ? '/volunteer/profile?first=1' : `/organisations/${result.data.id}?created=1`);
}

export async function updateOrganisationAction(organisationId: string, _previous: FormState<OrganisationUpdate>, formData: FormData) {
  const user = await requireUser(`/organisations/${organisationId}/edit`);
  const result = await orNotFound(() => updateOrganisation(user, organisationId, formData));
  if (!result.ok) return result;
  redirect(`/organisations/${organisationId}?notice=${result.data.resubmitted ? 'resubmitted' : 'updated'}`);
}

export async function createInviteAction(
  organisationId: string,
  _previous: FormState<{ url: string; expiresAt: Date; emailed: boolean }>,
  formData: FormData,
) {
  const user = await requireUser(`/organisations/${organisationId}`);
  const result = await orNotFound(() => createInvite(user, organisationId, formData));
  refresh();
  return result;
}

export async function revokeInviteAction(organisationId: string, inviteId: string) {
  const user = await requireUser(`/organisations/${organisationId}`);
  await orNotFound(() => revokeInvite(user, organisationId, inviteId));
  redirect(`/organisations/${organisationId}?notice=invite-revoked`);
}

export async function makeOwnerAction(organisationId: string, memberUserId: string) {
  const user = await requireUser(`/organisations/${organisationId}`);
  await orNotFound(() => makeOwner(user, organisationId, memberUserId));
  redirect(`/organisations/${organisationId}?notice=owner-added`);
}

export async function leaveOrganisationAction(organisationId: string, _previous: FormState, _formData: FormData) {
  const user = await requireUser(`/organisations/${organisationId}`);
  const result = await orNotFound(() => leaveOrganisation(user, organisationId));
  if (!result.ok) return result;
  refresh();
  redirect('/dashboard?notice=left-organisation');
}

export async function acceptInviteAction(token: string) {
  const user = await requireUser(`/invites/${token}`, { onboarded: false });
  const result = await acceptInvite(user, token);
  if (!result.ok) redirect(`/invites/${token}?problem=invalid`);
  refresh();
  redirect(`/organisations/${result.organisationId}?notice=${result.alreadyMember ? 'already-member' : 'joined'}`);
}
