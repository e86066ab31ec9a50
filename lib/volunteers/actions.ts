'use server';
// Server actions for a volunteer's own profile.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import type { FormState } from '@/lib/forms';
import { pauseVolunteering, resumeVolunteering, saveVolunteerProfile } from './mutations';

export async function saveVolunteerProfileAction(_previous: FormState, formData: FormData) {
  const user = await requireUser('/volunteer/profile');
  const result = await saveVolunteerProfile(user, formData);
  if (result.ok) refresh();
  return result;
}

export async function pauseVolunteeringAction(_previous: FormState, formData: FormData) {
  const user = await requireUser('/volunteer/profile');
  const result = await pauseVolunteering(user, formData);
  if (result.ok) refresh();
  return result;
}

export async function resumeVolunteeringAction() {
  const user = await requireUser('/volunteer/profile');
  const resumed = await resumeVolunteering(user);
  redirect(resumed ? '/volunteer/profile?notice=resumed' : '/volunteer/profile');
}
