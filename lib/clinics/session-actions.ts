'use server';
// Server actions for a clinic's session: the volunteer moves or cancels it (an admin may cancel it too) and marks
// who came; a charity gives feedback and books a follow-up. Giving up a seat, also from a moved clinic's email,
// is lib/clinics/actions.ts cancelSeatAction. Each is a public endpoint: who is acting comes from the session,
// and lib/clinics (changes.ts, after.ts) decides what they may do with the clinic or seat the bound id names; a
// refusal is a 404.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormResult } from '@/lib/forms';
import { bookClinicFollowUp, giveClinicFeedback, markAttendance } from './after';
import { cancelClinic, moveClinic } from './changes';

const page = (clinicId: string) => `/clinics/${clinicId}`;

/** The volunteer's new date and time (bound to the clinic's id). */
export async function moveClinicAction(
  clinicId: string,
  _previous: FormResult<unknown> | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireUser(page(clinicId));
  const result = await orNotFound(() => moveClinic(user, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`${page(clinicId)}?notice=moved`);
}

/** The volunteer or an admin calls the clinic off, with a reason (bound to the clinic's id). */
export async function cancelClinicAction(
  clinicId: string,
  _previous: FormResult<unknown> | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireUser(page(clinicId));
  const result = await orNotFound(() => cancelClinic(user, clinicId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`${page(clinicId)}?notice=clinic-cancelled`);
}

/** The volunteer marks whether one charity came (bound to the seat's id; the button sends `attendance`). */
export async function markAttendanceAction(
  seatId: string,
  _previous: FormResult<unknown> | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireUser('/dashboard');
  const result = await orNotFound(() => markAttendance(user, seatId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`${page(result.data.clinicId)}?notice=attendance#seats`);
}

/** A charity's feedback on its seat (bound to the seat's id). */
export async function giveClinicFeedbackAction(
  seatId: string,
  _previous: FormResult<unknown> | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireUser('/dashboard');
  const result = await orNotFound(() => giveClinicFeedback(user, seatId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`${page(result.data.clinicId)}?notice=feedback`);
}

/** A charity books a one-to-one with the volunteer from its seat (bound to the seat's id); off to the new session. */
export async function bookClinicFollowUpAction(
  seatId: string,
  _previous: FormResult<unknown> | null,
  formData: FormData,
): Promise<FormResult<never>> {
  const user = await requireUser('/dashboard');
  const result = await orNotFound(() => bookClinicFollowUp(user, seatId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/meetings/${result.data.meetingId}?notice=booked-again`);
}
