'use server';
// Server actions for admins: verifying organisations and moderating asks. Each checks the admin here
// and again in lib/moderation, where the data is written.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormState } from '@/lib/forms';
import { approveAsk, rejectAsk, requestAskChanges } from './asks';
import { rejectOrganisation, verifyOrganisation } from './organisations';
import { vouchForOrganisation } from './vouching';

export async function verifyOrganisationAction(organisationId: string) {
  const admin = await requireAdmin('/admin/organisations');
  await orNotFound(() => verifyOrganisation(admin, organisationId));
  refresh();
  redirect('/admin/organisations?notice=verified');
}

export async function rejectOrganisationAction(organisationId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/organisations');
  const result = await orNotFound(() => rejectOrganisation(admin, organisationId, formData));
  if (!result.ok) return result;
  redirect('/admin/organisations?notice=rejected');
}

/** An admin vouches for a community group with no registration number (bound to its id), with a note of why. */
export async function vouchOrganisationAction(organisationId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/organisations');
  const result = await orNotFound(() => vouchForOrganisation(admin, organisationId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/admin/organisations?notice=vouched#vouched');
}

export async function approveAskAction(askId: string, _previous: FormState, _formData: FormData) {
  const admin = await requireAdmin('/admin/asks');
  const result = await orNotFound(() => approveAsk(admin, askId));
  if (!result.ok) return result;
  refresh();
  redirect(`/admin/asks?notice=${result.data.published ? 'approved' : 'approved-waiting'}`);
}

export async function requestAskChangesAction(askId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/asks');
  const result = await orNotFound(() => requestAskChanges(admin, askId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/admin/asks?notice=changes-requested');
}

export async function rejectAskAction(askId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/asks');
  const result = await orNotFound(() => rejectAsk(admin, askId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/admin/asks?notice=rejected');
}
