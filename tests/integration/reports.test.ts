// Reports, through the lib functions the pages' actions call: anyone signed in reports what they can see (once
// while it is open: the database refuses a second, even two at once); an admin resolves it with a note, and of two
// admins at once exactly one wins. Hiding takes the content off every public read and tells its author why;
// warnings count towards the review queue with no-shows and late cancellations.
import { describe, expect, it } from 'vitest';
import { openAskWhere } from '@/lib/asks/listed';
import { getAskForStaff, getPublicAsk } from '@/lib/asks/queries';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { meetingFeedbackView } from '@/lib/feedback/queries';
import { listOffersForStaff } from '@/lib/offers/queries';
import { ALREADY_REPORTED, ALREADY_RESOLVED, createReport, resolveReport } from '@/lib/reports/mutations';
import { countOpenReports, listOpenReports, listPeopleToReview } from '@/lib/reports/queries';
import { createOffer, createUser, createVolunteer } from '../support/factories';
import { addMember, createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';
import { withJobQueue } from '../support/jobs';

withJobQueue();

const DAY = 86_400_000;
const HIDE_NOTE = 'This ask sells paid consultancy, which HalfHour does not allow.';

async function world() {
  const admin = await createUser(db, { name: 'Ada Admin', role: 'ADMIN' });
  const otherAdmin = await createUser(db, { name: 'Bea Admin', role: 'ADMIN' });
  const { organisation, owner } = await createCharity(db, { owner: { name: 'Olu Owner' } });
  const author = await addMember(db, organisation.id, { name: 'Amir Author' });
  const ask = await createAskBy(db, organisation.id, author.id, { title: 'Buy our consultancy package', question: 'Who wants to pay us?' });
  const reporter = await createVolunteer(db, { name: 'Rita Reporter' });
  return { admin, otherAdmin, organisation, owner, author, ask, reporter };
}

const emails = (kind: string, userId: string) => db.emailOutbox.findMany({ where: { kind, userId }, orderBy: { createdAt: 'asc' } });

describe('reporting', () => {
  it('keeps the ask as it was, names its author as the subject, tells the reporter it arrived, and records it', async () => {
    const { ask, author, reporter } = await world();
    const result = await createReport(reporter, 'ASK', ask.id, { reason: 'SPAM', details: 'It is an advert.' });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    // The author edits it afterwards: the snapshot is what the reporter saw.
    await db.ask.update({ where: { id: ask.id }, data: { question: 'Something innocent now.' } });
    const report = await db.report.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(report).toMatchObject({ status: 'OPEN', reason: 'SPAM', subjectUserId: author.id, reporterId: reporter.id });
    expect(JSON.stringify(report.snapshot)).toContain('Who wants to pay us?');
    expect((await emails('report-received', reporter.id)).length).toBe(1);
    // The reported person hears nothing of it.
    expect(await db.emailOutbox.count({ where: { userId: author.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'report.create', entityId: report.id, actorId: reporter.id } })).toBe(1);
  });

  it('refuses a second open report of the same thing by the same person, even two sent at once', async () => {
    const { ask, reporter, owner } = await world();
    const [first, second] = await Promise.all([
      createReport(reporter, 'ASK', ask.id, { reason: 'SPAM' }),
      createReport(reporter, 'ASK', ask.id, { reason: 'MISLEADING' }),
    ]);
    const results = [first, second];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, formError: ALREADY_REPORTED });
    expect(await createReport(reporter, 'ASK', ask.id, { reason: 'OTHER' })).toMatchObject({ ok: false, formError: ALREADY_REPORTED });
    expect(await db.report.count({ where: { targetId: ask.id } })).toBe(1);
    // Someone else may still report it.
    const other = await createVolunteer(db);
    expect(await createReport(other, 'ASK', ask.id, { reason: 'SPAM' })).toMatchObject({ ok: true });
    // The database says so, not only the code: a second OPEN row by the same reporter cannot be written.
    await expect(
      db.report.create({ data: { reporterId: reporter.id, targetType: 'ASK', targetId: ask.id, reason: 'SPAM' } }),
    ).rejects.toThrow();
    expect(owner.id).toBeTruthy();
  });

  it('refuses what the reporter cannot see, their own organisation’s content and a missing reason', async () => {
    const { ask, author, organisation, reporter } = await world();
    const draft = await createAskBy(db, organisation.id, author.id, { status: 'DRAFT', publishedAt: null });
    await expect(createReport(reporter, 'ASK', draft.id, { reason: 'SPAM' })).rejects.toBeInstanceOf(AccessDenied);
    expect(await createReport(author, 'ASK', ask.id, { reason: 'SPAM' })).toMatchObject({ ok: false });
    expect(await createReport(reporter, 'ASK', ask.id, {})).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    // An offer's message is for the ask's staff only; a volunteer profile for charity staff.
    const offer = await createOffer(db, ask.id, reporter.id);
    const stranger = await createVolunteer(db);
    await expect(createReport(stranger, 'OFFER', offer.id, { reason: 'ABUSIVE' })).rejects.toBeInstanceOf(AccessDenied);
    await expect(createReport(stranger, 'USER', reporter.id, { reason: 'ABUSIVE' })).rejects.toBeInstanceOf(AccessDenied);
    expect(await createReport(author, 'OFFER', offer.id, { reason: 'ABUSIVE' })).toMatchObject({ ok: true });
    expect(await createReport(author, 'USER', reporter.id, { reason: 'ABUSIVE' })).toMatchObject({ ok: true });
    expect(await db.report.count({ where: { targetId: { in: [draft.id, ask.id] } } })).toBe(0);
  });
});

