'use server';
// Server actions for blocks. Each is a public endpoint: who is acting comes from the session, and lib/blocks
// decides what they may do with the organisation and volunteer the bound ids name.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser, requireVolunteer } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormResult } from '@/lib/forms';
import { blockOrganisation, blockVolunteer, unblockOrganisation, unblockVolunteer } from './mutations';

/** Where a form came from, when it says so: only a path of our own (never another site). */
function backTo(formData: FormData | undefined, fallback: string): string {
  const value = formData?.get('returnTo');
  return typeof value === 'string' && /^\/[A-Za-z0-9/_-]*$/.test(value) ? value : fallback;
}

/** Staff block a volunteer for their organisation (bound to both ids); the form is on the ask's offers. */
export async function blockVolunteerAction(
  organisationId: string,
  volunteerId: string,
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const user = await requireUser(`/organisations/${organisationId}`);
  const result = await orNotFound(() => blockVolunteer(user, organisationId, volunteerId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`${backTo(formData, `/organisations/${organisationId}`)}?notice=volunteer-blocked`);
}

/** Staff lift their organisation's block (bound to both ids); from the organisation's page. */
export async function unblockVolunteerAction(organisationId: string, volunteerId: string): Promise<void> {
  const user = await requireUser(`/organisations/${organisationId}`);
  await orNotFound(() => unblockVolunteer(user, organisationId, volunteerId));
  refresh();
  redirect(`/organisations/${organisationId}?notice=volunteer-unblocked#blocked-volunteers`);
}

/** A volunteer blocks an organisation (bound to its id); the form is on its asks' pages. */
export async function blockOrganisationAction(
  organisationId: string,
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const user = await requireVolunteer('/dashboard');
  const result = await orNotFound(() => blockOrganisation(user, organisationId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/account?notice=organisation-blocked#blocked-organisations');
}

/** A volunteer lifts their block on an organisation (bound to its id); from their account page. */
export async function unblockOrganisationAction(organisationId: string): Promise<void> {
  const user = await requireVolunteer('/account');
  await orNotFound(() => unblockOrganisation(user, organisationId));
  refresh();
  redirect('/account?notice=organisation-unblocked#blocked-organisations');
}
