// Hostile input (issue 19, section 4): every entry of tests/support/hostile-corpus.ts through every free-text
// field, by the server actions the forms post to. Each is stored as typed (read back from the database) or
// refused with a field error in lib/forms.ts's result shape; never a thrown error, and a refusal writes
// nothing. Then every email those writes queued is rendered as the worker renders it, and the calendar
// invites are read by three parsers: the text is shown, escaped, and starts no tag, header, property or event.
// The fields that take no free text of their own (an invitation's email address, a registration number, the
// words that confirm deleting an account) refuse every entry; a hostile return address after onboarding
// leads only to a page of this site. Last, malformed ids, dates, times, time zones and oversized forms: a
// clear error or a 404, nothing written.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findUserAsSignedIn } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { meetingInvite } from '@/lib/email/calendar';
import type { EmailContext, EmailKind, EmailMessage } from '@/lib/email/messages';
import { renderEmail } from '@/lib/email/render';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createOffer, createOrganisation, createSkill, createUser } from '../support/factories';
import { HOSTILE_CORPUS, storedForm } from '../support/hostile-corpus';
import { parseEverywhere, parseWithIcalJs } from '../support/ics-parsers';
import { withJobQueue } from '../support/jobs';
import { createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';

// The server actions read the signed-in person from the session cookie; here the test says who that is.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getCurrentUser: async () => session.user,
  endAllSessions: async () => undefined,
  SESSION_COOKIES: [],
}));
// Refreshing Next's caches needs a request in flight; the pages are not what this file checks.
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  refresh: () => undefined,
}));

withJobQueue();

const askActions = await import('@/lib/asks/actions');
const offerActions = await import('@/lib/offers/actions');
const feedbackActions = await import('@/lib/feedback/actions');
const meetingActions = await import('@/lib/meetings/actions');
const orgActions = await import('@/lib/orgs/actions');
const invitationActions = await import('@/lib/invitations/actions');
const volunteerActions = await import('@/lib/volunteers/actions');
const accountActions = await import('@/lib/account/actions');
const moderationActions = await import('@/lib/moderation/actions');
const userActions = await import('@/lib/moderation/user-actions');

type User = Awaited<ReturnType<typeof createUser>>;
const LONDON = 'Europe/London';
const DAY = 86_400_000;
const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);
const onboarded = () => ({ onboardedAt: new Date() });

let owner: User, admin: User, profileVolunteer: User;
let org: { id: string };
let editedOrg: { id: string };
let skill: { id: string; slug: string };
let openAsk: { id: string; organisationId: string };
let slot = 0;

async function signInAs(user: { id: string }): Promise<void> {
  session.user = await findUserAsSignedIn(user.id);
}

/** The form as a browser posts it: repeated names for lists. */
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

type Settled =
  { kind: 'returned'; value: unknown } | { kind: 'redirect'; to: string } | { kind: 'not-found' } | { kind: 'threw'; error: unknown };

