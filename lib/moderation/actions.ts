'use server';
// Server actions for admins.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import type { FormState } from '@/lib/forms';
import { rejectOrganisation, verifyOrganisation } from './organisations';

export async function verifyOrganisationAction(organisationId: string) {
  const admin = await requireAdmin('/admin/organisations');
  await verifyOrganisation(admin, organisationId);
  revalidatePath('/', 'layout');
  redirect('/admin/organisations?notice=verified');
}

export async function rejectOrganisationAction(organisationId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/organisations');
  const result = await rejectOrganisation(admin, organisationId, formData);
  if (!result.ok) return result;
  redirect('/admin/organisations?notice=rejected');
}
