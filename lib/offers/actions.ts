'use server';
// Server actions for offers. Each is a public endpoint: who is acting comes from the session, and
// lib/offers decides what they may do with the ask or offer the bound id names.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser, requireVolunteer } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormResult } from '@/lib/forms';
import { acceptOffer, declineOffer, makeOffer, withdrawOffer } from './mutations';

/** The offer form on /asks/[id]/offer (bound to the ask's id). */
export async function makeOfferAction(askId: string, _previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const user = await requireVolunteer(`/asks/${askId}/offer`);
  const result = await orNotFound(() => makeOffer(user, askId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/asks/${askId}/offer?notice=offered`);
}

/** Withdrawing one's own waiting offer (bound to the offer's id). */
export async function withdrawOfferAction(offerId: string, _previous: FormResult | null, _formData: FormData): Promise<FormResult> {
  const user = await requireVolunteer('/dashboard');
  const result = await orNotFound(() => withdrawOffer(user, offerId));
  if (!result.ok) return result;
  refresh();
  redirect(`/asks/${result.data.askId}/offer?notice=withdrawn`);
}

/** Staff accepting an offer at one of its times (bound to the offer's id); on to the booked meeting. */
export async function acceptOfferAction(offerId: string, _previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const user = await requireUser('/my-asks');
  const result = await orNotFound(() => acceptOffer(user, offerId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/meetings/${result.data.meetingId}?notice=booked`);
}

/** Staff declining an offer (bound to the offer's id). */
export async function declineOfferAction(offerId: string, _previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const user = await requireUser('/my-asks');
  const result = await orNotFound(() => declineOffer(user, offerId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/my-asks/${result.data.askId}/offers?notice=declined`);
}