/** What a server action did, as Next would answer it: its state, a redirect, a 404, or (a 500) anything else thrown. */
async function settle(call: () => Promise<unknown>): Promise<Settled> {
  try {
    return { kind: 'returned', value: await call() };
  } catch (error) {
    const digest = String((error as { digest?: unknown })?.digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT;')) return { kind: 'redirect', to: digest.split(';')[2] ?? '' };
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return { kind: 'not-found' };
    return { kind: 'threw', error };
  }
}

const describeSettled = (settled: Settled) =>
  settled.kind === 'threw' ? `threw ${String((settled.error as Error)?.stack ?? settled.error)}` : JSON.stringify(settled).slice(0, 600);

function fieldErrorsOf(settled: Settled): Record<string, string[]> | null {
  if (settled.kind !== 'returned') return null;
  const value = settled.value as { ok?: boolean; fieldErrors?: Record<string, string[]> };
  return value?.ok === false && value.fieldErrors ? value.fieldErrors : null;
}

const succeeded = (settled: Settled) =>
  settled.kind === 'redirect' || (settled.kind === 'returned' && (settled.value as { ok?: boolean })?.ok === true);

/** Rows a refused form must not have added to. */
async function rowCounts() {
  const [asks, offers, feedback, invitations, organisations, meetings, moves, followUps, audit, emails, users, projects, orgInvites] =
    await Promise.all([
      db.ask.count(),
      db.offer.count(),
      db.feedback.count(),
      db.invitation.count(),
      db.organisation.count(),
      db.meeting.count(),
      db.meetingReschedule.count(),
      db.followUp.count(),
      db.auditLog.count(),
      db.emailOutbox.count(),
      db.user.count(),
      db.project.count(),
      db.orgInvite.count(),
    ]);
  return { asks, offers, feedback, invitations, organisations, meetings, moves, followUps, audit, emails, users, projects, orgInvites };
}

interface Attempt {
  /** Who posts the form. */
  actor: { id: string };
  call: () => Promise<unknown>;
  /** The stored value of the field (undefined when there is no row yet). */
  read: () => Promise<string | null | undefined>;
}

interface FieldCase {
  /** How the report names it: "ask title". */
  label: string;
  /** The form field whose error a refusal must carry. */
  field: string;
  /** The schema's limit, in UTF-16 code units as zod counts. */
  max: number;
  /** A rule of the field's own beyond its length (a person's name takes no markup or control characters). */
  refuses?: (stored: string) => boolean;
  /** Builds what one attempt needs (a fresh offer to decline, a fresh meeting to cancel) around `value`. */
  attempt: (value: string) => Promise<Attempt>;
}

/** A volunteer who can offer: onboarded, with a profile and the test skill. */
async function newVolunteer(name = 'Hostile Test Volunteer') {
  return createUser(db, {
    name,
    ...onboarded(),
    volunteerProfile: {
      create: {
        headline: 'Charity finance lead',
        bio: 'Twenty years in charity finance.',
        media: ['VIDEO'],
        timeZone: LONDON,
        monthlyCapacity: 10,
        skills: { create: [{ skillId: skill.id, level: 'EXPERT' }] },
      },
    },
  });
}

/** A meeting with a volunteer of its own (so no two overlap), `days` from now. */
async function newMeeting(days: number, status: 'HELD' | 'SCHEDULED') {
  slot += 1;
  const volunteer = await newVolunteer();
  const startsAt = new Date(Date.now() + days * DAY + slot * 3_600_000);
  const ask = await createAskBy(db, org.id, owner.id, { status: status === 'HELD' ? 'COMPLETED' : 'MATCHED' });
  const offer = await createOffer(db, ask.id, volunteer.id, { status: 'ACCEPTED' });
  const meeting = await createBookedMeeting(db, ask, volunteer.id, startsAt, new Date(Date.now() - 10 * DAY), {
    status,
    offerId: offer.id,
    bookedById: owner.id,
  });
  return { meeting, volunteer };
}

const latestAsk = () => db.ask.findFirst({ where: { createdById: owner.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });

/** The ask form as a draft: only the title is required, the other fields well-formed. */
function askDraft(overrides: Record<string, string>) {
  return form({
    organisationId: org.id,
    intent: 'draft',
    title: 'Check the opening paragraph of our bid',
    question: '',
    outcome: '',
    context: '',
    prepLink: '',
    location: '',
    durationMinutes: '30',
    media: 'VIDEO',
    timeZone: LONDON,
    deadline: inDays(10),
    ...overrides,
  });
}

const askField = (field: 'title' | 'question' | 'outcome' | 'context' | 'location', max: number): FieldCase => ({
  label: `ask ${field}`,
  field,
  max,
  attempt: async (value) => ({
    actor: owner,
    // A place is kept only for asks that meet in person.
    call: () => askActions.createAskAction(null, askDraft({ [field]: value, ...(field === 'location' ? { media: 'IN_PERSON' } : {}) })),
    read: async () => (await latestAsk())?.[field],
  }),
});

function organisationForm(overrides: Record<string, string>) {
  return form({
    name: 'Riverside Community Pantry',
    type: 'REGISTERED_CHARITY',
    registrationNumber: '1123456',
    causeAreas: 'POVERTY',
    region: 'LONDON',
    sizeBand: 'SMALL',
    website: '',
    description: 'We run a food pantry and a weekly community lunch in Deptford.',
    ...overrides,
  });
}

const offerForm = (overrides: Record<string, string>) =>
  form({
    message: 'I ran the books for a community cafe for six years and can walk you through it.',
    medium: 'VIDEO',
    joinDetails: '',
    time1Date: inDays(3),
    time1Time: '10:00',
    time2Date: inDays(4),
    time2Time: '11:00',
    ...overrides,
  });

/** The split form: a project name and two stages, each with a title, a question and the test skill. */
function splitForm(overrides: Record<string, string>) {
  return form({
    projectTitle: 'Our first National Lottery bid',
    'stage-1-title': 'Check the need statement of our bid',
    'stage-1-question': 'Does our need statement show the evidence the funder asks for?',
    'stage-1-duration': '30',
    'stage-1-skill-1': skill.slug,
    'stage-2-title': 'Check the budget of our bid',
    'stage-2-question': 'Are the budget lines in our bid eligible costs for this fund?',
    'stage-2-duration': '30',
    'stage-2-skill-1': skill.slug,
    ...overrides,
  });
}

/** A draft ask to split, and what the split stored: its project's title, its first stage's title and question. */
async function splitCase(value: string, field: 'projectTitle' | 'stage-1-title' | 'stage-1-question') {
  const ask = await createAskBy(db, org.id, owner.id, { status: 'DRAFT', publishedAt: null });
  return {
    actor: owner,
    call: () => askActions.splitAskAction(ask.id, null, splitForm({ [field]: value })),
    read: async () => {
      const source = await db.ask.findUniqueOrThrow({ where: { id: ask.id }, select: { project: { select: { id: true, title: true } } } });
      if (!source.project) return undefined;
      if (field === 'projectTitle') return source.project.title;
      const stage = await db.ask.findFirstOrThrow({ where: { projectId: source.project.id, stage: 1 } });
      return field === 'stage-1-title' ? stage.title : stage.question;
    },
  };
}

const FIELD_CASES: FieldCase[] = [
  askField('title', 120),
  askField('question', 2000),
  askField('outcome', 1000),
  askField('context', 3000),
  askField('location', 200),
  {
    label: 'ask withdrawal reason',
    field: 'reason',
    max: 500,
    attempt: async (value) => {
      const ask = await createAskBy(db, org.id, owner.id);
      return {
        actor: owner,
        call: () => askActions.withdrawAskAction(ask.id, null, form({ reason: value })),
        read: async () => {
          const event = await db.auditLog.findFirst({ where: { action: 'ask.withdraw', entityId: ask.id } });
          return event ? ((event.data as { reason?: string } | null)?.reason ?? null) : undefined;
        },
      };
    },
  },
  ...(['message', 'joinDetails'] as const).map((field): FieldCase => ({
    label: `offer ${field}`,
    field,
    max: field === 'message' ? 1000 : 300,
    attempt: async (value) => {
      const volunteer = await newVolunteer();
      return {
        actor: volunteer,
        call: () => offerActions.makeOfferAction(openAsk.id, null, offerForm({ [field]: value })),
        read: async () => (await db.offer.findFirst({ where: { volunteerId: volunteer.id } }))?.[field],
      };
    },
  })),
  {
    label: 'offer decline note',
    field: 'note',
    max: 1000,
    attempt: async (value) => {
      const offer = await createOffer(db, openAsk.id, (await newVolunteer()).id);
      return {
        actor: owner,
        call: () => offerActions.declineOfferAction(offer.id, null, form({ reason: 'OTHER', note: value })),
        read: async () => (await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).declineNote,
      };
    },
  },
  ...(['changes', 'thanks'] as const).map((field): FieldCase => ({
    label: field === 'thanks' ? 'feedback thank-you' : 'feedback (what the charity will change)',
    field,
    max: 2000,
    attempt: async (value) => {
      const { meeting } = await newMeeting(-20, 'HELD');
      return {
        actor: owner,
        call: () => feedbackActions.giveFeedbackAction(meeting.id, null, form({ rating: '5', changes: '', thanks: '', [field]: value })),
        read: async () => (await db.feedback.findFirst({ where: { meetingId: meeting.id, party: 'CHARITY' } }))?.[field],
      };
    },
  })),
  {
    label: 'feedback (the volunteer’s note)',
    field: 'comment',
    max: 2000,
    attempt: async (value) => {
      const { meeting, volunteer } = await newMeeting(-20, 'HELD');
      return {
        actor: volunteer,
        call: () => feedbackActions.giveFeedbackAction(meeting.id, null, form({ wellScoped: 'yes', comment: value })),
        read: async () => (await db.feedback.findFirst({ where: { meetingId: meeting.id, party: 'VOLUNTEER' } }))?.comment,
      };
    },
  },
  {
    label: 'practice check answer',
    field: 'response',
    max: 500,
    attempt: async (value) => {
      const { meeting } = await newMeeting(-20, 'HELD');
      const check = await db.followUp.create({ data: { meetingId: meeting.id, kind: 'PRACTICE_CHECK', dueAt: new Date() } });
      return {
        actor: owner,
        call: () => feedbackActions.answerPracticeCheckAction(check.id, meeting.id, null, form({ outcome: 'PARTLY', response: value })),
        read: async () => (await db.followUp.findUniqueOrThrow({ where: { id: check.id } })).response,
      };
    },
  },
  {
    label: 'meeting cancellation reason',
    field: 'reason',
    max: 500,
    attempt: async (value) => {
      const { meeting } = await newMeeting(5, 'SCHEDULED');
      return {
        actor: owner,
        call: () => meetingActions.cancelMeetingAction(meeting.id, null, form({ reason: value })),
        read: async () => (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).cancelReason,
      };
    },
  },
  {
    label: 'new time note',
    field: 'note',
    max: 500,
    attempt: async (value) => {
      const { meeting } = await newMeeting(5, 'SCHEDULED');
      return {
        actor: owner,
        call: () => meetingActions.proposeMoveAction(meeting.id, null, form({ date: inDays(9), time: '10:00', note: value })),
        read: async () => (await db.meetingReschedule.findFirst({ where: { meetingId: meeting.id } }))?.note,
      };
    },
  },
  ...(['headline', 'bio'] as const).map((field): FieldCase => ({
    label: `volunteer profile ${field}`,
    field,
    max: field === 'headline' ? 120 : 1000,
    attempt: async (value) => ({
      actor: profileVolunteer,
      call: () =>
        volunteerActions.saveVolunteerProfileAction(
          null,
          form({
            headline: 'Bid writer, ten years in the sector',
            bio: 'I have written lottery and trust bids for small charities since 2015.',
            [`skill:${skill.id}`]: 'EXPERIENCED',
            media: 'VIDEO',
            region: '',
            timeZone: LONDON,
            monthlyCapacity: '3',
            [field]: value,
          }),
        ),
      read: async () => (await db.volunteerProfile.findUniqueOrThrow({ where: { userId: profileVolunteer.id } }))[field],
    }),
  })),
  {
    label: 'a person’s name (account)',
    field: 'name',
    max: 80,
    refuses: (stored) => /[<>\u0000-\u001f]/.test(stored),
    attempt: async (value) => ({
      actor: profileVolunteer,
      call: () => accountActions.updateAccountAction(null, form({ name: value })),
      read: async () => (await db.user.findUniqueOrThrow({ where: { id: profileVolunteer.id } })).name,
    }),
  },
  ...(['name', 'description'] as const).flatMap((field): FieldCase[] => [
    {
      label: `organisation ${field} (new)`,
      field,
      max: field === 'name' ? 120 : 600,
      attempt: async (value) => {
        const founder = await createUser(db, onboarded());
        return {
          actor: founder,
          call: () => orgActions.createOrganisationAction(null, organisationForm({ [field]: value })),
          read: async () =>
            (await db.membership.findFirst({ where: { userId: founder.id }, select: { organisation: true } }))?.organisation[field],
        };
      },
    },
    {
      label: `organisation ${field} (edit)`,
      field,
      max: field === 'name' ? 120 : 600,
      attempt: async (value) => ({
        actor: owner,
        call: () => orgActions.updateOrganisationAction(editedOrg.id, null, organisationForm({ [field]: value })),
        read: async () => (await db.organisation.findUniqueOrThrow({ where: { id: editedOrg.id } }))[field],
      }),
    },
  ]),
  ...(['requestAskChangesAction', 'rejectAskAction'] as const).map((action): FieldCase => ({
    label: action === 'rejectAskAction' ? 'moderation: ask rejected, reason' : 'moderation: changes requested, message',
    field: 'note',
    max: 1000,
    attempt: async (value) => {
      const ask = await createAskBy(db, org.id, owner.id, { status: 'PENDING_REVIEW', publishedAt: null, submittedAt: new Date() });
      return {
        actor: admin,
        call: () => moderationActions[action](ask.id, null, form({ note: value })),
        read: async () => (await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).moderationNote,
      };
    },
  })),
  {
    label: 'moderation: organisation rejected, reason',
    field: 'reason',
    max: 500,
    attempt: async (value) => {
      const waiting = await createCharity(db, { organisation: { status: 'PENDING_VERIFICATION' }, owner: onboarded() });
      return {
        actor: admin,
        call: () => moderationActions.rejectOrganisationAction(waiting.organisation.id, null, form({ reason: value })),
        read: async () => (await db.organisation.findUniqueOrThrow({ where: { id: waiting.organisation.id } })).statusNote,
      };
    },
  },
  {
    label: 'moderation: suspension reason',
    field: 'reason',
    max: 500,
    attempt: async (value) => {
      const person = await createUser(db, onboarded());
      return {
        actor: admin,
        call: () => userActions.suspendUserAction(person.id, '', null, form({ reason: value })),
        read: async () => (await db.user.findUniqueOrThrow({ where: { id: person.id } })).suspendedWhy,
      };
    },
  },
  {
    label: 'invitation message',
    field: 'message',
    max: 500,
    attempt: async (value) => {
      const volunteer = await newVolunteer();
      return {
        actor: owner,
        call: () => invitationActions.inviteVolunteerAction(openAsk.id, volunteer.id, 0.8, null, form({ message: value })),
        read: async () => (await db.invitation.findFirst({ where: { askId: openAsk.id, volunteerId: volunteer.id } }))?.message,
      };
    },
  },
  {
    label: 'split: project title',
    field: 'projectTitle',
    max: 120,
    attempt: (value) => splitCase(value, 'projectTitle'),
  },
  {
    label: 'split: stage title',
    field: 'stage-1-title',
    max: 120,
    attempt: (value) => splitCase(value, 'stage-1-title'),
  },
  {
    label: 'split: stage question',
    field: 'stage-1-question',
    max: 2000,
    attempt: (value) => splitCase(value, 'stage-1-question'),
  },
  {
    label: 'offer accepted, join details',
    field: 'joinDetails',
    max: 500,
    attempt: async (value) => {
      // Each acceptance matches its ask: a fresh open ask, volunteer and offer with one time to choose.
      slot += 1;
      const ask = await createAskBy(db, org.id, owner.id, { media: ['VIDEO'], timeZone: LONDON, needsSkills: [skill.id] });
      const offer = await createOffer(db, ask.id, (await newVolunteer()).id);
      const startsAt = new Date(Date.now() + 6 * DAY + slot * 3_600_000);
      const time = await db.offerTime.create({ data: { offerId: offer.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000) } });
      return {
        actor: owner,
        call: () => offerActions.acceptOfferAction(offer.id, null, form({ timeId: time.id, joinDetails: value })),
        read: async () => (await db.meeting.findFirst({ where: { offerId: offer.id } }))?.joinDetails,
      };
    },
  },
  {
    label: 'a person’s name (onboarding)',
    field: 'name',
    max: 80,
    refuses: (stored) => /[<>\u0000-\u001f]/.test(stored),
    attempt: async (value) => {
      const newcomer = await createUser(db, { name: null });
      return {
        actor: newcomer,
        call: () => accountActions.completeOnboardingAction(null, form({ name: value, volunteer: 'on', next: '' })),
        read: async () => (await db.user.findUniqueOrThrow({ where: { id: newcomer.id } })).name,
      };
    },
  },
  {
    // An email field: no corpus entry is one address, so each is refused, and no invitation is stored or sent.
    label: 'organisation invitation, email',
    field: 'email',
    max: 254,
    refuses: () => true,
    attempt: async (value) => {
      // An organisation of its own each time: the invitation limit counts refused posts too.
      const inviter = await createCharity(db, { owner: { name: 'Ines Inviter', ...onboarded() } });
      return {
        actor: inviter.owner,
        call: () => orgActions.createInviteAction(inviter.organisation.id, null, form({ email: value })),
        read: async () => (await db.orgInvite.findFirst({ where: { organisationId: inviter.organisation.id } }))?.email,
      };
    },
  },
  {
    // Checked against the register for its type: no corpus entry is a charity number.
    label: 'organisation registration number',
    field: 'registrationNumber',
    max: 30,
    refuses: () => true,
    attempt: async (value) => ({
      actor: owner,
      call: () => orgActions.updateOrganisationAction(editedOrg.id, null, organisationForm({ registrationNumber: value })),
      read: async () => (await db.organisation.findUniqueOrThrow({ where: { id: editedOrg.id } })).registrationNumber,
    }),
  },
  {
    // Not stored: the words that confirm deleting an account. Any other text is refused and deletes nothing.
    label: 'account deletion, confirmation words',
    field: 'confirm',
    // No length limit of its own: only the words themselves pass.
    max: Number.POSITIVE_INFINITY,
    refuses: (stored) => stored.toLowerCase() !== 'delete my account',
    attempt: async (value) => {
      const person = await createUser(db, onboarded());
      return {
        actor: person,
        call: () => accountActions.deleteAccountAction(null, form({ confirm: value })),
        read: async () => (await db.user.findUnique({ where: { id: person.id } }))?.email,
      };
    },
  },
  {
    label: 'invitation declined, reason',
    field: 'reason',
    max: 500,
    attempt: async (value) => {
      const volunteer = await newVolunteer();
      const invitation = await db.invitation.create({
        data: { askId: openAsk.id, volunteerId: volunteer.id, invitedById: owner.id, message: 'Could you help?' },
      });
      return {
        actor: volunteer,
        call: () => invitationActions.declineInvitationAction(invitation.id, null, form({ reason: value })),
        read: async () => (await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).declineReason,
      };
    },
  },
];

/** Whether `field` should take `text`: the decision this file holds every field to. */
function expectedOutcome(fieldCase: FieldCase, text: string): { stored: string } | { refused: true } {
  const stored = storedForm(text);
  if (stored.length > fieldCase.max || fieldCase.refuses?.(stored)) return { refused: true };
  return { stored };
}

/** What each field did with the corpus, for the report at the end. */
const tally: Array<{ label: string; stored: number; refused: number }> = [];

beforeAll(async () => {
  skill = await createSkill(db, 'hostile-bookkeeping');
  const charity = await createCharity(db, { organisation: { name: 'Hostile Test Trust' }, owner: { name: 'Olu Owner', ...onboarded() } });
  org = charity.organisation;
  owner = charity.owner;
  editedOrg = await createOrganisation(db, { name: 'Edited Organisation' });
  await db.membership.create({ data: { organisationId: editedOrg.id, userId: owner.id, role: 'OWNER' } });
  admin = await createUser(db, { role: 'ADMIN', name: 'Ada Admin', ...onboarded() });
  profileVolunteer = await newVolunteer('Pat Profile');
  openAsk = await createAskBy(db, org.id, owner.id, {
    title: 'Check our cashbook for restricted funds',
    media: ['VIDEO', 'PHONE'],
    timeZone: LONDON,
    durationMinutes: 30,
    needsSkills: [skill.id],
  });
});

afterEach(() => {
  session.user = null;
});

describe('every free-text field, through its server action', () => {
  it.each(FIELD_CASES.map((fieldCase) => [fieldCase.label, fieldCase] as const))(
    '%s stores each entry as typed or refuses it with a field error',
    async (_label, fieldCase) => {
      const counts = { label: fieldCase.label, stored: 0, refused: 0 };
      for (const entry of HOSTILE_CORPUS) {
        const attempt = await fieldCase.attempt(entry.text);
        await signInAs(attempt.actor);
        const before = { rows: await rowCounts(), value: await attempt.read() };
        const settled = await settle(attempt.call);
        const where = `${fieldCase.label} ← ${entry.name}: ${describeSettled(settled)}`;
        expect(settled.kind, where).not.toBe('threw');
        const expected = expectedOutcome(fieldCase, entry.text);
        if ('stored' in expected) {
          expect(succeeded(settled), where).toBe(true);
          expect(await attempt.read(), where).toBe(expected.stored);
          counts.stored += 1;
        } else {
          expect(fieldErrorsOf(settled)?.[fieldCase.field]?.length ?? 0, where).toBeGreaterThan(0);
          // The form keeps what was typed, to show it again beside the error.
          expect((settled as { value: { values: Record<string, unknown> } }).value.values[fieldCase.field], where).toBeDefined();
          expect(await rowCounts(), where).toEqual(before.rows);
          expect(await attempt.read(), where).toBe(before.value);
          counts.refused += 1;
        }
      }
      tally.push(counts);
    },
    240_000,
  );

  it('the two web-address fields take only http(s) addresses, whatever is typed', async () => {
    for (const entry of HOSTILE_CORPUS) {
      await signInAs(owner);
      for (const [label, call, read] of [
        [
          'ask prep link',
          () => askActions.createAskAction(null, askDraft({ prepLink: entry.text })),
          async () => (await latestAsk())?.prepLink,
        ],
        [
          'organisation website',
          () => orgActions.updateOrganisationAction(editedOrg.id, null, organisationForm({ website: entry.text })),
          async () => (await db.organisation.findUniqueOrThrow({ where: { id: editedOrg.id } })).website,
        ],
      ] as const) {
        const before = await read();
        const settled = await settle(call);
        const where = `${label} ← ${entry.name}: ${describeSettled(settled)}`;
        expect(settled.kind, where).not.toBe('threw');
        if (succeeded(settled)) {
          const stored = await read();
          expect(stored, where).toMatch(/^https?:\/\/[^\s<>"']+$/);
          expect(new URL(stored!).protocol, where).toMatch(/^https?:$/);
        } else {
          expect(Object.keys(fieldErrorsOf(settled) ?? {}), where).toEqual([label === 'ask prep link' ? 'prepLink' : 'website']);
          expect(await read(), where).toBe(before);
        }
      }
    }
  });

  it('an organisation invitation refuses an address that smuggles a header, a second recipient or markup', async () => {
    const HOSTILE_ADDRESSES = [
      'colleague@example.org\r\nBcc: victim@evil.test',
      'colleague@example.org\nSubject: Free money',
      'colleague@example.org, victim@evil.test',
      'colleague@example.org;victim@evil.test',
      '"Colleague" <colleague@example.org>',
      'Colleague <victim@evil.test>',
      '"victim@evil.test"@example.org',
      'colleague@example.org@evil.test',
      '<script>alert(1)</script>@example.org',
      'colleague@exa<mple.org',
      'colleague\u202E@example.org',
      'colleague@example.org\u0000victim@evil.test',
      'colleague@example.org%0d%0abcc:victim@evil.test',
      `${'a'.repeat(65)}@example.org`,
      `colleague@${'a'.repeat(250)}.org`,
      'javascript:alert(1)//@example.org',
    ];
    for (const address of HOSTILE_ADDRESSES) {
      const inviter = await createCharity(db, { owner: { name: 'Ines Inviter', ...onboarded() } });
      await signInAs(inviter.owner);
      const before = await rowCounts();
      const settled = await settle(() => orgActions.createInviteAction(inviter.organisation.id, null, form({ email: address })));
      const where = `invitation to ${JSON.stringify(address)}: ${describeSettled(settled)}`;
      expect(fieldErrorsOf(settled)?.email?.length ?? 0, where).toBeGreaterThan(0);
      expect(await rowCounts(), where).toEqual(before);
    }
    // The same form with one plain address is stored lower-cased, and its email queued.
    const inviter = await createCharity(db, { owner: { name: 'Ines Inviter', ...onboarded() } });
    await signInAs(inviter.owner);
    const settled = await settle(() =>
      orgActions.createInviteAction(inviter.organisation.id, null, form({ email: ' Colleague@Example.ORG ' })),
    );
    expect(succeeded(settled), describeSettled(settled)).toBe(true);
    expect((await db.orgInvite.findFirstOrThrow({ where: { organisationId: inviter.organisation.id } })).email).toBe(
      'colleague@example.org',
    );
  });

  it('onboarding sends a hostile return address nowhere but a page of this site', async () => {
    const hostileNext = [
      ...HOSTILE_CORPUS.map((entry) => entry.text),
      'https://evil.test/phish',
      '//evil.test/phish',
      '/\\evil.test/phish',
      '\\/evil.test',
      '/%2F%2Fevil.test',
      ' /\t/evil.test',
      '/dashboard\r\nLocation: https://evil.test',
    ];
    for (const next of hostileNext) {
      const newcomer = await createUser(db, { name: null });
      await signInAs(newcomer);
      const settled = await settle(() =>
        accountActions.completeOnboardingAction(null, form({ name: 'Nia Newcomer', volunteer: 'on', next })),
      );
      const where = `next ${JSON.stringify(next.slice(0, 80))}: ${describeSettled(settled)}`;
      // The one refusal: a return address longer than any page's (2,000 characters), refused with nothing written.
      if (next.length > 2000) {
        expect(fieldErrorsOf(settled)?.next?.length ?? 0, where).toBeGreaterThan(0);
        expect((await db.user.findUniqueOrThrow({ where: { id: newcomer.id } })).onboardedAt, where).toBeNull();
        continue;
      }
      expect(settled.kind, where).toBe('redirect');
      const to = (settled as { to: string }).to;
      // A path of this site: one leading slash, no scheme, no second slash or backslash a browser reads as another host.
      expect(to, where).toMatch(/^\/(?![\/\\])/);
      expect(new URL(to, APP).origin, where).toBe(APP);
      expect(to, where).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });

  it('a lone surrogate sent straight to a lib function (no browser to replace it) is stored as U+FFFD, not lost', async () => {
    const { saveVolunteerProfile } = await import('@/lib/volunteers/mutations');
    const result = await saveVolunteerProfile(profileVolunteer, {
      headline: 'Bid writer \uD800 and \uDC00',
      bio: 'I have written lottery and trust bids \uD83D for small charities since 2015.',
      [`skill:${skill.id}`]: 'EXPERT',
      media: 'VIDEO',
      region: '',
      timeZone: LONDON,
      monthlyCapacity: '3',
    });
    expect(result).toMatchObject({ ok: true });
    const profile = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: profileVolunteer.id } });
    expect(profile.headline).toBe('Bid writer \uFFFD and \uFFFD');
    expect(profile.bio).toBe('I have written lottery and trust bids \uFFFD for small charities since 2015.');
  });
});

// ------------------------------------------------------------------ emails and calendar invites

const APP = 'https://halfhour.example';
const emailContext = (recipientName: string | null): EmailContext => ({
  appUrl: APP,
  recipientName,
  preferencesUrl: `${APP}/account#email-preferences`,
  unsubscribeUrl: `${APP}/unsubscribe?token=tok&topic=offers`,
  messageId: '<hostile@halfhour.example>',
  sender: 'HalfHour <no-reply@halfhour.example>',
});

/** Every string in a message's data. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * What a reader sees of an email's HTML: its tags dropped and its entities decoded. Text the input smuggled in
 * as a tag would vanish here; escaped, it reads as typed.
 */
function htmlText(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<(style|head)[^>]*>[\s\S]*?<\/\1>/gi, '');
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(
      /&(lt|gt|quot|apos|nbsp|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', amp: '&' })[name]!,
    );
}
/** Runs of white space as one space; html-to-text counts a zero-width space as white space too (its default). */
const collapse = (text: string) => text.replace(/[\s\u200b]+/g, ' ').trim();

/** Tags and attributes that would make text from the input live: none of them is in any template. */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name = ''] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)[^>]*>/g)) {
    if (/^(script|img|svg|iframe|object|embed|textarea|form|input|base|frame|math)$/i.test(name)) found.push(tag);
    if (/\son[a-z]+\s*=/i.test(tag)) found.push(tag);
    if (/\s(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(tag)) found.push(tag);
  }
  return found;
}

