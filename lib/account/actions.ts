'use server';
// Server actions for a person's own account: guard, then lib/account does the work.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import { refresh } from 'next/cache';
import { SESSION_COOKIES } from '@/lib/auth/session';
import type { FormState } from '@/lib/forms';
import { completeOnboarding, deleteAccount, updateAccount } from './mutations';

export async function completeOnboardingAction(_previous: FormState<{ next: string }>, formData: FormData) {
  const user = await requireUser('/onboarding', { onboarded: false });
  const result = await completeOnboarding(user, formData);
  if (!result.ok) return result;
  refresh(); // the header shows their name
  redirect(result.data.next);
}

export async function updateAccountAction(_previous: FormState, formData: FormData) {
  const user = await requireUser('/account');
  const result = await updateAccount(user, formData);
  if (result.ok) refresh(); // the header shows their name
  return result;
}

export async function deleteAccountAction(_previous: FormState, formData: FormData) {
  const user = await requireUser('/account');
  const result = await deleteAccount(user, formData);
  if (!result.ok) return result;
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect('/?account-deleted=1');
}