describe('resolving', () => {
  it('hides the ask from every public read, tells its author why and the reporter the outcome; its staff still see it, with the reason', async () => {
    const { admin, ask, author, owner, reporter } = await world();
    const made = await createReport(reporter, 'ASK', ask.id, { reason: 'SPAM' });
    if (!made.ok) throw new Error('no report');
    const second = await createVolunteer(db);
    await createReport(second, 'ASK', ask.id, { reason: 'MISLEADING' });
    expect(await countOpenReports(admin)).toBeGreaterThanOrEqual(2);

    expect(await getPublicAsk(ask.id)).not.toBeNull();
    expect(await resolveReport(admin, made.data.id, { resolution: 'HIDE', note: HIDE_NOTE })).toMatchObject({ ok: true });

    expect(await getPublicAsk(ask.id)).toBeNull();
    expect(await db.ask.count({ where: { id: ask.id, ...openAskWhere(new Date()) } })).toBe(0);
    expect(await getAskForStaff(owner, ask.id)).toMatchObject({ hiddenReason: HIDE_NOTE });
    const [hidden] = await emails('content-hidden', author.id);
    expect(hidden?.data).toMatchObject({ reason: HIDE_NOTE });
    // Both reports of it are resolved, and each reporter is told in one line.
    expect(await db.report.count({ where: { targetId: ask.id, status: 'OPEN' } })).toBe(0);
    expect((await emails('report-outcome', reporter.id))[0]?.data).toMatchObject({ outcome: expect.stringContaining('hidden') });
    expect((await emails('report-outcome', second.id)).length).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'content.hide', entityId: ask.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'report.resolve', entityId: made.data.id } })).toBe(1);
  });

  it('lets exactly one of two admins resolve a report at once; the other is told', async () => {
    const { admin, otherAdmin, ask, reporter } = await world();
    const made = await createReport(reporter, 'ASK', ask.id, { reason: 'SPAM' });
    if (!made.ok) throw new Error('no report');
    const results = await Promise.all([
      resolveReport(admin, made.data.id, { resolution: 'HIDE', note: HIDE_NOTE }),
      resolveReport(otherAdmin, made.data.id, { resolution: 'NO_ACTION', note: 'Looks fine to me, nothing to do.' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, formError: ALREADY_RESOLVED });
    expect(await db.auditLog.count({ where: { action: 'report.resolve', entityId: made.data.id } })).toBe(1);
    expect((await emails('report-outcome', reporter.id)).length).toBe(1);
    const winner = results[0]!.ok ? 'HIDE' : 'NO_ACTION';
    expect(await db.report.findUniqueOrThrow({ where: { id: made.data.id } })).toMatchObject({ resolutionKind: winner });
    expect((await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).hiddenAt !== null).toBe(winner === 'HIDE');
  });

  it('warns with the admin’s words, and three strikes in 90 days put the person on the review queue with a suggestion', async () => {
    const { admin, reporter, author, organisation } = await world();
    const volunteer = await createVolunteer(db, { name: 'Nia Noshow' });
    const ask = await createAskBy(db, organisation.id, author.id, { status: 'MATCHED' });
    const now = new Date();
    for (const daysAgo of [10, 40]) {
      await createBookedMeeting(
        db,
        ask,
        volunteer.id,
        new Date(now.getTime() - daysAgo * DAY),
        new Date(now.getTime() - (daysAgo + 5) * DAY),
        {
          status: 'NO_SHOW',
          noShowParty: 'VOLUNTEER',
        },
      );
    }
    // A no-show long ago does not count.
    await createBookedMeeting(db, ask, volunteer.id, new Date(now.getTime() - 200 * DAY), new Date(now.getTime() - 205 * DAY), {
      status: 'NO_SHOW',
      noShowParty: 'VOLUNTEER',
    });
    expect((await listPeopleToReview(admin)).map((entry) => entry.person.id)).not.toContain(volunteer.id);

    const offerAsk = await createAskBy(db, organisation.id, author.id);
    const offer = await createOffer(db, offerAsk.id, volunteer.id, { message: 'Pay me first & I will help.' });
    const made = await createReport(author, 'OFFER', offer.id, { reason: 'ABUSIVE' });
    if (!made.ok) throw new Error('no report');
    const [open] = (await listOpenReports(admin)).filter((report) => report.id === made.data.id);
    expect(open).toMatchObject({ subject: { id: volunteer.id }, escalation: { counts: { 'no-show': 2, warning: 0 } } });
    expect(open?.snapshot.parts[0]?.text).toBe('Pay me first & I will help.');

    const note = 'Asking charities for money breaks our rules. Please do not do it again.';
    expect(await resolveReport(admin, made.data.id, { resolution: 'WARN', note })).toMatchObject({ ok: true });
    expect((await emails('user-warned', volunteer.id))[0]?.data).toMatchObject({ note });
    expect(await db.auditLog.count({ where: { action: 'user.warn', entityId: volunteer.id } })).toBe(1);

    const review = await listPeopleToReview(admin);
    const entry = review.find((candidate) => candidate.person.id === volunteer.id);
    expect(entry?.escalation).toMatchObject({ needsReview: true, suggested: 'SUSPEND', counts: { 'no-show': 2, warning: 1 } });
    expect(reporter.id).toBeTruthy();
  });

  it('suspends through the existing suspension: signed out, offers withdrawn', async () => {
    const { admin, organisation, author } = await world();
    const volunteer = await createVolunteer(db, { name: 'Sol Suspend' });
    const ask = await createAskBy(db, organisation.id, author.id);
    const offer = await createOffer(db, ask.id, volunteer.id);
    const made = await createReport(author, 'USER', volunteer.id, { reason: 'UNSAFE', details: 'Asked for our bank details.' });
    if (!made.ok) throw new Error('no report');
    expect(
      await resolveReport(admin, made.data.id, { resolution: 'SUSPEND', note: 'Asked a charity for its bank details.' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: volunteer.id } })).toMatchObject({ status: 'SUSPENDED' });
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await db.auditLog.count({ where: { action: 'user.suspend', entityId: volunteer.id } })).toBe(1);
  });

  it('hides the charity’s feedback from the volunteer who reported it, and shows its staff why', async () => {
    const { admin, organisation, author, owner } = await world();
    const volunteer = await createVolunteer(db, { name: 'Vic Volunteer' });
    const ask = await createAskBy(db, organisation.id, author.id, { status: 'COMPLETED' });
    const meeting = await createBookedMeeting(db, ask, volunteer.id, new Date(Date.now() - 3 * DAY), new Date(Date.now() - 6 * DAY), {
      status: 'HELD',
    });
    const feedback = await db.feedback.create({
      data: { meetingId: meeting.id, authorId: author.id, party: 'CHARITY', rating: 2, thanks: 'You were useless & rude.' },
    });
    // Only the volunteer on the session may report it; staff of the charity wrote it.
    await expect(createReport(await createVolunteer(db), 'FEEDBACK', feedback.id, { reason: 'ABUSIVE' })).rejects.toBeInstanceOf(
      AccessDenied,
    );
    const made = await createReport(volunteer, 'FEEDBACK', feedback.id, { reason: 'ABUSIVE' });
    if (!made.ok) throw new Error('no report');
    expect(
      await resolveReport(admin, made.data.id, { resolution: 'HIDE', note: 'Feedback must be about the session, kindly put.' }),
    ).toMatchObject({
      ok: true,
    });
    const seenByVolunteer = await meetingFeedbackView(volunteer, meeting.id);
    expect(seenByVolunteer.charityFeedback).toMatchObject({ thanks: null, hidden: { reason: null } });
    expect(JSON.stringify(seenByVolunteer)).not.toContain('useless');
    const seenByStaff = await meetingFeedbackView(owner, meeting.id);
    expect(seenByStaff.charityFeedback).toMatchObject({ hidden: { reason: 'Feedback must be about the session, kindly put.' } });
  });

  it('hides an offer’s message from the staff comparing offers, and the volunteer’s headline once their profile is hidden', async () => {
    const { admin, ask, author, owner } = await world();
    const volunteer = await createVolunteer(db, { name: 'Hal Hidden' });
    const offer = await createOffer(db, ask.id, volunteer.id, { message: 'Call my premium line & pay first.' });
    for (const [type, id] of [
      ['OFFER', offer.id],
      ['USER', volunteer.id],
    ] as const) {
      const made = await createReport(author, type, id, { reason: 'SPAM' });
      if (!made.ok) throw new Error('no report');
      expect(await resolveReport(admin, made.data.id, { resolution: 'HIDE', note: 'Selling services to charities.' })).toMatchObject({
        ok: true,
      });
    }
    const { offers } = await listOffersForStaff(owner, ask.id);
    expect(offers.find((row) => row.id === offer.id)).toMatchObject({ message: '', headline: null, hiddenAt: expect.any(Date) });
    expect(JSON.stringify(offers)).not.toContain('premium line');
  });

  it('is for admins only, and needs a note', async () => {
    const { admin, ask, reporter, owner } = await world();
    const made = await createReport(reporter, 'ASK', ask.id, { reason: 'SPAM' });
    if (!made.ok) throw new Error('no report');
    await expect(
      resolveReport(owner, made.data.id, { resolution: 'NO_ACTION', note: 'Nothing to see here at all.' }),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(listOpenReports(reporter)).rejects.toBeInstanceOf(AccessDenied);
    expect(await resolveReport(admin, made.data.id, { resolution: 'HIDE', note: '' })).toMatchObject({
      ok: false,
      fieldErrors: { note: expect.any(Array) },
    });
    expect(await db.report.findUniqueOrThrow({ where: { id: made.data.id } })).toMatchObject({ status: 'OPEN' });
  });
});