/** Which stored corpus texts a message carries (each as the app stored it). */
const storedCorpus = HOSTILE_CORPUS.map((entry) => storedForm(entry.text)).filter((text) => text.length <= 3000);
const carriedCorpus = (message: EmailMessage) =>
  stringsIn(message.data).flatMap((value) => storedCorpus.filter((text) => value === text || value.includes(text)));

async function checkRendered(message: EmailMessage, where: string) {
  const rendered = await renderEmail(message, emailContext('Pat "<b>Profile</b>" O\'Neil\r\nBcc: x@evil.test'));
  // One line, and no control character a header could carry into the mail server or the inbox.
  expect(rendered.subject, `${where}: subject`).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(liveMarkup(rendered.html), `${where}: live markup in the HTML`).toEqual([]);
  for (const text of carriedCorpus(message)) {
    // The HTML carries it escaped, and its text (entities decoded) reads as typed; so does the plain text.
    expect(collapse(htmlText(rendered.html)), `${where}: HTML shows ${JSON.stringify(text)}`).toContain(collapse(text));
    expect(collapse(rendered.text), `${where}: text shows ${JSON.stringify(text)}`).toContain(collapse(text));
  }
  return rendered;
}

describe('the emails the hostile text went into', () => {
  it('render it as text, never as markup, with single-line subjects', async () => {
    const rows = await db.emailOutbox.findMany({ orderBy: { createdAt: 'asc' } });
    const kinds = new Set<EmailKind>();
    let withCorpus = 0;
    for (const row of rows) {
      const message = { kind: row.kind, data: row.data } as EmailMessage;
      const rendered = await checkRendered(message, `${row.kind} ${row.id}`);
      // A stored join detail or title travels in the invite too: still one event, its attendees the two people.
      for (const attachment of rendered.attachments) {
        const reading = parseWithIcalJs(onTheWire(attachment.content));
        expect(reading.events, `${row.kind} ${row.id}: events in the invite`).toBe(1);
        expect(reading.attendees.length, `${row.kind} ${row.id}: attendees in the invite`).toBeLessThanOrEqual(2);
      }
      kinds.add(message.kind);
      if (carriedCorpus(message).length > 0) withCorpus += 1;
    }
    // The kinds the fields above queue, each with hostile text in it.
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'ask-changes-requested',
        'ask-rejected',
        'invitation-to-help',
        'meeting-cancelled',
        'move-proposed',
        'offer-accepted',
        'offer-declined',
        'offer-received',
        'organisation-rejected',
        'thank-you-received',
      ]),
    );
    expect(withCorpus).toBeGreaterThan(100);
  });
});

