'use server';
// Server actions for suspending and reinstating people. Each checks the admin here and again in
// lib/moderation/users.ts, where the data is written; the page binds the user's id on the server.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormState } from '@/lib/forms';
import type { ModerationOutcome } from './users';
import { liftVolunteerPause, reinstateUser, suspendUser } from './users';

/** Back to the list the admin was looking at (its search and page), with a notice. */
function backTo(returnTo: string, notice: string): string {
  const query = new URLSearchParams(returnTo.startsWith('?') ? returnTo.slice(1) : '');
  query.set('notice', notice);
  return `/admin/users?${query.toString()}`;
}

export async function suspendUserAction(userId: string, returnTo: string, _previous: FormState<ModerationOutcome>, formData: FormData) {
  const admin = await requireAdmin('/admin/users');
  const result = await orNotFound(() => suspendUser(admin, userId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(backTo(returnTo, result.data.changed ? 'suspended' : 'already-suspended'));
}

export async function reinstateUserAction(userId: string, returnTo: string) {
  const admin = await requireAdmin('/admin/users');
  const { changed } = await orNotFound(() => reinstateUser(admin, userId));
  refresh();
  redirect(backTo(returnTo, changed ? 'reinstated' : 'already-active'));
}

export async function liftVolunteerPauseAction(userId: string, returnTo: string) {
  const admin = await requireAdmin('/admin/users');
  const { changed } = await orNotFound(() => liftVolunteerPause(admin, userId));
  refresh();
  redirect(backTo(returnTo, changed ? 'unpaused' : 'not-paused'));
}
