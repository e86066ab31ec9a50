// Issue 19, faults: double submission. Each form of the app that creates or changes something, posted through
// its real server action twice at once (a double click, two requests within milliseconds) and once more after
// (the back button and the same rendered form sent again), changes exactly what one post changes: every table's
// row count moves as it does for a single post of the same form on a twin of the same data, and each post ends
// as a person would expect (the first one's page, or a clear message), never an error page.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { findUserAsSignedIn, type SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { SUBMISSION_FIELD } from '@/lib/form-values';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createOffer, createSkill, createUser } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';

// The server actions read the signed-in person from the session; here the test says who that is.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getCurrentUser: async () => session.user,
  currentSessionToken: async () => undefined,
  endAllSessions: async () => undefined,
}));
// Outside a request Next has no cache store to revalidate or router to refresh; not under test here.
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
}));

withJobQueue(); // the writes queue their emails in their transactions

const asks = await import('@/lib/asks/actions');
const orgs = await import('@/lib/orgs/actions');
const offers = await import('@/lib/offers/actions');
const feedback = await import('@/lib/feedback/actions');
const invitations = await import('@/lib/invitations/actions');
const moderation = await import('@/lib/moderation/actions');
const meetings = await import('@/lib/meetings/actions');

type User = Awaited<ReturnType<typeof createUser>>;
const LONDON = 'Europe/London';
const DAY = 86_400_000;
const fromNow = (ms: number) => new Date(Date.now() + ms);
const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);

async function signIn(user: User) {
  session.user = await findUserAsSignedIn(user.id);
}

/** The rendered form as the browser posts it: its fields, repeated names as repeated entries, and its one-time token. */
function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  data.set(SUBMISSION_FIELD, randomUUID()); // what the page put in the form when it rendered it
  return data;
}