/**
 * Every kind of email with `text` (as the app stores it) in each field a person wrote: titles, names,
 * messages, notes, reasons, places. A kind added to messages.ts without a line here fails to compile.
 */
function everyEmail(text: string): Record<EmailKind, EmailMessage> {
  const url = `${APP}/somewhere?x=1&y=2`;
  const when = { startsAt: '2026-12-11T15:00:00.000Z', endsAt: '2026-12-11T15:30:00.000Z', timeZone: LONDON };
  const meeting = {
    meetingId: 'cmhostile1',
    askTitle: text,
    withName: text,
    ...when,
    medium: 'IN_PERSON' as const,
    joinDetails: text,
    attendees: [{ name: text, email: 'someone@example.org' }],
  };
  const clinic = {
    clinicId: 'cchostile1',
    seatId: 'cshostile1',
    topic: text,
    volunteerName: text,
    ...when,
    medium: 'IN_PERSON' as const,
    joinDetails: text,
    sequence: 1,
    url,
    attendees: [{ name: text, email: 'someone@example.org' }],
  };
  return {
    'sign-in-link': { kind: 'sign-in-link', data: { url, minutes: 15 } },
    'organisation-invite': {
      kind: 'organisation-invite',
      data: { organisationName: text, inviterName: text, url, expiresAt: when.endsAt },
    },
    'organisation-verified': {
      kind: 'organisation-verified',
      data: { organisationName: text, url, publishedAsks: [{ title: text, url }] },
    },
    'organisation-rejected': { kind: 'organisation-rejected', data: { organisationName: text, reason: text, url } },
    'ask-approved': { kind: 'ask-approved', data: { askTitle: text, organisationName: text, url, published: true } },
    'ask-changes-requested': { kind: 'ask-changes-requested', data: { askTitle: text, note: text, url } },
    'ask-rejected': { kind: 'ask-rejected', data: { askTitle: text, note: text, url } },
    'clinic-approved': { kind: 'clinic-approved', data: clinic },
    'clinic-changes-requested': { kind: 'clinic-changes-requested', data: { ...clinic, note: text, editUrl: url } },
    'clinic-rejected': { kind: 'clinic-rejected', data: { ...clinic, note: text } },
    'clinic-seat-booked': {
      kind: 'clinic-seat-booked',
      data: { ...clinic, organisationName: text, question: text, volunteerEmail: 'someone@example.org' },
    },
    'clinic-waiting-list-joined': { kind: 'clinic-waiting-list-joined', data: { ...clinic, organisationName: text, position: 2 } },
    'clinic-seat-offered': { kind: 'clinic-seat-offered', data: { ...clinic, organisationName: text, expiresAt: when.endsAt } },
    'clinic-seat-lapsed': {
      kind: 'clinic-seat-lapsed',
      data: { ...clinic, organisationName: text, heldUntil: when.endsAt, outcome: 'offered' },
    },
    'offer-received': { kind: 'offer-received', data: { askTitle: text, volunteerName: text, message: text, url } },
    'offer-waiting': { kind: 'offer-waiting', data: { askTitle: text, volunteerName: text, waitingDays: 3, url } },
    'offer-accepted': { kind: 'offer-accepted', data: { ...meeting, organisationName: text, sequence: 0, url } },
    'offer-declined': {
      kind: 'offer-declined',
      data: { askTitle: text, organisationName: text, reason: 'declined', note: text, url },
    },
    'invitation-to-help': {
      kind: 'invitation-to-help',
      data: { askTitle: text, organisationName: text, inviterName: text, message: text, url },
    },
    'offer-withdrawn': { kind: 'offer-withdrawn', data: { askTitle: text, volunteerName: text, reason: 'withdrawn', url } },
    'move-proposed': {
      kind: 'move-proposed',
      data: { ...meeting, proposedStartsAt: when.startsAt, proposedEndsAt: when.endsAt, proposedByName: text, note: text, url },
    },
    'move-declined': { kind: 'move-declined', data: { ...meeting, proposedStartsAt: when.startsAt, declinedByName: text, url } },
    'meeting-rescheduled': { kind: 'meeting-rescheduled', data: { ...meeting, previousStartsAt: when.startsAt, sequence: 1, url } },
    'meeting-cancelled': {
      kind: 'meeting-cancelled',
      data: { ...meeting, cancelledByName: text, cancelledByYou: false, reason: text, sequence: 2, url },
    },
    'meeting-reminder': { kind: 'meeting-reminder', data: { ...meeting, lead: '24h', url } },
    'feedback-request': {
      kind: 'feedback-request',
      data: { meetingId: 'cmhostile1', askTitle: text, withName: text, heldAt: when.startsAt, timeZone: LONDON, url },
    },
    'thank-you-received': { kind: 'thank-you-received', data: { askTitle: text, organisationName: text, thanks: text, url } },
    'volunteer-paused': { kind: 'volunteer-paused', data: { noShows: 3, days: 30, url } },
    'practice-check': {
      kind: 'practice-check',
      data: { askTitle: text, volunteerName: text, heldAt: when.startsAt, timeZone: LONDON, url },
    },
    'ask-expiring': { kind: 'ask-expiring', data: { askTitle: text, deadline: when.endsAt, timeZone: LONDON, url } },
    'weekly-digest': {
      kind: 'weekly-digest',
      data: { asks: [{ title: text, organisationName: text, durationMinutes: 30, skills: [text], url }], moreCount: 0, browseUrl: url },
    },
    'report-received': { kind: 'report-received', data: { what: 'an ask', url } },
    'report-outcome': { kind: 'report-outcome', data: { what: 'an ask', outcome: 'We agreed and have hidden it.', url } },
    'content-hidden': { kind: 'content-hidden', data: { what: text, kind: 'an ask', reason: text, url } },
    'user-warned': { kind: 'user-warned', data: { what: text, note: text, url } },
    'clinic-moved': {
      kind: 'clinic-moved',
      data: { ...clinic, audience: 'booked', previousStartsAt: when.startsAt, giveUpUrl: url },
    },
    'clinic-cancelled': { kind: 'clinic-cancelled', data: { ...clinic, audience: 'volunteer', cancelledByName: text, reason: text } },
    'clinic-reminder': { kind: 'clinic-reminder', data: { ...clinic, audience: 'booked', lead: '1h' } },
    'clinic-feedback-request': { kind: 'clinic-feedback-request', data: { ...clinic, heldAt: when.startsAt } },
  };
}

