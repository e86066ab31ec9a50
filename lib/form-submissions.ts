// A create form posted twice (a double click, a slow connection's retry, the back button and the same form sent
// again) creates once (docs/decisions/0022). The page renders the form with a one-time id (SUBMISSION_FIELD);
// the create writes it in its own transaction, unique per person and form, and a later or concurrent post of
// the same id gets the first post's result: the same redirect, the same message.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { single, SUBMISSION_FIELD, type FormValues } from '@/lib/form-values';

export { SUBMISSION_FIELD };

/** The forms that create something a second post would create again. */
export type SubmissionKind = 'ask' | 'organisation' | 'organisation-invite' | 'clinic';

/** One post of a create form: who sent it, which form, and the id its page rendered in it. */
export interface Submission {
  userId: string;
  kind: SubmissionKind;
  token: string;
}

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new one-time id for a create form a page is rendering. */
export function newSubmissionToken(): string {
  return randomUUID();
}

/** The post's submission, or null when it carries no id we could have made (a form from before, an API client). */
export function submissionOf(userId: string, kind: SubmissionKind, values: FormValues): Submission | null {
  const token = single(values, SUBMISSION_FIELD);
  return token && TOKEN.test(token) ? { userId, kind, token } : null;
}

async function firstResult(submission: Submission): Promise<string | null> {
  const found = await db.formSubmission.findUnique({ where: { userId_kind_token: submission }, select: { resultId: true } });
  return found?.resultId ?? null;
}

/** Writes the submission with what it created, in the create's transaction (nothing without a submission). */
export async function recordSubmission(tx: Prisma.TransactionClient, submission: Submission | null, resultId: string): Promise<void> {
  if (submission) await tx.formSubmission.create({ data: { ...submission, resultId } });
}

/**
 * Runs `create` (whose transaction calls recordSubmission) once per submission: when the same form was posted
 * before, or is committed by a concurrent post while this one runs (the unique key makes this transaction wait
 * for that one, then fail), returns `again` of the first post's result instead.
 */
export async function createOnce<T>(
  submission: Submission | null,
  create: () => Promise<T>,
  again: (resultId: string) => Promise<T>,
): Promise<T> {
  if (!submission) return create();
  const earlier = await firstResult(submission);
  if (earlier) return again(earlier);
  try {
    return await create();
  } catch (error) {
    const first = await firstResult(submission);
    if (first) return again(first);
    throw error;
  }
}
