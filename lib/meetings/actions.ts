'use server';
// Server actions for the meeting page. Each is a public endpoint: who is acting comes from the session,
// and lib/meetings decides what they may do with the meeting the bound id names (a stranger gets a 404).
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import type { FormResult, FormState } from '@/lib/forms';
import { answerMove, proposeMove, withdrawMove } from './moves';
import { bookAgain, cancelMeeting, markHeld, reportNoShow } from './mutations';

const page = (meetingId: string) => `/meetings/${meetingId}`;

/** Runs a meeting mutation for the signed-in person; on success refreshes what the browser holds and goes back. */
async function run<T>(
  meetingId: string,
  work: (user: Awaited<ReturnType<typeof requireUser>>) => Promise<FormResult<T>>,
  notice: (data: T) => string,
  { to = () => page(meetingId) }: { to?: (data: T) => string } = {},
): Promise<FormResult<T>> {
  const user = await requireUser(page(meetingId));
  const result = await orNotFound(() => work(user));
  if (!result.ok) return result;
  refresh();
  const target = to(result.data);
  redirect(`${target}?notice=${notice(result.data)}`);
}

export async function proposeMoveAction(meetingId: string, _previous: FormState<{ moveId: string }>, formData: FormData) {
  return run(
    meetingId,
    (user) => proposeMove(user, meetingId, formData),
    () => 'move-proposed',
  );
}

export async function answerMoveAction(meetingId: string, _previous: FormState<{ accepted: boolean }>, formData: FormData) {
  return run(
    meetingId,
    (user) => answerMove(user, meetingId, formData),
    ({ accepted }) => (accepted ? 'moved' : 'move-declined'),
  );
}

export async function withdrawMoveAction(meetingId: string, _previous: FormState, formData: FormData) {
  return run(
    meetingId,
    (user) => withdrawMove(user, meetingId, formData),
    () => 'move-withdrawn',
  );
}

export async function cancelMeetingAction(
  meetingId: string,
  _previous: FormState<{ late: boolean; reopened: boolean }>,
  formData: FormData,
) {
  return run(
    meetingId,
    (user) => cancelMeeting(user, meetingId, formData),
    ({ late, reopened }) => `${late ? 'cancelled-late' : 'cancelled'}${reopened ? '-reopened' : ''}`,
  );
}

export async function markHeldAction(meetingId: string, _previous: FormState, formData: FormData) {
  return run(
    meetingId,
    (user) => markHeld(user, meetingId, formData),
    () => 'held',
  );
}

export async function reportNoShowAction(meetingId: string, _previous: FormState<{ paused: boolean }>, formData: FormData) {
  return run(
    meetingId,
    (user) => reportNoShow(user, meetingId, formData),
    () => 'no-show',
  );
}

export async function bookAgainAction(meetingId: string, _previous: FormState<{ meetingId: string }>, formData: FormData) {
  return run(
    meetingId,
    (user) => bookAgain(user, meetingId, formData),
    () => 'booked-again',
    { to: (data) => page(data.meetingId) },
  );
}
