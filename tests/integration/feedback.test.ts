// Feedback after a session and the two-week practice check, through the same lib functions the meeting
// page's forms call: who may give which side's feedback, once; what each side then sees; the thank-you
// email queued once; and races (a double click, two colleagues at once) leaving one row and a clear answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { answerPracticeCheck, giveFeedback } from '@/lib/feedback/mutations';
import { meetingFeedbackView } from '@/lib/feedback/queries';
import type { EmailData } from '@/lib/email/messages';
import { createUser, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';

withJobQueue();

type User = Awaited<ReturnType<typeof createUser>>;
const DAY = 86_400_000;

let owner: User, colleague: User, volunteer: User, otherVolunteer: User, outsider: User, admin: User;
let ask: { id: string; organisationId: string };
let slot = 0;

/** A meeting with the volunteer, each on its own day so none overlap (the exclusion constraint). */
async function meeting(status: 'HELD' | 'SCHEDULED' | 'CANCELLED' = 'HELD') {
  slot += 1;
  const startsAt = new Date(Date.now() - slot * DAY - 3_600_000);
  return createBookedMeeting(db, ask, volunteer.id, startsAt, new Date(startsAt.getTime() - 5 * DAY), { status });
}

const charityInput = { rating: '5', changes: 'We will split the cashbook by fund.', thanks: 'Thank you, Aisha: you made it make sense!' };
const volunteerInput = { wellScoped: 'no', rating: '4', comment: 'The question was really three questions.' };

const thankYous = (feedbackId?: string) =>
  db.emailOutbox.findMany({
    where: { kind: 'thank-you-received', userId: volunteer.id, ...(feedbackId ? { dedupeKey: `thank-you:${feedbackId}` } : {}) },
  });

beforeAll(async () => {
  const charity = await createCharity(db, { organisation: { name: 'Hillside Carers' }, owner: { name: 'Priya Shah' } });
  owner = charity.owner;
  colleague = await addMember(db, charity.organisation.id, { name: 'Tom Reed' });
  volunteer = await createVolunteer(db, { name: 'Aisha Khan' });
  otherVolunteer = await createVolunteer(db);
  outsider = (await createCharity(db)).owner;
  admin = await createUser(db, { role: 'ADMIN' });
  ask = await createAskBy(db, charity.organisation.id, owner.id, { title: 'Check our cashbook for restricted funds', status: 'COMPLETED' });
});

describe('giving feedback', () => {
  it('takes the charity’s rating, changes and thank-you, and emails the thank-you to the volunteer once', async () => {
    const held = await meeting();
    const result = await giveFeedback(owner, held.id, charityInput);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;

    const rows = await db.feedback.findMany({ where: { meetingId: held.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        id: result.data.id,
        authorId: owner.id,
        party: 'CHARITY',
        rating: 5,
        changes: charityInput.changes,
        thanks: charityInput.thanks,
        wellScoped: null,
        comment: null,
      }),
    ]);
    const emails = await thankYous(result.data.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: volunteer.email, status: 'PENDING' });
    expect(emails[0]!.data).toEqual({
      askTitle: 'Check our cashbook for restricted funds',
      organisationName: 'Hillside Carers',
      thanks: charityInput.thanks,
      url: `${appUrl()}/volunteer/impact`,
    } satisfies EmailData<'thank-you-received'>);
    expect(await db.auditLog.count({ where: { action: 'feedback.give', entityId: result.data.id, actorId: owner.id } })).toBe(1);
  });

  it('sends no email when the charity writes no thank-you', async () => {
    const held = await meeting();
    const before = (await thankYous()).length;
    const result = await giveFeedback(colleague, held.id, { rating: '3', changes: '', thanks: '   ' });
    expect(result.ok).toBe(true);
    expect(await db.feedback.findFirstOrThrow({ where: { meetingId: held.id } })).toMatchObject({ rating: 3, changes: null, thanks: null });
    expect(await thankYous()).toHaveLength(before);
  });

  it('takes the volunteer’s well-scoped answer, optional rating and private note', async () => {
    const held = await meeting();
    const result = await giveFeedback(volunteer, held.id, volunteerInput);
    expect(result.ok).toBe(true);
    expect(await db.feedback.findFirstOrThrow({ where: { meetingId: held.id } })).toMatchObject({
      party: 'VOLUNTEER',
      authorId: volunteer.id,
      wellScoped: false,
      rating: 4,
      comment: volunteerInput.comment,
      thanks: null,
    });
    const again = await meeting();
    expect(await giveFeedback(volunteer, again.id, { wellScoped: 'yes' })).toMatchObject({ ok: true });
    expect(await db.feedback.findFirstOrThrow({ where: { meetingId: again.id } })).toMatchObject({
      wellScoped: true,
      rating: null,
      comment: null,
    });
  });

  it('shows each problem beside its field and keeps what was typed', async () => {
    const held = await meeting();
    const charity = await giveFeedback(owner, held.id, { rating: '', changes: 'x'.repeat(2001), thanks: 'Kept' });
    expect(charity).toMatchObject({ ok: false, values: { thanks: 'Kept' } });
    if (charity.ok) return;
    expect(charity.fieldErrors.rating).toEqual(['Choose a rating from 1 to 5.']);
    expect(charity.fieldErrors.changes).toBeDefined();
    expect(await giveFeedback(owner, held.id, { ...charityInput, rating: '7' })).toMatchObject({
      ok: false,
      fieldErrors: { rating: expect.any(Array) },
    });
    const mine = await giveFeedback(volunteer, held.id, { comment: 'Kept too' });
    expect(mine).toMatchObject({
      ok: false,
      fieldErrors: { wellScoped: ['Say whether the ask was well scoped.'] },
      values: { comment: 'Kept too' },
    });
    expect(await db.feedback.count({ where: { meetingId: held.id } })).toBe(0);
  });

  it('waits until the session has been marked as held', async () => {
    for (const status of ['SCHEDULED', 'CANCELLED'] as const) {
      const notHeld = await meeting(status);
      expect(await giveFeedback(owner, notHeld.id, charityInput)).toMatchObject({
        ok: false,
        formError: 'You can give feedback once the session has been marked as held.',
      });
      expect(await giveFeedback(volunteer, notHeld.id, volunteerInput)).toMatchObject({ ok: false });
      expect(await db.feedback.count({ where: { meetingId: notHeld.id } })).toBe(0);
    }
  });

  it('refuses anyone who is not on either side, admins included, as if the meeting did not exist', async () => {
    const held = await meeting();
    for (const [who, input] of [
      [outsider, charityInput],
      [otherVolunteer, volunteerInput],
      [admin, charityInput],
    ] as const) {
      await expect(giveFeedback(who, held.id, input)).rejects.toBeInstanceOf(AccessDenied);
    }
    await expect(giveFeedback(owner, 'no-such-meeting', charityInput)).rejects.toBeInstanceOf(AccessDenied);
    const suspended = await createUser(db, { status: 'SUSPENDED' });
    await expect(giveFeedback(suspended, held.id, charityInput)).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.feedback.count({ where: { meetingId: held.id } })).toBe(0);
  });

  it('refuses a second feedback from the same person', async () => {
    const held = await meeting();
    expect((await giveFeedback(volunteer, held.id, volunteerInput)).ok).toBe(true);
    expect(await giveFeedback(volunteer, held.id, { wellScoped: 'yes' })).toMatchObject({
      ok: false,
      formError: 'Feedback for this session has already been given: you gave it earlier.',
      values: { wellScoped: 'yes' },
    });
    expect(await db.feedback.findMany({ where: { meetingId: held.id } })).toMatchObject([{ wellScoped: false }]);
  });

  it('refuses a colleague’s second charity feedback, naming who gave it', async () => {
    const held = await meeting();
    expect((await giveFeedback(owner, held.id, charityInput)).ok).toBe(true);
    expect(await giveFeedback(colleague, held.id, { rating: '1', thanks: 'Another note' })).toMatchObject({
      ok: false,
      formError: 'Feedback for this session has already been given by your colleague Priya Shah.',
    });
    expect(await db.feedback.findMany({ where: { meetingId: held.id } })).toMatchObject([{ authorId: owner.id, rating: 5 }]);
    // The other side is still free to give theirs.
    expect((await giveFeedback(volunteer, held.id, volunteerInput)).ok).toBe(true);
  });

  it('keeps one row and queues one thank-you when the same form is sent twice at once', async () => {
    const held = await meeting();
    const before = (await thankYous()).length;
    const results = await Promise.all([giveFeedback(owner, held.id, charityInput), giveFeedback(owner, held.id, charityInput)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ formError: expect.stringContaining('already been given') });
    const rows = await db.feedback.findMany({ where: { meetingId: held.id } });
    expect(rows).toHaveLength(1);
    expect(await thankYous(rows[0]!.id)).toHaveLength(1);
    // The loser's transaction rolled back, its email with it.
    expect(await thankYous()).toHaveLength(before + 1);
  });

  it('keeps one charity feedback when two colleagues send theirs at once', async () => {
    const held = await meeting();
    const results = await Promise.all([
      giveFeedback(owner, held.id, { ...charityInput, thanks: 'From Priya' }),
      giveFeedback(colleague, held.id, { ...charityInput, thanks: 'From Tom' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const rows = await db.feedback.findMany({ where: { meetingId: held.id } });
    expect(rows).toHaveLength(1);
    const winner = rows[0]!.authorId === owner.id ? 'Priya Shah' : 'Tom Reed';
    expect(results.find((result) => !result.ok)).toMatchObject({
      formError: `Feedback for this session has already been given by your colleague ${winner}.`,
    });
    const emails = await db.emailOutbox.findMany({ where: { kind: 'thank-you-received', dedupeKey: `thank-you:${rows[0]!.id}` } });
    expect(emails).toHaveLength(1);
    expect(
      await db.emailOutbox.count({
        where: { kind: 'thank-you-received', data: { path: ['thanks'], equals: winner === 'Tom Reed' ? 'From Priya' : 'From Tom' } },
      }),
    ).toBe(0);
  });
});

describe('the practice check', () => {
  async function checkOn(meetingId: string) {
    return db.followUp.create({ data: { meetingId, kind: 'PRACTICE_CHECK', dueAt: new Date(Date.now() - DAY) } });
  }

  it('is answered by staff of the meeting’s organisation, once', async () => {
    const held = await meeting();
    const check = await checkOn(held.id);
    for (const who of [volunteer, otherVolunteer, outsider, admin]) {
      await expect(answerPracticeCheck(who, check.id, { outcome: 'YES' })).rejects.toBeInstanceOf(AccessDenied);
    }
    expect(await answerPracticeCheck(colleague, check.id, { outcome: 'MAYBE', response: 'Kept' })).toMatchObject({
      ok: false,
      fieldErrors: { outcome: ['Choose yes, partly or not yet.'] },
      values: { response: 'Kept' },
    });
    expect(await answerPracticeCheck(colleague, check.id, { outcome: 'PARTLY', response: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      fieldErrors: { response: expect.any(Array) },
    });

    const answered = await answerPracticeCheck(colleague, check.id, {
      outcome: 'PARTLY',
      response: 'We split the funds; the budget is next.',
    });
    expect(answered).toMatchObject({ ok: true });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({
      status: 'DONE',
      practiceOutcome: 'PARTLY',
      response: 'We split the funds; the budget is next.',
      respondedAt: expect.any(Date),
    });
    expect(await answerPracticeCheck(owner, check.id, { outcome: 'NOT_YET' })).toMatchObject({
      ok: false,
      formError: expect.stringContaining('already been answered'),
    });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ practiceOutcome: 'PARTLY' });
    expect(await db.auditLog.count({ where: { action: 'practice-check.answer', entityId: check.id } })).toBe(1);
  });

  it('takes one answer when two colleagues answer at once', async () => {
    const held = await meeting();
    const check = await checkOn(held.id);
    const results = await Promise.all([
      answerPracticeCheck(owner, check.id, { outcome: 'YES' }),
      answerPracticeCheck(colleague, check.id, { outcome: 'NOT_YET' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? 'YES' : 'NOT_YET';
    expect(await db.followUp.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ status: 'DONE', practiceOutcome: winner });
    expect(await db.auditLog.count({ where: { action: 'practice-check.answer', entityId: check.id } })).toBe(1);
  });
});

describe('what each side sees', () => {
  it('shows the charity’s feedback to both sides, and the volunteer’s private answers only to the volunteer and admins', async () => {
    const held = await meeting();
    expect(await meetingFeedbackView(owner, held.id)).toMatchObject({
      canGiveFeedback: true,
      charityFeedback: null,
      volunteerFeedback: null,
    });
    await giveFeedback(owner, held.id, charityInput);
    await giveFeedback(volunteer, held.id, volunteerInput);
    const check = await db.followUp.create({ data: { meetingId: held.id, kind: 'PRACTICE_CHECK', dueAt: new Date() } });

    const staffView = await meetingFeedbackView(colleague, held.id);
    expect(staffView).toMatchObject({
      viewerParty: 'CHARITY',
      canGiveFeedback: false,
      canAnswerPracticeCheck: true,
      charityFeedback: { rating: 5, changes: charityInput.changes, thanks: charityInput.thanks, authorName: 'Priya Shah' },
      volunteerFeedback: { visible: false },
      practiceCheck: { id: check.id, status: 'PENDING' },
    });
    const seenByStaff = JSON.stringify(staffView);
    expect(seenByStaff).not.toContain(volunteerInput.comment);
    expect(seenByStaff).not.toContain('wellScoped');
    expect(Object.keys(staffView.volunteerFeedback!)).toEqual(['visible', 'givenAt']);

    for (const who of [volunteer, admin]) {
      const view = await meetingFeedbackView(who, held.id);
      expect(view).toMatchObject({
        canAnswerPracticeCheck: false,
        charityFeedback: { thanks: charityInput.thanks },
        volunteerFeedback: { visible: true, wellScoped: false, rating: 4, comment: volunteerInput.comment },
      });
    }
    expect(await meetingFeedbackView(volunteer, held.id)).toMatchObject({ viewerParty: 'VOLUNTEER', canGiveFeedback: false });
    expect(await meetingFeedbackView(admin, held.id)).toMatchObject({ viewerParty: null, canGiveFeedback: false });

    await answerPracticeCheck(owner, check.id, { outcome: 'YES', response: 'Our treasurer uses it every month.' });
    expect((await meetingFeedbackView(volunteer, held.id)).practiceCheck).toMatchObject({
      status: 'DONE',
      outcome: 'YES',
      response: 'Our treasurer uses it every month.',
    });

    for (const who of [outsider, otherVolunteer]) {
      await expect(meetingFeedbackView(who, held.id)).rejects.toBeInstanceOf(AccessDenied);
    }
  });
});
