// Writing feedback after a session and answering the two-week practice check. Who is writing decides
// which side's feedback it is: the meeting's volunteer gives the volunteer's, a member of the meeting's
// organisation the charity's. One feedback per person and one per side are unique indexes, so two
// submissions at once (two tabs, two colleagues) leave one row and the other person a clear message.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import type { MeetingParty } from '@/lib/generated/prisma/client';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { partyOf } from './queries';
import { charityFeedbackSchema, practiceCheckSchema, volunteerFeedbackSchema } from './schema';

/** The words a person sees when their side's feedback already exists: who gave it, if it was a colleague. */
async function alreadyGivenMessage(actor: Actor, meetingId: string, party: MeetingParty): Promise<string> {
  const existing = await db.feedback.findFirst({
    where: { meetingId, OR: [{ authorId: actor.id }, { party }] },
    select: { authorId: true, author: { select: { name: true } } },
  });
  if (!existing || existing.authorId === actor.id) return 'Feedback for this session has already been given: you gave it earlier.';
  const name = existing.author?.name?.trim();
  return name
    ? `Feedback for this session has already been given by your colleague ${name}.`
    : 'Feedback for this session has already been given by a colleague.';
}

/**
 * Gives the actor's side's feedback on a HELD meeting. The volunteer sends wellScoped (yes/no), an
 * optional rating and a private comment; staff send a rating, what they will change and a thank-you,
 * which is emailed to the volunteer. Admins (who are not a party) and outsiders get AccessDenied.
 */
export async function giveFeedback(
  actor: Actor,
  meetingId: string,
  input: FormData | Record<string, unknown>,
): Promise<FormResult<{ id: string }>> {
  assertActive(actor);
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      status: true,
      volunteerId: true,
      ask: { select: { title: true } },
      organisation: { select: { name: true, memberships: { where: { userId: actor.id }, select: { id: true } } } },
      volunteer: { select: { email: true, status: true } },
    },
  });
  if (!meeting) throw new AccessDenied();
  const party = partyOf(actor, meeting);
  if (!party) throw new AccessDenied('Only the two sides of a session give feedback on it');

  const values = formValues(input);
  const parsed = party === 'CHARITY' ? parseForm(charityFeedbackSchema, values) : parseForm(volunteerFeedbackSchema, values);
  if (!parsed.ok) return parsed.result;
  if (meeting.status !== 'HELD') {
    return invalid(values, {}, 'You can give feedback once the session has been marked as held.');
  }
  const data = parsed.data;
  const columns =
    'changes' in data
      ? { rating: data.rating, changes: data.changes, thanks: data.thanks }
      : { rating: data.rating, wellScoped: data.wellScoped, comment: data.comment };

  try {
    const id = await db.$transaction(async (tx) => {
      const feedback = await tx.feedback.create({
        data: { meetingId, authorId: actor.id, party, ...columns },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'feedback.give',
        target: { type: 'Feedback', id: feedback.id },
        data: { meetingId, party },
      });
      if (party === 'CHARITY' && columns.thanks && meeting.volunteer.status === 'ACTIVE') {
        await queueEmail(tx, {
          to: meeting.volunteer.email,
          userId: meeting.volunteerId,
          dedupeKey: `thank-you:${feedback.id}`,
          message: {
            kind: 'thank-you-received',
            data: {
              askTitle: meeting.ask.title,
              organisationName: meeting.organisation.name,
              thanks: columns.thanks,
              url: `${appUrl()}/volunteer/impact`,
            },
          },
        });
      }
      return feedback.id;
    });
    return { ok: true, data: { id }, message: 'Thank you: your feedback has been saved.' };
  } catch (error) {
    // The loser of a race (a second tab, a colleague at the same moment) fails a unique index; the
    // transaction has rolled back, so nothing of it, email included, was written.
    if (isUniqueViolation(error)) return invalid(values, {}, await alreadyGivenMessage(actor, meetingId, party));
    throw error;
  }
}

/**
 * The charity's answer to "did you put it into practice?": staff of the meeting's organisation only, once
 * (PENDING -> DONE is a conditional update, so a colleague answering at the same moment cannot overwrite).
 */
export async function answerPracticeCheck(
  actor: Actor,
  followUpId: string,
  input: FormData | Record<string, unknown>,
  now = new Date(),
): Promise<FormResult> {
  assertActive(actor);
  const staffWhere = {
    id: followUpId,
    kind: 'PRACTICE_CHECK' as const,
    meeting: { organisation: { memberships: { some: { userId: actor.id } } } },
  };
  const check = await db.followUp.findFirst({ where: staffWhere, select: { id: true, status: true, meetingId: true } });
  if (!check) throw new AccessDenied();

  const values = formValues(input);
  const parsed = parseForm(practiceCheckSchema, values);
  if (!parsed.ok) return parsed.result;
  const already = 'This has already been answered. Thank you: the volunteer can see the answer.';
  if (check.status !== 'PENDING') return invalid(values, {}, already);

  return db.$transaction(async (tx) => {
    const { count } = await tx.followUp.updateMany({
      where: { ...staffWhere, status: 'PENDING' },
      data: { status: 'DONE', practiceOutcome: parsed.data.outcome, response: parsed.data.response, respondedAt: now },
    });
    if (count === 0) return invalid(values, {}, already);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'practice-check.answer',
      target: { type: 'FollowUp', id: check.id },
      data: {
        meetingId: check.meetingId,
        outcome: parsed.data.outcome,
      },
    });
    return { ok: true as const, data: undefined, message: 'Thank you: the volunteer can now see your answer.' };
  });
}
