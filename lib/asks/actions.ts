'use server';
// Server actions for asks. Each is a public endpoint: who is acting comes from the session, and
// lib/asks decides what they may do with the ask the bound id names.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormState } from '@/lib/forms';
import { saveAsk, splitAskIntoStages, withdrawAsk, type AskFormResult } from './mutations';

/** The ask form for a new ask: check with the coach, save as a draft, or submit for review. */
export async function createAskAction(previous: AskFormResult | null, formData: FormData): Promise<AskFormResult> {
  return saveAskAction(null, previous, formData);
}

/** The ask form for an existing ask (bound to its id). */
export async function saveAskAction(askId: string | null, _previous: AskFormResult | null, formData: FormData): Promise<AskFormResult> {
  const user = await requireUser(askId ? `/my-asks/${askId}/edit` : '/my-asks/new');
  const result = await orNotFound(() => saveAsk(user, askId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/my-asks/${result.data.id}?notice=${result.data.submitted ? 'submitted' : 'saved'}`);
}

export async function withdrawAskAction(askId: string, _previous: FormState, formData: FormData) {
  const user = await requireUser(`/my-asks/${askId}`);
  const result = await orNotFound(() => withdrawAsk(user, askId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/my-asks/${askId}?notice=withdrawn`);
}

export async function splitAskAction(askId: string, _previous: FormState<{ projectId: string; firstStageId: string }>, formData: FormData) {
  const user = await requireUser(`/my-asks/${askId}/split`);
  const result = await orNotFound(() => splitAskIntoStages(user, askId, formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/my-asks/${result.data.firstStageId}?notice=split`);
}
