'use server';
// Server actions for email: an admin retrying a dead letter, and anyone with a signed link turning a
// kind of email off. Each is a public endpoint: the admin is checked here and again in lib/email/admin.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { formValues, invalid, single, type FormResult, type FormState } from '@/lib/forms';
import { JobQueueNotStarted } from '@/lib/jobs/current';
import { ADMIN_EMAILS_PATH, adminEmailsHref, parseEmailFilters, retryEmail } from './admin';
import { TOPIC_LABELS, unsubscribe } from './unsubscribe';

/** Bound to the email's id by the page; the form's other fields only say which list to return to. */
export async function retryEmailAction(outboxId: string, formData: FormData) {
  const admin = await requireAdmin(ADMIN_EMAILS_PATH);
  const back = parseEmailFilters(formValues(formData));
  let notice: string;
  try {
    const { requeued } = await orNotFound(() => retryEmail(admin, outboxId));
    notice = requeued ? 'retried' : 'not-failed';
  } catch (error) {
    if (!(error instanceof JobQueueNotStarted)) throw error;
    notice = 'queue-down';
  }
  refresh();
  redirect(adminEmailsHref({ ...back, notice }));
}

export type UnsubscribeState = FormState<{ label: string }>;

// Signed tokens are about 80 characters; anything far longer was not made by us.
const MAX_TOKEN_LENGTH = 300;

const BAD_LINK =
  'This unsubscribe link does not work. It may have been cut short when it was copied. You can choose which emails you get on your account page.';

/** From /unsubscribe: the token travels in a hidden field, so opening the link alone changes nothing. */
export async function unsubscribeAction(_previous: UnsubscribeState, formData: FormData): Promise<FormResult<{ label: string }>> {
  const values = formValues(formData);
  const token = single(values, 'token') ?? '';
  const done = token.length <= MAX_TOKEN_LENGTH ? await unsubscribe(db, authSecret(), token) : null;
  if (!done) return invalid(values, {}, BAD_LINK);
  const label = TOPIC_LABELS[done.topic];
  return { ok: true, data: { label }, message: `Done: you will no longer get ${label}.` };
}
