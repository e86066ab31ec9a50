// The dashboards and the impact page's figures, on a small world of two charities and two volunteers:
// each view lists what is waiting for its reader and nothing of other organisations or volunteers.
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { findSessionUser } from '@/lib/auth/session';
import { staffDashboard } from '@/lib/dashboard/staff';
import { volunteerDashboard } from '@/lib/dashboard/volunteer';
import { db } from '@/lib/db';
import { volunteerImpact } from '@/lib/feedback/impact';
import type { Prisma } from '@/lib/generated/prisma/client';
import { volunteerLoad } from '@/lib/offers/capacity';
import { createOffer, createUser, createVolunteer } from '../support/factories';
import { addMember, createAskBy, createBookedMeeting, createCharity, giveFeedback } from '../support/meeting-factories';

type User = Awaited<ReturnType<typeof createUser>>;
type Meeting = Awaited<ReturnType<typeof createBookedMeeting>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();
const at = (offset: number) => new Date(NOW.getTime() + offset);

let priya: User, tom: User, bea: User, aisha: User, ben: User, newcomer: User;
let orgA: string, orgA2: string, orgB: string;
const asks: Record<string, { id: string; organisationId: string }> = {};
const meetings: Record<string, Meeting> = {};
const checks: Record<string, string> = {};

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
const idsOf = (...names: string[]) => names.map((name) => meetings[name]!.id).sort();