describe('every email template', () => {
  it.each(HOSTILE_CORPUS.filter((entry) => storedForm(entry.text).length <= 3000).map((entry) => [entry.name, entry.text] as const))(
    'shows %s as text, in a single-line subject, with an invite that holds one event',
    async (_name, typed) => {
      const text = storedForm(typed);
      for (const message of Object.values(everyEmail(text))) {
        const rendered = await checkRendered(message, `${message.kind} with ${JSON.stringify(text)}`);
        for (const attachment of rendered.attachments) {
          const reading = parseWithIcalJs(onTheWire(attachment.content));
          expect(reading.events, message.kind).toBe(1);
          expect(reading.summary, message.kind).toBe(`HalfHour: ${calendarText(text)}`);
        }
      }
    },
  );
});

describe('calendar invites', () => {
  const meeting = {
    meetingId: 'cmhostile1',
    startsAt: '2026-12-11T15:00:00.000Z',
    endsAt: '2026-12-11T15:30:00.000Z',
    timeZone: LONDON,
    medium: 'IN_PERSON' as const,
  };
  const EXPECTED_PROPERTIES = [
    'ATTENDEE',
    'DESCRIPTION',
    'DTEND',
    'DTSTAMP',
    'DTSTART',
    'LOCATION',
    'ORGANIZER',
    'SEQUENCE',
    'STATUS',
    'SUMMARY',
    'UID',
    'URL',
    'X-MICROSOFT-CDO-BUSYSTATUS',
  ];

  it.each(HOSTILE_CORPUS.filter((entry) => entry.text.length < 5000).map((entry) => [entry.name, entry.text] as const))(
    'hold one event with its own properties when the title, names and place are %s',
    (_name, text) => {
      for (const method of ['REQUEST', 'CANCEL'] as const) {
        const ics = onTheWire(
          meetingInvite(
            {
              ...meeting,
              askTitle: text,
              withName: text,
              joinDetails: text,
              attendees: [
                { name: text, email: 'charity@example.org' },
                { name: 'Dev O’Connor', email: 'dev@example.org' },
              ],
            },
            { method, sequence: 2, sender: 'HalfHour <no-reply@halfhour.example>', url: `${APP}/meetings/cmhostile1` },
          ),
        );
        const where = `${method} with ${JSON.stringify(text)}:\n${ics}`;
        // Every line is a property or a continuation, each ends in CRLF, and no bare CR or LF is left in a value.
        expect(ics.endsWith('\r\n'), where).toBe(true);
        expect(ics.replace(/\r\n/g, ''), where).not.toMatch(/[\r\n]/);
        expect(ics.match(/^BEGIN:VEVENT\r$/gm), where).toHaveLength(1);
        const reading = parseWithIcalJs(ics);
        expect(reading.events, where).toBe(1);
        expect(reading.uid, where).toBe('meeting-cmhostile1@halfhour');
        expect(reading.sequence, where).toBe(2);
        expect(reading.properties, where).toEqual(EXPECTED_PROPERTIES);
        expect(
          reading.attendees.map((attendee) => attendee.address),
          where,
        ).toEqual(['mailto:charity@example.org', 'mailto:dev@example.org']);
        expect(reading.summary, where).toBe(`HalfHour: ${calendarText(text)}`);
      }
    },
  );

  it('agree across ical.js, vobject and icalendar for the injection attempts', () => {
    for (const entry of HOSTILE_CORPUS.filter((e) =>
      /CRLF|CR and LF|script tag$|lone|emoji|right-to-left|control|separators|NUL/.test(e.name),
    )) {
      const ics = onTheWire(
        meetingInvite(
          {
            ...meeting,
            askTitle: entry.text,
            withName: entry.text,
            joinDetails: entry.text,
            attendees: [{ name: entry.text, email: 'a@example.org' }],
          },
          { method: 'REQUEST', sequence: 0, sender: 'HalfHour <no-reply@halfhour.example>', url: `${APP}/meetings/cmhostile1` },
        ),
      );
      const reading = parseEverywhere(ics);
      expect(reading.events, entry.name).toBe(1);
      expect(reading.summary, entry.name).toBe(`HalfHour: ${calendarText(entry.text)}`);
    }
  });
});

