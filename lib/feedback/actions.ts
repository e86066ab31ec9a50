'use server';
// Server actions for feedback and the practice check. Each is a public endpoint: who is acting comes
// from the session, and lib/feedback decides what they may do with the meeting or check the bound id names.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormResult, FormState } from '@/lib/forms';
import { answerPracticeCheck, giveFeedback } from './mutations';

/** Either side's feedback on a held meeting (bound to the meeting's id by the page). */
export async function giveFeedbackAction(
  meetingId: string,
  _previous: FormState<{ id: string }>,
  formData: FormData,
): Promise<FormResult<{ id: string }>> {
  const user = await requireUser(`/meetings/${meetingId}`);
  const result = await orNotFound(() => giveFeedback(user, meetingId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/meetings/${meetingId}#feedback`);
}

/** The charity's answer to "did you put it into practice?" (bound to the check's and its meeting's ids). */
export async function answerPracticeCheckAction(
  followUpId: string,
  meetingId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormResult> {
  const user = await requireUser(`/meetings/${meetingId}`);
  const result = await orNotFound(() => answerPracticeCheck(user, followUpId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/meetings/${meetingId}#practice-check`);
}