beforeAll(async () => {
  const a = await createCharity(db, { organisation: { name: 'Hillside Carers' }, owner: { name: 'Priya Shah' } });
  const a2 = await createCharity(db, { organisation: { name: 'Riverside Food Bank' } });
  const b = await createCharity(db, { organisation: { name: 'Other Trust' }, owner: { name: 'Bea Other' } });
  [priya, bea, orgA, orgA2, orgB] = [a.owner, b.owner, a.organisation.id, a2.organisation.id, b.organisation.id];
  tom = await addMember(db, orgA, { name: 'Tom Reed' });
  await db.membership.create({ data: { organisationId: orgA2, userId: priya.id, role: 'MEMBER' } });
  aisha = await createVolunteer(db, {
    name: 'Aisha Khan',
    volunteerProfile: {
      create: { headline: 'Finance', bio: 'Charity accounts.', media: ['VIDEO'], timeZone: 'America/New_York', monthlyCapacity: 3 },
    },
  });
  ben = await createVolunteer(db, { name: 'Ben Other' });
  newcomer = await createVolunteer(db, { name: 'New Volunteer' });
  const someone = await createVolunteer(db);

  const ask = (key: string, organisationId: string, data: Parameters<typeof createAskBy>[3] = {}) =>
    createAskBy(db, organisationId, null, { title: `Ask ${key}`, ...data }).then((row) => (asks[key] = row));
  await ask('a1', orgA, { deadline: at(5 * DAY) });
  await ask('a2', orgA);
  await ask('a2x', orgA2, { deadline: at(9 * DAY) });
  await ask('b', orgB);
  await ask('aMatched', orgA, { status: 'MATCHED' });
  await ask('sessionsA', orgA, { status: 'COMPLETED', title: 'Check our cashbook' });
  await ask('sessionsA2', orgA2, { status: 'COMPLETED', title: 'Plan a food drive' });
  await ask('sessionsB', orgB, { status: 'COMPLETED' });

  await createOffer(db, asks.a1!.id, aisha.id);
  await createOffer(db, asks.a1!.id, ben.id);
  await createOffer(db, asks.a1!.id, someone.id, { status: 'DECLINED' });
  await createOffer(db, asks.a2!.id, ben.id, { status: 'WITHDRAWN' });
  await createOffer(db, asks.a2x!.id, aisha.id);
  await createOffer(db, asks.b!.id, ben.id);
  await createOffer(db, asks.b!.id, aisha.id, { status: 'DECLINED' });
  await createOffer(db, asks.aMatched!.id, aisha.id, { status: 'ACCEPTED' });

  const meet = async (
    key: string,
    askKey: string,
    who: User,
    startOffset: number,
    data: Partial<Prisma.MeetingUncheckedCreateInput> = {},
  ) => {
    meetings[key] = await createBookedMeeting(db, asks[askKey]!, who.id, at(startOffset), at(startOffset - 7 * DAY), data);
  };
  await meet('upcoming', 'sessionsA', aisha, 2 * DAY);
  await meet('inProgress', 'sessionsA', aisha, -10 * 60_000);
  await meet('cancelled', 'sessionsA', aisha, 3 * DAY, { status: 'CANCELLED' });
  await meet('upcomingB', 'sessionsB', ben, DAY);
  await meet('heldNoFeedback', 'sessionsA', aisha, -3 * DAY, { status: 'HELD' });
  await meet('heldCharityGave', 'sessionsA', aisha, -4 * DAY, { status: 'HELD' });
  await meet('heldVolunteerGave', 'sessionsA', aisha, -5 * DAY, { status: 'HELD' });
  await meet('startedUnmarked', 'sessionsA', aisha, -6 * DAY);
  await meet('noShow', 'sessionsA', aisha, -7 * DAY, { status: 'NO_SHOW', noShowParty: 'CHARITY' });
  await meet('oldHeld', 'sessionsA', aisha, -100 * DAY, { status: 'HELD' });
  await meet('heldA2', 'sessionsA2', aisha, -8 * DAY, { status: 'HELD', endsAt: at(-8 * DAY + HOUR) });
  await meet('heldB', 'sessionsB', ben, -3 * DAY, { status: 'HELD' });

  await db.feedback.create({
    data: {
      meetingId: meetings.heldCharityGave!.id,
      authorId: tom.id,
      party: 'CHARITY',
      rating: 5,
      thanks: 'You made our cashbook make sense.',
    },
  });
  await giveFeedback(db, meetings.heldVolunteerGave!.id, aisha.id, 'VOLUNTEER');
  await db.feedback.create({
    data: { meetingId: meetings.heldB!.id, authorId: bea.id, party: 'CHARITY', rating: 4, thanks: 'Thanks, Ben!' },
  });

  const check = async (key: string, meetingKey: string, dueOffset: number, data: Partial<Prisma.FollowUpUncheckedCreateInput> = {}) => {
    checks[key] = (
      await db.followUp.create({ data: { meetingId: meetings[meetingKey]!.id, kind: 'PRACTICE_CHECK', dueAt: at(dueOffset), ...data } })
    ).id;
  };
  await check('due', 'heldCharityGave', -DAY);
  await check('notYetDue', 'heldNoFeedback', 2 * DAY);
  await check('answered', 'heldVolunteerGave', -2 * DAY, {
    status: 'DONE',
    practiceOutcome: 'PARTLY',
    response: 'We reconcile monthly now.',
    respondedAt: at(-DAY),
  });
  await check('dueB', 'heldB', -DAY, { status: 'DONE', practiceOutcome: 'YES', response: 'Ben’s answer', respondedAt: at(-DAY) });
});