/** How one post ended, as the person sees it: the page it sent them to, a message on the form, or a 404. */
async function outcome(post: () => Promise<unknown>): Promise<string> {
  try {
    const result = (await post()) as { ok: boolean; formError?: string; fieldErrors?: object; message?: string };
    const { data } = result as { data?: unknown };
    return result.ok
      ? `done: ${result.message ?? ''} ${JSON.stringify(data ?? null)}`
      : `form: ${result.formError ?? ''} ${JSON.stringify(result.fieldErrors ?? {})}`;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect: ${digest.split(';')[2]}`;
    if (digest.includes('404')) return 'not found';
    throw error; // an error page
  }
}

/** Rows in every table a form writes to. */
async function counts() {
  return {
    asks: await db.ask.count(),
    askSkills: await db.askSkill.count(),
    projects: await db.project.count(),
    organisations: await db.organisation.count(),
    memberships: await db.membership.count(),
    orgInvites: await db.orgInvite.count(),
    offers: await db.offer.count(),
    offerTimes: await db.offerTime.count(),
    invitations: await db.invitation.count(),
    meetings: await db.meeting.count(),
    moves: await db.meetingReschedule.count(),
    feedback: await db.feedback.count(),
    followUps: await db.followUp.count(),
    auditLog: await db.auditLog.count(),
    emails: await db.emailOutbox.count(),
  };
}
type Counts = Awaited<ReturnType<typeof counts>>;
const delta = (before: Counts, after: Counts) =>
  Object.fromEntries(Object.entries(after).map(([table, rows]) => [table, rows - before[table as keyof Counts]]));

/** A form: its data made afresh (its own rows), who posts it, and the post (the same FormData each time it is called). */
type Form = () => Promise<{ as: User; post: () => Promise<unknown>; creates?: true }>;

/**
 * Posts the form once on one copy of its data, and on a second copy twice at once and then once more; returns
 * what each post showed and the rows each copy changed.
 */
async function submitTwice(form: Form) {
  const single = await form();
  await signIn(single.as);
  let before = await counts();
  const once = await outcome(single.post);
  const changedOnce = delta(before, await counts());

  const doubled = await form();
  await signIn(doubled.as);
  before = await counts();
  const together = await Promise.all([outcome(doubled.post), outcome(doubled.post)]);
  const back = await outcome(doubled.post); // the back button, and the same rendered form sent again
  const changedByAll = delta(before, await counts());
  return { once, together, back, changedOnce, changedByAll, creates: doubled.creates ?? false };
}

// ------------------------------------------------------------------------------------------- the data

async function charity() {
  const { organisation, owner } = await createCharity(db, { owner: { onboardedAt: new Date() } });
  return { organisation, owner };
}

async function volunteer(skillIds: string[] = []) {
  return createUser(db, {
    name: 'Priya Volunteer',
    onboardedAt: new Date(),
    volunteerProfile: {
      create: {
        headline: 'Charity finance lead',
        bio: 'Twenty years in finance.',
        media: ['VIDEO'],
        timeZone: LONDON,
        monthlyCapacity: 5,
        skills: { create: skillIds.map((skillId) => ({ skillId, level: 'EXPERT' as const })) },
      },
    },
  });
}

async function openAsk(organisationId: string, ownerId: string, data: Parameters<typeof createAskBy>[3] = {}) {
  return createAskBy(db, organisationId, ownerId, { media: ['VIDEO', 'PHONE'], timeZone: LONDON, durationMinutes: 30, ...data });
}

const offerFields = () => ({
  message: 'I ran the books for a community cafe for six years and can walk you through it.',
  medium: 'VIDEO',
  joinDetails: 'https://meet.example/volunteer-room',
  time1Date: inDays(3),
  time1Time: '10:00',
  time2Date: inDays(4),
  time2Time: '11:00',
  time3Date: inDays(5),
  time3Time: '14:00',
});

/** An offer with its three times, waiting for the charity. */
async function waitingOffer() {
  const { organisation, owner } = await charity();
  const ask = await openAsk(organisation.id, owner.id);
  const priya = await volunteer();
  await signIn(priya);
  const made = await outcome(() => offers.makeOfferAction(ask.id, null, formData(offerFields())));
  if (!made.startsWith('redirect')) throw new Error(`could not make the offer: ${made}`);
  const offer = await db.offer.findFirstOrThrow({ where: { askId: ask.id }, include: { times: { orderBy: { startsAt: 'asc' } } } });
  return { owner, offer };
}

async function upcomingMeeting() {
  const { organisation, owner } = await charity();
  const ask = await openAsk(organisation.id, owner.id, { status: 'MATCHED' });
  const priya = await volunteer();
  const offer = await createOffer(db, ask.id, priya.id, { status: 'ACCEPTED' });
  const meeting = await createBookedMeeting(db, ask, priya.id, fromNow(5 * DAY), fromNow(-DAY), { offerId: offer.id });
  return { owner, priya, meeting };
}

const forms: Array<[string, Form]> = [
  [
    'a new ask, saved as a draft',
    async () => {
      const { organisation, owner } = await charity();
      const skills = [(await createSkill(db)).slug, (await createSkill(db)).slug];
      const data = formData({
        organisationId: organisation.id,
        title: 'Set up a cashbook in Excel for our tuck shop',
        question:
          'We take cash for the tuck shop and weekly subs and write it in a notebook. How should we set up an Excel cashbook our treasurer can check each month?',
        outcome: 'A working cashbook template with our categories, and knowing how to reconcile it with the bank.',
        context: 'About 40 transactions a week, all under £20. We use Excel 365.',
        prepLink: '',
        skills,
        durationMinutes: '45',
        media: ['VIDEO', 'PHONE'],
        location: '',
        timeZone: LONDON,
        deadline: inDays(21),
        'day-1': 'on',
        'from-1': '09:30',
        'to-1': '16:00',
        intent: 'draft',
      });
      return { as: owner, post: () => asks.createAskAction(null, data), creates: true };
    },
  ],
  [
    'a new organisation',
    async () => {
      const founder = await createUser(db, { onboardedAt: new Date() });
      const data = formData({
        name: 'Harehills Homework Club',
        type: 'REGISTERED_CHARITY',
        registrationNumber: '1123456',
        causeAreas: ['EDUCATION', 'CHILDREN_AND_YOUNG_PEOPLE'],
        region: 'YORKSHIRE_AND_THE_HUMBER',
        sizeBand: 'MICRO',
        website: 'homework-club.example.org',
        description: 'Free homework help four evenings a week in a church hall.',
      });
      return { as: founder, post: () => orgs.createOrganisationAction(null, data), creates: true };
    },
  ],
  [
    'an invitation to join an organisation, by email',
    async () => {
      const { organisation, owner } = await charity();
      const data = formData({ email: `colleague-${randomUUID()}@example.org` });
      return { as: owner, post: () => orgs.createInviteAction(organisation.id, null, data), creates: true };
    },
  ],
  [
    'an offer of help',
    async () => {
      const { organisation, owner } = await charity();
      const ask = await openAsk(organisation.id, owner.id);
      const priya = await volunteer();
      const data = formData(offerFields());
      return { as: priya, post: () => offers.makeOfferAction(ask.id, null, data) };
    },
  ],
  [
    'inviting a suggested volunteer to an ask',
    async () => {
      const { organisation, owner } = await charity();
      const skill = await createSkill(db);
      const ask = await openAsk(organisation.id, owner.id, { needsSkills: [skill.id] });
      const priya = await volunteer([skill.id]); // a suggestion: a skill the ask needs and a medium in common
      const data = formData({});
      return { as: owner, post: () => invitations.inviteVolunteerAction(ask.id, priya.id, null, null, data) };
    },
  ],
  [
    'accepting an offer at one of its times',
    async () => {
      const { owner, offer } = await waitingOffer();
      const data = formData({ timeId: offer.times[1]!.id, joinDetails: '' });
      return { as: owner, post: () => offers.acceptOfferAction(offer.id, null, data) };
    },
  ],
  [
    'declining an offer',
    async () => {
      const { owner, offer } = await waitingOffer();
      const data = formData({ reason: 'TIMES_DO_NOT_WORK', note: 'We are closed that week, sorry.' });
      return { as: owner, post: () => offers.declineOfferAction(offer.id, null, data) };
    },
  ],
  [
    'feedback with a thank-you, after a held meeting',
    async () => {
      const { owner, meeting } = await upcomingMeeting();
      await db.meeting.update({
        where: { id: meeting.id },
        data: { status: 'HELD', startsAt: fromNow(-3 * DAY), endsAt: fromNow(-3 * DAY + 1_800_000) },
      });
      const data = formData({
        rating: '5',
        changes: 'We will split the cashbook by fund.',
        thanks: 'Thank you, Priya: you made it make sense!',
      });
      return { as: owner, post: () => feedback.giveFeedbackAction(meeting.id, null, data) };
    },
  ],
  [
    'asking to move a meeting',
    async () => {
      const { priya, meeting } = await upcomingMeeting();
      const data = formData({ date: inDays(7), time: '12:00' });
      return { as: priya, post: () => meetings.proposeMoveAction(meeting.id, null, data) };
    },
  ],
  [
    'cancelling a meeting',
    async () => {
      const { owner, meeting } = await upcomingMeeting();
      const data = formData({ reason: 'Our treasurer is off sick.' });
      return { as: owner, post: () => meetings.cancelMeetingAction(meeting.id, null, data) };
    },
  ],
  [
    'approving an ask (moderation)',
    async () => {
      const { organisation, owner } = await charity();
      const ask = await openAsk(organisation.id, owner.id, { status: 'PENDING_REVIEW', publishedAt: null });
      const admin = await createUser(db, { role: 'ADMIN', onboardedAt: new Date() });
      const data = formData({});
      return { as: admin, post: () => moderation.approveAskAction(ask.id, null, data) };
    },
  ],
  [
    'sending an ask back for changes (moderation)',
    async () => {
      const { organisation, owner } = await charity();
      const ask = await openAsk(organisation.id, owner.id, { status: 'PENDING_REVIEW', publishedAt: null });
      const admin = await createUser(db, { role: 'ADMIN', onboardedAt: new Date() });
      const data = formData({ note: 'Say which bank you use and attach last month’s notebook page.' });
      return { as: admin, post: () => moderation.requestAskChangesAction(ask.id, null, data) };
    },
  ],
  [
    'verifying an organisation (moderation)',
    async () => {
      const { organisation } = await createCharity(db, { organisation: { status: 'PENDING_VERIFICATION' } });
      const admin = await createUser(db, { role: 'ADMIN', onboardedAt: new Date() });
      return { as: admin, post: () => moderation.verifyOrganisationAction(organisation.id) };
    },
  ],
  [
    'withdrawing an ask',
    async () => {
      const { organisation, owner } = await charity();
      const ask = await openAsk(organisation.id, owner.id);
      const data = formData({ reason: 'We found a trustee who can do it.' });
      return { as: owner, post: () => asks.withdrawAskAction(ask.id, null, data) };
    },
  ],
  [
    'rejecting an organisation (moderation)',
    async () => {
      const { organisation } = await createCharity(db, { organisation: { status: 'PENDING_VERIFICATION' } });
      const admin = await createUser(db, { role: 'ADMIN', onboardedAt: new Date() });
      const data = formData({ reason: 'We could not find this charity on the register; please check the number.' });
      return { as: admin, post: () => moderation.rejectOrganisationAction(organisation.id, null, data) };
    },
  ],
];

describe('the same form posted twice at once, and again from the back button', () => {
  it.each(forms)('%s changes what one post changes', async (_name, form) => {
    const { once, together, back, changedOnce, changedByAll, creates } = await submitTwice(form);
    // The form itself is valid: one post does its work and sends the person on.
    expect(once).toMatch(/^(redirect|done)/);
    expect(changedByAll, JSON.stringify({ changedOnce, changedByAll })).toEqual(changedOnce);
    // Every post ends on a page or a message, never an error page; the first post's work is theirs to see.
    for (const ending of [...together, back]) expect(ending).toMatch(/^(redirect|done|form)/);
    expect(together.some((ending) => ending.startsWith('redirect') || ending.startsWith('done'))).toBe(true);
    // A form that creates: every post of it shows what the first created (the same page, the same invitation link).
    if (creates) expect(new Set([...together, back])).toHaveLength(1);
  });
});

describe('a create form posted again after what it made is gone', () => {
  it('an invitation withdrawn since: the same form sent again says so, and makes no second one', async () => {
    const { organisation, owner } = await charity();
    await signIn(owner);
    const data = formData({ email: `colleague-${randomUUID()}@example.org` });
    expect(await outcome(() => orgs.createInviteAction(organisation.id, null, data))).toMatch(/^done: Invitation on its way/);
    const invite = await db.orgInvite.findFirstOrThrow({ where: { organisationId: organisation.id } });
    await orgs.revokeInviteAction(organisation.id, invite.id).catch(() => undefined); // it redirects back
    const before = await counts();
    expect(await outcome(() => orgs.createInviteAction(organisation.id, null, data))).toMatch(/^form: This invitation was sent once/);
    expect(await counts()).toEqual(before);
  });
});
