'use server';
// Server actions for invitations. Each is a public endpoint: who is acting comes from the session, and
// lib/invitations decides what they may do with the ask or invitation the bound ids name.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser, requireVolunteer } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { formValues, type FormResult } from '@/lib/forms';
import { declineInvitation, inviteVolunteer } from './mutations';

/**
 * Staff inviting one suggested volunteer (the page binds the ask, the volunteer and the suggestion's
 * score). The bound values are checked like any input: lib/invitations decides who may be invited.
 */
export async function inviteVolunteerAction(
  askId: string,
  volunteerId: string,
  score: number | null,
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult> {
  const user = await requireUser(`/my-asks/${askId}`);
  const input = { ...formValues(formData), volunteerId, ...(score === null ? {} : { score }) };
  const result = await orNotFound(() => inviteVolunteer(user, askId, input));
  if (!result.ok) return result;
  refresh();
  redirect(`/my-asks/${askId}?notice=invited#suggested`);
}

/** The invited volunteer declining, with a reason (bound to the invitation's id). */
export async function declineInvitationAction(invitationId: string, _previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const user = await requireVolunteer('/dashboard');
  const result = await orNotFound(() => declineInvitation(user, invitationId, formData));
  if (!result.ok) return result;
  refresh();
  redirect('/dashboard?notice=invitation-declined');
}