describe('the staff dashboard', () => {
  it('lists, across the person’s organisations, open asks with offers waiting and how many', async () => {
    const view = await staffDashboard(priya, NOW);
    expect(view.asksWithOffers).toEqual([
      { id: asks.a1!.id, title: 'Ask a1', organisationName: 'Hillside Carers', deadline: expect.any(Date), pendingOffers: 2 },
      { id: asks.a2x!.id, title: 'Ask a2x', organisationName: 'Riverside Food Bank', deadline: expect.any(Date), pendingOffers: 1 },
    ]);
  });

  it('counts the asks of the person’s organisations by what they need', async () => {
    await createAskBy(db, orgA2, null, { title: 'A draft', status: 'DRAFT' });
    await createAskBy(db, orgA, null, { title: 'Sent back', status: 'CHANGES_REQUESTED' });
    await createAskBy(db, orgA, null, { title: 'Under review', status: 'PENDING_REVIEW' });
    await createAskBy(db, orgB, null, { title: 'Someone else’s draft', status: 'DRAFT' });
    // a1, a2, a2x open; aMatched; sessionsA and sessionsA2 completed; the three above.
    expect((await staffDashboard(priya, NOW)).askCounts).toEqual({ attention: 2, review: 1, open: 3, approved: 0, total: 9 });
    expect((await staffDashboard(tom, NOW)).askCounts).toEqual({ attention: 1, review: 1, open: 2, approved: 0, total: 6 });
    // Approved while its organisation waits for verification: not yet open to volunteers, and said so.
    await createAskBy(db, orgA, null, { title: 'Approved, not yet public', status: 'OPEN', publishedAt: null });
    expect((await staffDashboard(priya, NOW)).askCounts).toEqual({ attention: 2, review: 1, open: 3, approved: 1, total: 10 });
  });

  it('lists upcoming sessions soonest first, with the volunteer’s name, and leaves out cancelled ones', async () => {
    const view = await staffDashboard(priya, NOW);
    expect(view.upcoming.map((meeting) => meeting.id)).toEqual([meetings.inProgress!.id, meetings.upcoming!.id]);
    expect(view.upcoming[1]).toMatchObject({
      askTitle: 'Check our cashbook',
      withName: 'Aisha Khan',
      startsAt: meetings.upcoming!.startsAt,
    });
  });

  it('lists sessions owed the charity’s feedback, including those still to be marked held', async () => {
    const view = await staffDashboard(priya, NOW);
    expect(ids(view.feedbackOwed)).toEqual(idsOf('heldNoFeedback', 'heldVolunteerGave', 'startedUnmarked', 'heldA2'));
    expect(view.feedbackOwed.find((meeting) => meeting.id === meetings.startedUnmarked!.id)).toMatchObject({ needsMarking: true });
    expect(view.feedbackOwed.find((meeting) => meeting.id === meetings.heldNoFeedback!.id)).toMatchObject({ needsMarking: false });
    // A session going on now is upcoming, not yet owed.
    expect(ids(view.feedbackOwed)).not.toContain(meetings.inProgress!.id);
  });

  it('lists the last two months’ past sessions with how each ended, so a cancelled or missed one can be found', async () => {
    const view = await staffDashboard(priya, NOW);
    expect(ids(view.recent)).toEqual(
      idsOf('cancelled', 'heldNoFeedback', 'heldCharityGave', 'heldVolunteerGave', 'startedUnmarked', 'noShow', 'heldA2'),
    );
    // Newest first: the cancelled one was to be in three days.
    expect(view.recent.map((meeting) => meeting.id).slice(0, 2)).toEqual([meetings.cancelled!.id, meetings.heldNoFeedback!.id]);
    expect(view.recent.find((meeting) => meeting.id === meetings.noShow!.id)).toMatchObject({ status: 'NO_SHOW' });
    const bens = await volunteerDashboard(ben, NOW);
    expect(ids(bens!.recent)).toEqual(idsOf('heldB'));
  });

  it('says when a new time waits for an answer, and from which side', async () => {
    const move = await db.meetingReschedule.create({
      data: {
        meetingId: meetings.upcoming!.id,
        proposedByParty: 'VOLUNTEER',
        proposedById: aisha.id,
        startsAt: at(4 * DAY),
        endsAt: at(4 * DAY + 30 * 60_000),
        previousStartsAt: meetings.upcoming!.startsAt,
      },
    });
    try {
      const staffView = await staffDashboard(priya, NOW);
      expect(staffView.upcoming.find((meeting) => meeting.id === meetings.upcoming!.id)).toMatchObject({ pendingMove: 'theirs' });
      expect(staffView.upcoming.find((meeting) => meeting.id === meetings.inProgress!.id)).toMatchObject({ pendingMove: null });
      const volunteerView = await volunteerDashboard(aisha, NOW);
      expect(volunteerView!.upcoming.find((meeting) => meeting.id === meetings.upcoming!.id)).toMatchObject({ pendingMove: 'ours' });
    } finally {
      await db.meetingReschedule.delete({ where: { id: move.id } });
    }
  });

  it('lists practice checks that are due and unanswered', async () => {
    const view = await staffDashboard(tom, NOW);
    expect(view.practiceChecks).toEqual([
      {
        id: checks.due,
        meetingId: meetings.heldCharityGave!.id,
        askTitle: 'Check our cashbook',
        volunteerName: 'Aisha Khan',
        organisationName: 'Hillside Carers',
        heldAt: meetings.heldCharityGave!.startsAt,
      },
    ]);
  });

  it('shows nothing of other organisations', async () => {
    const tomView = await staffDashboard(tom, NOW);
    expect(tomView.asksWithOffers.map((ask) => ask.id)).toEqual([asks.a1!.id]);
    expect(ids(tomView.feedbackOwed)).not.toContain(meetings.heldA2!.id);

    const beaView = await staffDashboard(bea, NOW);
    expect(beaView.asksWithOffers).toMatchObject([{ id: asks.b!.id, pendingOffers: 1 }]);
    expect(ids(beaView.upcoming)).toEqual(idsOf('upcomingB'));
    expect(beaView.feedbackOwed).toEqual([]);
    expect(beaView.practiceChecks).toEqual([]);

    expect(await staffDashboard(newcomer, NOW)).toEqual({
      askCounts: { attention: 0, review: 0, open: 0, approved: 0, total: 0 },
      asksWithOffers: [],
      upcoming: [],
      feedbackOwed: [],
      recent: [],
      practiceChecks: [],
    });
    await expect(staffDashboard({ ...priya, status: 'SUSPENDED' }, NOW)).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe('the volunteer dashboard', () => {
  it('lists only the volunteer’s own offers, sessions and feedback owed, in their profile’s zone', async () => {
    const view = await volunteerDashboard(aisha, NOW);
    expect(view).not.toBeNull();
    if (!view) return;
    expect(view.timeZone).toBe('America/New_York');
    expect(view.offers.map((offer) => [offer.askTitle, offer.status]).sort()).toEqual(
      [
        ['Ask a1', 'PENDING'],
        ['Ask a2x', 'PENDING'],
        ['Ask b', 'DECLINED'],
        ['Ask aMatched', 'ACCEPTED'],
      ].sort(),
    );
    expect(view.offers.find((offer) => offer.askId === asks.a1!.id)).toMatchObject({ organisationName: 'Hillside Carers' });
    expect(ids(view.upcoming)).toEqual(idsOf('inProgress', 'upcoming'));
    expect(view.upcoming.find((meeting) => meeting.id === meetings.upcoming!.id)).toMatchObject({ withName: 'Hillside Carers' });
    expect(ids(view.feedbackOwed)).toEqual(idsOf('heldNoFeedback', 'heldCharityGave', 'startedUnmarked', 'heldA2'));
    expect(view.load).toMatchObject({ capacity: 3, pending: 2, paused: false });
  });

  it('is empty for a new volunteer and absent for someone with no volunteer profile', async () => {
    const view = await volunteerDashboard(newcomer, NOW);
    expect(view).toMatchObject({ offers: [], upcoming: [], feedbackOwed: [], load: { capacity: 2, booked: 0, pending: 0, spare: 2 } });
    expect(await volunteerDashboard(priya, NOW)).toBeNull();
  });
  it('lists invitations waiting for an answer on asks still open, oldest first, with the staff member’s line', async () => {
    const invite = (askKey: string, data: Partial<Prisma.InvitationUncheckedCreateInput> = {}) =>
      db.invitation.create({ data: { askId: asks[askKey]!.id, volunteerId: newcomer.id, ...data } });
    const first = await invite('a2', { invitedById: priya.id, message: 'Could you look at our budget?', createdAt: at(-2 * DAY) });
    const second = await invite('a2x', { invitedById: null, createdAt: at(-DAY) });
    await invite('a1', { status: 'DECLINED', declineReason: 'Away that month' });
    await invite('aMatched'); // no longer open for offers
    const past = await createAskBy(db, orgA, null, { title: 'Ask past', deadline: at(-DAY) }); // not yet swept to EXPIRED
    await db.invitation.create({ data: { askId: past.id, volunteerId: newcomer.id } });

    const view = await volunteerDashboard(newcomer, NOW);
    expect(view!.invitations).toEqual([
      {
        id: first.id,
        askId: asks.a2!.id,
        askTitle: 'Ask a2',
        organisationName: 'Hillside Carers',
        message: 'Could you look at our budget?',
        invitedByName: 'Priya Shah',
        createdAt: at(-2 * DAY),
        deadline: expect.any(Date),
      },
      {
        id: second.id,
        askId: asks.a2x!.id,
        askTitle: 'Ask a2x',
        organisationName: 'Riverside Food Bank',
        message: null,
        invitedByName: null,
        createdAt: at(-DAY),
        deadline: at(9 * DAY),
      },
    ]);
    // Each waiting invitation holds a place, listed or not, as it does when an offer is made.
    expect(view!.load).toEqual(await volunteerLoad(db, newcomer.id, NOW));
    expect(view!.load).toMatchObject({ invited: 4, spare: 0 });
  });

  it('counts this month’s sessions, offers and invitations as making an offer does', async () => {
    const view = await volunteerDashboard(aisha, NOW);
    expect(view!.load).toEqual(await volunteerLoad(db, aisha.id, NOW));
    const accepted = view!.offers.find((offer) => offer.askId === asks.aMatched!.id);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', meetingId: null, organisationName: 'Hillside Carers' });
  });
});

describe('the signed-in user', () => {
  it('is read from the session with their organisations, oldest first, and volunteer profile', async () => {
    const token = `dashboard-${priya.id}`;
    await db.session.create({ data: { sessionToken: token, userId: priya.id, expires: at(DAY) } });
    expect(await findSessionUser(token)).toEqual({
      id: priya.id,
      email: priya.email,
      name: 'Priya Shah',
      role: 'USER',
      status: 'ACTIVE',
      timeZone: priya.timeZone,
      onboardedAt: priya.onboardedAt,
      volunteerProfile: null,
      memberships: [
        { organisationId: orgA, role: 'OWNER', organisation: { name: 'Hillside Carers', status: 'VERIFIED' } },
        { organisationId: orgA2, role: 'MEMBER', organisation: { name: 'Riverside Food Bank', status: 'VERIFIED' } },
      ],
    });
    const profile = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: aisha.id } });
    await db.session.create({ data: { sessionToken: `dashboard-${aisha.id}`, userId: aisha.id, expires: at(DAY) } });
    expect(await findSessionUser(`dashboard-${aisha.id}`)).toMatchObject({
      id: aisha.id,
      memberships: [],
      volunteerProfile: { id: profile.id, pausedAt: null },
    });
  });

  it('is nobody once the session has expired or never existed', async () => {
    await db.session.create({ data: { sessionToken: `expired-${tom.id}`, userId: tom.id, expires: at(-1000) } });
    expect(await findSessionUser(`expired-${tom.id}`)).toBeNull();
    expect(await findSessionUser('no-such-session')).toBeNull();
  });
});

describe('the volunteer’s impact', () => {
  it('counts held sessions, the time given and organisations helped, and lists the notes and answers', async () => {
    const impact = await volunteerImpact(aisha);
    // Held: heldNoFeedback, heldCharityGave, heldVolunteerGave, oldHeld (30 minutes each) and heldA2 (an hour).
    expect(impact).toMatchObject({ sessions: 5, minutes: 180, organisations: 2 });
    expect(impact.thanks).toEqual([
      {
        meetingId: meetings.heldCharityGave!.id,
        askTitle: 'Check our cashbook',
        organisationName: 'Hillside Carers',
        heldAt: meetings.heldCharityGave!.startsAt,
        givenAt: expect.any(Date),
        thanks: 'You made our cashbook make sense.',
      },
    ]);
    expect(impact.practice).toEqual([
      {
        meetingId: meetings.heldVolunteerGave!.id,
        askTitle: 'Check our cashbook',
        organisationName: 'Hillside Carers',
        heldAt: meetings.heldVolunteerGave!.startsAt,
        givenAt: at(-DAY),
        outcome: 'PARTLY',
        response: 'We reconcile monthly now.',
      },
    ]);
  });

  it('is all zeros for someone who has not given a session, and never shows another volunteer’s', async () => {
    expect(await volunteerImpact(newcomer)).toEqual({
      sessions: 0,
      minutes: 0,
      organisations: 0,
      thanks: [],
      clinicThanks: [],
      practice: [],
    });
    const bens = await volunteerImpact(ben);
    expect(bens).toMatchObject({
      sessions: 1,
      minutes: 30,
      organisations: 1,
      thanks: [{ thanks: 'Thanks, Ben!' }],
      practice: [{ outcome: 'YES' }],
    });
  });
});