/** The invite as it travels, attached to an email in UTF-8 (where a lone surrogate is U+FFFD), and is read. */
const onTheWire = (ics: string) => Buffer.from(ics, 'utf8').toString('utf8');

/**
 * What a calendar shows for text: every line break (CR, CRLF, NEL, LS, PS) as the one LF RFC 5545 can carry,
 * the other control characters gone, a lone surrogate as U+FFFD; everything else as typed.
 */
function calendarText(text: string): string {
  return text
    .toWellFormed()
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

// ------------------------------------------------------------------ malformed requests

const MALFORMED_IDS = [
  'not-a-cuid',
  'x'.repeat(10_000),
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  'ünïcødé-👩‍👩‍👧‍👦-\u202Eid',
  "' OR '1'='1",
  'id\u0000with-nul',
  '\uD800',
  '',
];

describe('malformed requests', () => {
  it('a malformed id in any bound action is a 404 or a form error, and writes nothing', async () => {
    for (const id of MALFORMED_IDS) {
      type Call = [string, { id: string }, () => Promise<unknown>];
      const calls: Call[] = [
        // No id is how the form for a new ask is bound: that one creates, as it should.
        ...(id ? [['saveAskAction', owner, () => askActions.saveAskAction(id, null, askDraft({}))] satisfies Call] : []),
        ['withdrawAskAction', owner, () => askActions.withdrawAskAction(id, null, form({ reason: 'No longer needed' }))],
        ['makeOfferAction', profileVolunteer, () => offerActions.makeOfferAction(id, null, offerForm({}))],
        ['declineOfferAction', owner, () => offerActions.declineOfferAction(id, null, form({ reason: 'OTHER' }))],
        ['acceptOfferAction', owner, () => offerActions.acceptOfferAction(id, null, form({ timeId: id }))],
        ['giveFeedbackAction', owner, () => feedbackActions.giveFeedbackAction(id, null, form({ rating: '5' }))],
        ['cancelMeetingAction', owner, () => meetingActions.cancelMeetingAction(id, null, form({ reason: 'Ill' }))],
        ['proposeMoveAction', owner, () => meetingActions.proposeMoveAction(id, null, form({ date: inDays(9), time: '10:00' }))],
        ['updateOrganisationAction', owner, () => orgActions.updateOrganisationAction(id, null, organisationForm({}))],
        [
          'requestAskChangesAction',
          admin,
          () => moderationActions.requestAskChangesAction(id, null, form({ note: 'Please say more about it.' })),
        ],
        [
          'rejectOrganisationAction',
          admin,
          () => moderationActions.rejectOrganisationAction(id, null, form({ reason: 'Not a charity at all.' })),
        ],
        ['suspendUserAction', admin, () => userActions.suspendUserAction(id, '', null, form({ reason: 'Spam, repeatedly.' }))],
        [
          'inviteVolunteerAction (ask)',
          owner,
          () => invitationActions.inviteVolunteerAction(id, profileVolunteer.id, null, null, form({})),
        ],
        ['inviteVolunteerAction (volunteer)', owner, () => invitationActions.inviteVolunteerAction(openAsk.id, id, null, null, form({}))],
        [
          'declineInvitationAction',
          profileVolunteer,
          () => invitationActions.declineInvitationAction(id, null, form({ reason: 'Too busy' })),
        ],
      ];
      for (const [name, actor, call] of calls) {
        await signInAs(actor);
        const before = await rowCounts();
        const settled = await settle(call);
        const where = `${name}(${JSON.stringify(id.slice(0, 40))}…): ${describeSettled(settled)}`;
        const refused = settled.kind === 'not-found' || (settled.kind === 'returned' && !succeeded(settled));
        // Rejecting an organisation no longer waiting is answered as done (two admins at once both see success).
        const idempotent = name === 'rejectOrganisationAction' && settled.kind === 'redirect';
        expect(refused || idempotent, where).toBe(true);
        expect(await rowCounts(), where).toEqual(before);
      }
    }
  });

  it('malformed dates, times and time zones get a field error, and nothing is written', async () => {
    const { meeting } = await newMeeting(5, 'SCHEDULED');
    const ZONES = ['Mars/Olympus', '../../etc/passwd', 'Europe/London\r\nX-Injected: 1', 'x'.repeat(1000), 'Europe/'.repeat(150), '\u0000'];
    const DATES = ['2026-02-30', '2027-13-01', '99999-01-01', '0000-00-00', '2027-1-1', '31/01/2027', 'x\u0000', 'x'.repeat(10_000)];
    const TIMES = ['25:61', '24:00', '9:30', '10:00:00.000Z', '-01:00', '10:0\u0000', 'x'.repeat(10_000)];
    const cases: Array<[string, string, { id: string }, () => Promise<unknown>]> = [
      ...ZONES.map((zone): [string, string, { id: string }, () => Promise<unknown>] => [
        `ask time zone ${JSON.stringify(zone.slice(0, 30))}`,
        'timeZone',
        owner,
        () => askActions.createAskAction(null, askDraft({ timeZone: zone })),
      ]),
      ...ZONES.map((zone): [string, string, { id: string }, () => Promise<unknown>] => [
        `profile time zone ${JSON.stringify(zone.slice(0, 30))}`,
        'timeZone',
        profileVolunteer,
        () =>
          volunteerActions.saveVolunteerProfileAction(
            null,
            form({
              headline: 'Bid writer',
              bio: 'Twenty years of writing bids for charities.',
              [`skill:${skill.id}`]: 'EXPERT',
              media: 'VIDEO',
              timeZone: zone,
              monthlyCapacity: '2',
            }),
          ),
      ]),
      ...DATES.map((date): [string, string, { id: string }, () => Promise<unknown>] => [
        `ask deadline ${JSON.stringify(date.slice(0, 30))}`,
        'deadline',
        owner,
        () => askActions.createAskAction(null, askDraft({ deadline: date })),
      ]),
      ...DATES.map((date): [string, string, { id: string }, () => Promise<unknown>] => [
        `new time date ${JSON.stringify(date.slice(0, 30))}`,
        'date',
        owner,
        () => meetingActions.proposeMoveAction(meeting.id, null, form({ date, time: '10:00' })),
      ]),
      ...DATES.map((date): [string, string, { id: string }, () => Promise<unknown>] => [
        `offer time date ${JSON.stringify(date.slice(0, 30))}`,
        'time1',
        profileVolunteer,
        () => offerActions.makeOfferAction(openAsk.id, null, offerForm({ time1Date: date })),
      ]),
      ...DATES.map((date): [string, string, { id: string }, () => Promise<unknown>] => [
        `pause until ${JSON.stringify(date.slice(0, 30))}`,
        'pausedUntil',
        profileVolunteer,
        () => volunteerActions.pauseVolunteeringAction(null, form({ pausedUntil: date })),
      ]),
      ...TIMES.map((time): [string, string, { id: string }, () => Promise<unknown>] => [
        `new time ${JSON.stringify(time.slice(0, 30))}`,
        'time',
        owner,
        () => meetingActions.proposeMoveAction(meeting.id, null, form({ date: inDays(9), time })),
      ]),
      ...TIMES.map((time): [string, string, { id: string }, () => Promise<unknown>] => [
        `offer time ${JSON.stringify(time.slice(0, 30))}`,
        'time1',
        profileVolunteer,
        () => offerActions.makeOfferAction(openAsk.id, null, offerForm({ time1Time: time })),
      ]),
      ...TIMES.map((time): [string, string, { id: string }, () => Promise<unknown>] => [
        `ask availability ${JSON.stringify(time.slice(0, 30))}`,
        'availability',
        owner,
        () => askActions.createAskAction(null, askDraft({ 'day-1': 'on', 'from-1': time, 'to-1': '17:00' })),
      ]),
    ];
    for (const [name, field, actor, call] of cases) {
      await signInAs(actor);
      const before = await rowCounts();
      const settled = await settle(call);
      const where = `${name}: ${describeSettled(settled)}`;
      expect(fieldErrorsOf(settled)?.[field]?.length ?? 0, where).toBeGreaterThan(0);
      expect(await rowCounts(), where).toEqual(before);
    }
  });

  it('10,000 fields in one form, or a 2 MB value, get a clear error and write nothing', async () => {
    const crowded = askDraft({});
    for (let n = 0; n < 10_000; n += 1) crowded.append(`field${n}`, 'x');
    const skills = askDraft({});
    for (let n = 0; n < 10_000; n += 1) skills.append('skills', skill.slug);
    const media = askDraft({});
    for (let n = 0; n < 10_000; n += 1) media.append('media', n % 2 ? 'VIDEO' : 'CARRIER_PIGEON');
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const cases: Array<[string, { id: string }, () => Promise<unknown>, (settled: Settled) => boolean]> = [
      // Unknown fields are ignored: the ask is saved as a draft with its own fields only.
      ['10,000 unknown fields', owner, () => askActions.createAskAction(null, crowded), succeeded],
      ['10,000 skills', owner, () => askActions.createAskAction(null, skills), (s) => Boolean(fieldErrorsOf(s)?.skills)],
      ['10,000 ways to meet', owner, () => askActions.createAskAction(null, media), (s) => Boolean(fieldErrorsOf(s)?.media)],
      ['a 2 MB title', owner, () => askActions.createAskAction(null, askDraft({ title: huge })), (s) => Boolean(fieldErrorsOf(s)?.title)],
      [
        'a 2 MB offer message',
        profileVolunteer,
        () => offerActions.makeOfferAction(openAsk.id, null, offerForm({ message: huge })),
        (s) => Boolean(fieldErrorsOf(s)?.message),
      ],
      [
        'a 2 MB bio',
        profileVolunteer,
        () => volunteerActions.saveVolunteerProfileAction(null, form({ bio: huge })),
        (s) => Boolean(fieldErrorsOf(s)?.bio),
      ],
      [
        'a 2 MB name',
        profileVolunteer,
        () => accountActions.updateAccountAction(null, form({ name: huge })),
        (s) => Boolean(fieldErrorsOf(s)?.name),
      ],
    ];
    for (const [name, actor, call, expected] of cases) {
      await signInAs(actor);
      const before = await rowCounts();
      const settled = await settle(call);
      const where = `${name}: ${describeSettled(settled)}`;
      expect(expected(settled), where).toBe(true);
      if (!succeeded(settled)) expect(await rowCounts(), where).toEqual(before);
    }
    const saved = await latestAsk();
    expect(saved?.title).toBe('Check the opening paragraph of our bid');
  });
});

describe('the corpus, for the report', () => {
  it('covers every field', () => {
    console.info(
      `hostile corpus: ${HOSTILE_CORPUS.length} entries x ${FIELD_CASES.length + 2} fields\n` +
        tally.map((row) => `  ${row.label}: ${row.stored} stored, ${row.refused} refused`).join('\n'),
    );
    expect(tally).toHaveLength(FIELD_CASES.length);
  });
});
