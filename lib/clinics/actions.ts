'use server';
// Server actions for clinics: the volunteer's form, and a charity's seat. Each is a public endpoint: who is
// acting comes from the session, and lib/clinics decides what they may do with the clinic or seat the bound id
// names (a refusal of someone else's record is a 404). Moderation's actions are in lib/moderation/clinic-actions.ts.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser, requireVolunteer } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormResult } from '@/lib/forms';
import { editClinic, offerClinic, withdrawClinic } from './mutations';
import { bookSeat, cancelSeat, confirmSeat, declineSeat, joinWaitingList } from './seats';

/** The volunteer's form on /clinics/new. */
export async function offerClinicAction(_previous: FormResult<unknown> | null, formData: FormData): Promise<FormResult<never>> {
  const user = await requireVolunteer('/clinics/new');
  const result = await orNotFound(() => offerClinic(user, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${result.data.id}?notice=submitted`);
}

/** The volunteer's form on /clinics/[id]/edit (bound to the clinic's id). */
export async function editClinicAction(
  clinicId: string,
  _previous: FormResult<unknown> | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireVolunteer(`/clinics/${clinicId}/edit`);
  const result = await orNotFound(() => editClinic(user, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${clinicId}?notice=resubmitted`);
}

/** The volunteer takes back a clinic not yet published (bound to its id). */
export async function withdrawClinicAction(
  clinicId: string,
  _previous: FormResult | null,
  _formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireVolunteer(`/clinics/${clinicId}`);
  const result = await orNotFound(() => withdrawClinic(user, clinicId));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${clinicId}?notice=withdrawn`);
}

/** Staff book a seat with their one question (bound to the clinic's id). */
export async function bookSeatAction(clinicId: string, _previous: FormResult | null, formData: FormData): Promise<FormResult<never>> {
  const user = await requireUser(`/clinics/${clinicId}`);
  const result = await orNotFound(() => bookSeat(user, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${clinicId}?notice=booked`);
}

/** Staff join a full clinic's waiting list with their one question (bound to the clinic's id). */
export async function joinWaitingListAction(
  clinicId: string,
  _previous: FormResult | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireUser(`/clinics/${clinicId}`);
  const result = await orNotFound(() => joinWaitingList(user, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${clinicId}?notice=waiting`);
}

/** Staff confirm the seat offered to them from the waiting list (bound to the seat's id). */
export async function confirmSeatAction(seatId: string, _previous: FormResult | null, _formData: FormData): Promise<FormResult<never>> {
  const user = await requireUser('/dashboard');
  const result = await orNotFound(() => confirmSeat(user, seatId));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${result.data.clinicId}?notice=confirmed`);
}

/** Staff say no to the seat offered to them (bound to the seat's id). */
export async function declineSeatAction(seatId: string, _previous: FormResult | null, _formData: FormData): Promise<FormResult<never>> {
  const user = await requireUser('/dashboard');
  const result = await orNotFound(() => declineSeat(user, seatId));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${result.data.clinicId}?notice=declined`);
}

/** Staff give up their seat or their place on the waiting list (bound to the seat's id). */
export async function cancelSeatAction(seatId: string, _previous: FormResult | null, _formData: FormData): Promise<FormResult<never>> {
  const user = await requireUser('/dashboard');
  const result = await orNotFound(() => cancelSeat(user, seatId));
  if (!result.ok) return result;
  refresh();
  redirect(`/clinics/${result.data.clinicId}?notice=given-up`);
}
