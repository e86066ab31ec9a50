'use server';
// Server actions for admins moderating clinics in the asks queue (/admin/asks). Each checks the admin here and
// again in lib/moderation/clinics.ts, where the decision is written.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormState } from '@/lib/forms';
import { approveClinic, rejectClinic, requestClinicChanges } from './clinics';

export async function approveClinicAction(clinicId: string, _previous: FormState, _formData: FormData) {
  const admin = await requireAdmin('/admin/asks');
  const result = await orNotFound(() => approveClinic(admin, clinicId));
  if (!result.ok) return result;
  refresh();
  redirect('/admin/asks?notice=clinic-approved');
}

export async function requestClinicChangesAction(clinicId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/asks');
  const result = await orNotFound(() => requestClinicChanges(admin, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/admin/asks?notice=clinic-changes-requested');
}

export async function rejectClinicAction(clinicId: string, _previous: FormState, formData: FormData) {
  const admin = await requireAdmin('/admin/asks');
  const result = await orNotFound(() => rejectClinic(admin, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/admin/asks?notice=clinic-rejected');
}
