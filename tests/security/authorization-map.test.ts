// The authorization map: every endpoint of the app (each export of a 'use server' module, each method of a
// route.ts: tests/support/endpoints.ts finds them) against every kind of person, called with real ids of someone
// else's data (tests/support/authorization-world.ts). A refusal must look like a 404, a redirect to sign in
// (or to the step a guard requires first) or a field error, never a 500, and must change nothing in the
// database and queue no email. The rightful actor is called too, so each refusal is known to be about who
// asked and not about a bad form. A new endpoint fails the first test until it has a row here.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { authSecret } from '@/lib/auth/secret';
import { unsubscribeToken } from '@/lib/email/unsubscribe';
import * as accountData from '@/app/(app)/account/data/route';
import * as healthCsv from '@/app/admin/health/[table]/route';
import * as auditExport from '@/app/admin/audit/export/route';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import * as e2eClinicStarted from '@/app/api/e2e/clinics/[id]/started/route';
import * as e2eStarted from '@/app/api/e2e/meetings/[id]/started/route';
import * as clinicCalendarRoute from '@/app/api/clinics/[id]/calendar/route';
import * as calendarRoute from '@/app/api/meetings/[id]/calendar/route';
import * as unsubscribeRoute from '@/app/api/unsubscribe/route';
import * as matchesRoute from '@/app/api/v1/asks/[id]/matches/route';
import * as account from '@/lib/account/actions';
import * as asks from '@/lib/asks/actions';
import * as auth from '@/lib/auth/actions';
import * as blocks from '@/lib/blocks/actions';
import * as clinics from '@/lib/clinics/actions';
import * as clinicSession from '@/lib/clinics/session-actions';
import * as email from '@/lib/email/actions';
import * as feedback from '@/lib/feedback/actions';
import * as invitations from '@/lib/invitations/actions';
import * as meetings from '@/lib/meetings/actions';
import * as moderation from '@/lib/moderation/actions';
import * as clinicModeration from '@/lib/moderation/clinic-actions';
import * as users from '@/lib/moderation/user-actions';
import * as offers from '@/lib/offers/actions';
import * as orgs from '@/lib/orgs/actions';
import * as reports from '@/lib/reports/actions';
import * as volunteers from '@/lib/volunteers/actions';
import {
  asSignedIn,
  buildWorld,
  fingerprint,
  inDays,
  offerForm,
  victimRows,
  type Person,
  type World,
} from '../support/authorization-world';
import { discoverEndpoints, inlineServerActionFiles } from '../support/endpoints';
import { withJobQueue } from '../support/jobs';

// Who is signed in is the one thing the test chooses: the guards and lib/ read it as in the app.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getCurrentUser: async () => session.user,
  currentSessionToken: async () => undefined,
  endAllSessions: async () => undefined,
}));
// Outside a request Next has no cache store or cookie jar to write to; what they would do is not under test here.
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
}));
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers({ host: 'localhost:3000' }),
}));

withJobQueue();

// ------------------------------------------------------------------------------------------- the map

/**
 * refused: a 404, a redirect to sign in (or to the step a guard wants first) or a form error; nothing changes.
 * allowed: it works (in a world of its own, as it changes things).
 * reads:   it answers and changes nothing.
 * own:     it acts only on the caller's own account (in a world of its own): everyone else's rows stay as they were.
 * n/a:     not called, for the reason given.
 */
type Cell = 'refused' | 'allowed' | 'reads' | 'own' | `n/a: ${string}`;
const NO = 'refused';
const YES = 'allowed';
const READS = 'reads';
const OWN = 'own';

const ROLES = ['signedOut', 'volunteer', 'otherStaff', 'member', 'suspended', 'admin'] as const;
type Role = (typeof ROLES)[number];
/** Who each column is, in the world: a volunteer with no part in the charity's data, the owner of another
 * organisation, a member (not owner) of the charity, a suspended member of the charity, an admin. */
const ROLE_PEOPLE: Record<Role, Person | null> = {
  signedOut: null,
  volunteer: 'volunteer',
  otherStaff: 'otherStaff',
  member: 'member',
  suspended: 'suspended',
  admin: 'admin',
};

type Rights = Record<Role, Cell> & {
  /** Who may, called with data that is theirs to act on: the positive case. */
  rightful: Person | 'signedOut' | `n/a: ${string}`;
};

const PUBLIC_LINK = 'n/a: public: anyone may ask for a link to any address; only that inbox can use it';
const NEXT_AUTH = 'n/a: next-auth’s magic-link callback, where the emailed token is the credential (tests/integration/sign-in.test.ts)';

/**
 * One row per endpoint; the columns are the roles above, then the rightful actor of the positive case, by their
 * name in the world: owner (of the charity), member, helper (the volunteer with the waiting offer and the
 * meetings), invited (the volunteer invited to help), newcomer (signed in, not onboarded), volunteer, admin. What
 * each row is called with is in CALLS below: always the charity's own rows, never the caller's.
 */
// prettier-ignore
const MAP: Record<string, Rights> = {
  'lib/account/actions.ts completeOnboardingAction':        { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'newcomer' },
  'lib/account/actions.ts deleteAccountAction':             { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'volunteer' },
  'lib/account/actions.ts updateAccountAction':             { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'owner' },
  'lib/asks/actions.ts createAskAction':                    { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/asks/actions.ts saveAskAction':                      { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/asks/actions.ts splitAskAction':                     { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/asks/actions.ts withdrawAskAction':                  { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/auth/actions.ts requestSignInLinkAction':            { signedOut: YES, volunteer: PUBLIC_LINK, otherStaff: PUBLIC_LINK, member: PUBLIC_LINK, suspended: PUBLIC_LINK, admin: PUBLIC_LINK, rightful: 'signedOut' },
  'lib/auth/actions.ts signOutAction':                      { signedOut: OWN, volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: OWN, admin: OWN,  rightful: 'owner' },
  // Staff (any member) block and unblock volunteers for their own organisation only.
  'lib/blocks/actions.ts blockVolunteerAction':             { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/blocks/actions.ts unblockVolunteerAction':           { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  // A volunteer blocks and unblocks for themselves only; people with no volunteer profile are sent to make one.
  'lib/blocks/actions.ts blockOrganisationAction':          { signedOut: NO,  volunteer: OWN,  otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'volunteer' },
  'lib/blocks/actions.ts unblockOrganisationAction':        { signedOut: NO,  volunteer: OWN,  otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'blocker' },
  // Group clinics (issue 22): a volunteer offers, edits and withdraws their own; staff (any member) book for their
  // organisation, and confirm, decline or give up its seat. Another charity may book the open clinic for itself.
  'lib/clinics/actions.ts offerClinicAction':               { signedOut: NO,  volunteer: OWN,  otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'volunteer' },
  'lib/clinics/actions.ts editClinicAction':                { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/clinics/actions.ts withdrawClinicAction':            { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/clinics/actions.ts bookSeatAction':                  { signedOut: NO,  volunteer: NO,   otherStaff: YES,  member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/clinics/actions.ts joinWaitingListAction':           { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/clinics/actions.ts confirmSeatAction':               { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/clinics/actions.ts declineSeatAction':               { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/clinics/actions.ts cancelSeatAction':                { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  // A clinic's session (lib/clinics/session-actions.ts): the volunteer moves it; the volunteer or an admin cancels it;
  // after the start the volunteer marks who came, and the charity's staff give feedback and book a follow-up.
  'lib/clinics/session-actions.ts moveClinicAction':        { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/clinics/session-actions.ts cancelClinicAction':      { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'helper' },
  'lib/clinics/session-actions.ts markAttendanceAction':    { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/clinics/session-actions.ts giveClinicFeedbackAction': { signedOut: NO, volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/clinics/session-actions.ts bookClinicFollowUpAction': { signedOut: NO, volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/email/actions.ts retryEmailAction':                  { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/email/actions.ts unsubscribeAction':                 { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'signedOut' },
  'lib/feedback/actions.ts answerPracticeCheckAction':      { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/feedback/actions.ts giveFeedbackAction':             { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/invitations/actions.ts declineInvitationAction':     { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'invited' },
  'lib/invitations/actions.ts inviteVolunteerAction':       { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/meetings/actions.ts answerMoveAction':               { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/meetings/actions.ts bookAgainAction':                { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/meetings/actions.ts cancelMeetingAction':            { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/meetings/actions.ts markHeldAction':                 { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/meetings/actions.ts proposeMoveAction':              { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/meetings/actions.ts reportNoShowAction':             { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/meetings/actions.ts withdrawMoveAction':             { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/moderation/actions.ts approveAskAction':             { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/actions.ts rejectAskAction':              { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/actions.ts rejectOrganisationAction':     { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/actions.ts requestAskChangesAction':      { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/actions.ts verifyOrganisationAction':     { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/actions.ts vouchOrganisationAction':      { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/clinic-actions.ts approveClinicAction':   { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/clinic-actions.ts rejectClinicAction':    { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/clinic-actions.ts requestClinicChangesAction': { signedOut: NO, volunteer: NO, otherStaff: NO, member: NO,   suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/user-actions.ts liftVolunteerPauseAction': { signedOut: NO, volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/user-actions.ts reinstateUserAction':     { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/moderation/user-actions.ts suspendUserAction':       { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/offers/actions.ts acceptOfferAction':                { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/offers/actions.ts declineOfferAction':               { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/offers/actions.ts makeOfferAction':                  { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'volunteer' },
  'lib/offers/actions.ts withdrawOfferAction':              { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'helper' },
  'lib/orgs/actions.ts acceptInviteAction':                 { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: READS, suspended: NO, admin: NO,    rightful: 'volunteer' },
  'lib/orgs/actions.ts createInviteAction':                 { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/orgs/actions.ts createOrganisationAction':           { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'volunteer' },
  'lib/orgs/actions.ts leaveOrganisationAction':            { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: YES,   suspended: NO, admin: NO,    rightful: 'member' },
  'lib/orgs/actions.ts makeOwnerAction':                    { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'owner' },
  // other org's staff: their own organisation's id with the charity's invitation; the organisation is part of the
  // delete's where, so nothing is deleted, and the answer is the same as for an invitation already gone.
  'lib/orgs/actions.ts revokeInviteAction':                 { signedOut: NO,  volunteer: NO,   otherStaff: READS, member: NO,    suspended: NO, admin: NO,    rightful: 'owner' },
  'lib/orgs/actions.ts updateOrganisationAction':           { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'owner' },
  // Anyone signed in reports what they can see, but not their own organisation's ask (member: a form error).
  'lib/reports/actions.ts reportAction':                    { signedOut: NO,  volunteer: YES,  otherStaff: YES,  member: NO,    suspended: NO, admin: YES,   rightful: 'volunteer' },
  'lib/reports/actions.ts resolveReportAction':             { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: YES,   rightful: 'admin' },
  'lib/volunteers/actions.ts pauseVolunteeringAction':      { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'helper' },
  'lib/volunteers/actions.ts resumeVolunteeringAction':     { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'volunteer' },
  'lib/volunteers/actions.ts saveVolunteerProfileAction':   { signedOut: NO,  volunteer: OWN,  otherStaff: OWN,  member: OWN,   suspended: NO, admin: OWN,   rightful: 'volunteer' },
  'GET /account/data':                                      { signedOut: NO,  volunteer: READS, otherStaff: READS, member: READS, suspended: NO, admin: READS, rightful: 'owner' },
  'GET /admin/health/[table]':                              { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: READS, rightful: 'admin' },
  'GET /admin/audit/export':                                { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: READS, rightful: 'admin' },
  'GET /api/auth/[...nextauth]':                            { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: NEXT_AUTH },
  'POST /api/auth/[...nextauth]':                           { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'n/a: nobody: links are requested through our own server action' },
  'GET /api/clinics/[id]/calendar':                         { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: READS, suspended: NO, admin: NO,    rightful: 'helper' },
  'POST /api/e2e/clinics/[id]/started':                     { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'n/a: a test hook, answering only with E2E_TEST_HOOKS=on' },
  'POST /api/e2e/meetings/[id]/started':                    { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'n/a: a test hook, answering only with E2E_TEST_HOOKS=on' },
  'GET /api/meetings/[id]/calendar':                        { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: READS, suspended: NO, admin: READS, rightful: 'helper' },
  'GET /api/unsubscribe':                                   { signedOut: READS, volunteer: READS, otherStaff: READS, member: READS, suspended: READS, admin: READS, rightful: 'n/a: it only sends people to the page that asks first' },
  'POST /api/unsubscribe':                                  { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: NO,    suspended: NO, admin: NO,    rightful: 'signedOut' },
  'GET /api/v1/asks/[id]/matches':                          { signedOut: NO,  volunteer: NO,   otherStaff: NO,   member: READS, suspended: NO, admin: NO,    rightful: 'owner' },
};

// ------------------------------------------------------------------------------------------- the calls

interface Calls {
  /** The endpoint called on the world's data, by whoever is signed in: for the rightful actor too, unless `rightful` is given. */
  attack: (world: World, role: Role | 'rightful') => Promise<unknown>;
  /** The positive case, when the rightful actor needs other data than the attack (an open ask instead of a draft). */
  rightful?: (world: World) => Promise<unknown>;
  /** What an answer to anyone but its owner must not contain. */
  private?: (world: World) => string[];
}

function form(fields: Record<string, string | string[]> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });
const request = (path: string, method = 'GET') => new Request(`http://localhost:3000${path}`, { method });
const FORGED_SECRET = 'not-our-secret-but-long-enough-to-sign-with';

function askForm(world: World, extra: Record<string, string | string[]> = {}) {
  return form({
    organisationId: world.organisation.id,
    title: 'Set up a cashbook in Excel for our tuck shop',
    question: 'How should we set up an Excel cashbook our treasurer can check each month?',
    outcome: 'A working cashbook template with our categories.',
    skills: [world.skill.slug],
    durationMinutes: '30',
    media: ['VIDEO'],
    timeZone: 'Europe/London',
    deadline: inDays(21),
    'day-1': 'on',
    'from-1': '09:30',
    'to-1': '16:00',
    intent: 'draft',
    ...extra,
  });
}

/** The volunteer's clinic form: five days away, in London. */
const clinicForm = (world: World, extra: Record<string, string> = {}): Record<string, string> => ({
  topic: 'Gift Aid basics for small charities',
  description: 'What Gift Aid is, who can claim it, and how to make a first claim without fear.',
  bring: 'One question about your own Gift Aid claims.',
  skills: world.skill.slug,
  date: inDays(5),
  time: '14:00',
  durationMinutes: '60',
  medium: 'VIDEO',
  joinDetails: 'https://meet.example/gift-aid',
  seats: '4',
  ...extra,
});

const organisationForm = (world: World) =>
  form({
    organisationId: world.organisation.id,
    name: 'Harehills Homework Club',
    type: 'REGISTERED_CHARITY',
    registrationNumber: '1123456',
    causeAreas: ['EDUCATION'],
    region: 'YORKSHIRE_AND_THE_HUMBER',
    sizeBand: 'MICRO',
    website: 'homework-club.example.org',
    description: 'Free homework help four evenings a week in a church hall.',
  });

/** Fields naming someone else, for the forms that act on the caller's own account: they must be ignored. */
const someoneElse = (world: World) => ({ userId: world.people.owner.id, id: world.people.owner.id, email: world.people.owner.email });

const CALLS: Record<string, Calls> = {
  'lib/account/actions.ts completeOnboardingAction': {
    attack: (w) => account.completeOnboardingAction(null, form({ name: 'New Name', charity: 'on', volunteer: 'on', ...someoneElse(w) })),
  },
  'lib/account/actions.ts deleteAccountAction': {
    attack: (w) => account.deleteAccountAction(null, form({ confirm: 'delete my account', ...someoneElse(w) })),
  },
  'lib/account/actions.ts updateAccountAction': {
    attack: (w) => account.updateAccountAction(null, form({ name: 'New Name', emailOnOffers: 'on', ...someoneElse(w) })),
  },
  'lib/asks/actions.ts createAskAction': { attack: (w) => asks.createAskAction(null, askForm(w)) },
  'lib/asks/actions.ts saveAskAction': {
    attack: (w) => asks.saveAskAction(w.asks.draftAsk.id, null, askForm(w, { version: String(w.asks.draftAsk.version) })),
  },
  'lib/asks/actions.ts splitAskAction': {
    attack: (w) =>
      asks.splitAskAction(
        w.asks.draftAsk.id,
        null,
        form({
          projectTitle: 'Our council bid',
          'stage-1-title': 'Should we apply for this grant at all?',
          'stage-1-question': 'Is our track record enough for this council grant, or should we wait a year?',
          'stage-1-duration': '30',
          'stage-1-skill-1': w.skill.slug,
          'stage-2-title': 'How should we answer section 3 on outcomes?',
          'stage-2-question': 'Our draft lists activities. How do we turn it into outcomes we can evidence?',
          'stage-2-duration': '45',
          'stage-2-skill-1': w.skill.slug,
        }),
      ),
  },
  'lib/asks/actions.ts withdrawAskAction': {
    attack: (w) => asks.withdrawAskAction(w.asks.openAsk.id, null, form({ reason: 'We found someone locally.' })),
  },
  'lib/auth/actions.ts requestSignInLinkAction': {
    attack: () => auth.requestSignInLinkAction(null, form({ email: `someone-${Date.now()}@test.example` })),
  },
  'lib/auth/actions.ts signOutAction': { attack: () => auth.signOutAction() },
  'lib/blocks/actions.ts blockVolunteerAction': {
    attack: (w) => blocks.blockVolunteerAction(w.organisation.id, w.people.candidate.id, null, form({ confirm: 'on' })),
  },
  'lib/blocks/actions.ts unblockVolunteerAction': { attack: (w) => blocks.unblockVolunteerAction(w.organisation.id, w.people.blocked.id) },
  'lib/blocks/actions.ts blockOrganisationAction': {
    attack: (w) => blocks.blockOrganisationAction(w.organisation.id, null, form({ confirm: 'on' })),
  },
  'lib/blocks/actions.ts unblockOrganisationAction': { attack: (w) => blocks.unblockOrganisationAction(w.organisation.id) },
  'lib/clinics/actions.ts offerClinicAction': { attack: (w) => clinics.offerClinicAction(null, form(clinicForm(w))) },
  'lib/clinics/actions.ts editClinicAction': {
    attack: (w) => clinics.editClinicAction(w.clinics.pendingClinic.id, null, form(clinicForm(w, { topic: 'Gift Aid for village halls' }))),
  },
  'lib/clinics/actions.ts withdrawClinicAction': { attack: (w) => clinics.withdrawClinicAction(w.clinics.pendingClinic.id, null, form()) },
  'lib/clinics/actions.ts bookSeatAction': {
    attack: (w) => clinics.bookSeatAction(w.clinics.openClinic.id, null, form({ question: 'How do we claim Gift Aid on a raffle?' })),
  },
  'lib/clinics/actions.ts joinWaitingListAction': {
    attack: (w) =>
      clinics.joinWaitingListAction(w.clinics.fullClinic.id, null, form({ question: 'How do we claim Gift Aid on a raffle?' })),
  },
  'lib/clinics/actions.ts confirmSeatAction': { attack: (w) => clinics.confirmSeatAction(w.seats.offeredSeat.id, null, form()) },
  'lib/clinics/actions.ts declineSeatAction': { attack: (w) => clinics.declineSeatAction(w.seats.offeredSeat.id, null, form()) },
  'lib/clinics/actions.ts cancelSeatAction': { attack: (w) => clinics.cancelSeatAction(w.seats.bookedSeat.id, null, form()) },
  'lib/clinics/session-actions.ts moveClinicAction': {
    attack: (w) => clinicSession.moveClinicAction(w.clinics.bookedClinic.id, null, form({ date: inDays(9), time: '15:00' })),
  },
  'lib/clinics/session-actions.ts cancelClinicAction': {
    attack: (w) => clinicSession.cancelClinicAction(w.clinics.bookedClinic.id, null, form({ reason: 'I have been called away.' })),
  },
  'lib/clinics/session-actions.ts markAttendanceAction': {
    attack: (w) => clinicSession.markAttendanceAction(w.seats.heldSeat.id, null, form({ attendance: 'NO_SHOW' })),
  },
  'lib/clinics/session-actions.ts giveClinicFeedbackAction': {
    attack: (w) => clinicSession.giveClinicFeedbackAction(w.seats.heldSeat.id, null, form({ rating: '5', thanks: 'Thank you!' })),
  },
  'lib/clinics/session-actions.ts bookClinicFollowUpAction': {
    attack: (w) =>
      clinicSession.bookClinicFollowUpAction(
        w.seats.heldSeat.id,
        null,
        form({ askId: w.asks.openAsk.id, date: inDays(12), time: '15:00' }),
      ),
  },
  'lib/email/actions.ts retryEmailAction': { attack: (w) => email.retryEmailAction(w.deadLetter.id, form({ status: 'FAILED' })) },
  'lib/email/actions.ts unsubscribeAction': {
    // Without the signed link nobody may: a token naming the owner, signed with another secret.
    attack: (w) => email.unsubscribeAction(null, form({ token: unsubscribeToken(FORGED_SECRET, w.people.owner.id, 'offers') })),
    rightful: (w) => email.unsubscribeAction(null, form({ token: unsubscribeToken(authSecret(), w.people.owner.id, 'offers') })),
  },
  'lib/feedback/actions.ts answerPracticeCheckAction': {
    attack: (w) =>
      feedback.answerPracticeCheckAction(w.practiceCheck.id, w.meetings.held.id, null, form({ outcome: 'YES', response: 'Every month.' })),
  },
  'lib/feedback/actions.ts giveFeedbackAction': {
    // Both sides' fields at once: each side's form reads its own.
    attack: (w) =>
      feedback.giveFeedbackAction(
        w.meetings.held.id,
        null,
        form({
          rating: '5',
          changes: 'We split the cashbook by fund.',
          thanks: 'Thank you!',
          wellScoped: 'yes',
          comment: 'A clear question.',
        }),
      ),
  },
  'lib/invitations/actions.ts declineInvitationAction': {
    attack: (w) => invitations.declineInvitationAction(w.invitation.id, null, form({ reason: 'Too busy this month, sorry.' })),
  },
  'lib/invitations/actions.ts inviteVolunteerAction': {
    attack: (w) =>
      invitations.inviteVolunteerAction(w.asks.openAsk.id, w.people.candidate.id, 0.8, null, form({ message: 'Would you help us?' })),
  },
  'lib/meetings/actions.ts answerMoveAction': {
    attack: (w) => meetings.answerMoveAction(w.meetings.withMove.id, null, form({ moveId: w.move.id, answer: 'accept' })),
  },
  'lib/meetings/actions.ts bookAgainAction': {
    attack: (w) => meetings.bookAgainAction(w.meetings.held.id, null, form({ date: inDays(8), time: '10:00' })),
  },
  'lib/meetings/actions.ts cancelMeetingAction': {
    attack: (w) => meetings.cancelMeetingAction(w.meetings.upcoming.id, null, form({ reason: 'Our hall flooded.' })),
  },
  'lib/meetings/actions.ts markHeldAction': { attack: (w) => meetings.markHeldAction(w.meetings.started.id, null, form()) },
  'lib/meetings/actions.ts proposeMoveAction': {
    attack: (w) => meetings.proposeMoveAction(w.meetings.upcoming.id, null, form({ date: inDays(5), time: '10:00' })),
  },
  'lib/meetings/actions.ts reportNoShowAction': { attack: (w) => meetings.reportNoShowAction(w.meetings.started.id, null, form()) },
  'lib/meetings/actions.ts withdrawMoveAction': {
    attack: (w) => meetings.withdrawMoveAction(w.meetings.withMove.id, null, form({ moveId: w.move.id })),
  },
  'lib/moderation/actions.ts approveAskAction': { attack: (w) => moderation.approveAskAction(w.asks.pendingAsk.id, null, form()) },
  'lib/moderation/actions.ts rejectAskAction': {
    attack: (w) => moderation.rejectAskAction(w.asks.pendingAsk.id, null, form({ note: 'This is a six-month project, not a question.' })),
  },
  'lib/moderation/actions.ts rejectOrganisationAction': {
    attack: (w) =>
      moderation.rejectOrganisationAction(w.pendingOrganisation.id, null, form({ reason: 'The charity number is not on the register.' })),
  },
  'lib/moderation/actions.ts requestAskChangesAction': {
    attack: (w) => moderation.requestAskChangesAction(w.asks.pendingAsk.id, null, form({ note: 'Please say which fund this is for.' })),
  },
  'lib/moderation/actions.ts verifyOrganisationAction': { attack: (w) => moderation.verifyOrganisationAction(w.pendingOrganisation.id) },
  'lib/moderation/actions.ts vouchOrganisationAction': {
    attack: (w) =>
      moderation.vouchOrganisationAction(
        w.communityGroup.id,
        null,
        form({ note: 'I met their committee at the community centre and saw their minutes.' }),
      ),
  },
  'lib/moderation/clinic-actions.ts approveClinicAction': {
    attack: (w) => clinicModeration.approveClinicAction(w.clinics.pendingClinic.id, null, form()),
  },
  'lib/moderation/clinic-actions.ts rejectClinicAction': {
    attack: (w) =>
      clinicModeration.rejectClinicAction(w.clinics.pendingClinic.id, null, form({ note: 'This reads as an advert for a paid course.' })),
  },
  'lib/moderation/clinic-actions.ts requestClinicChangesAction': {
    attack: (w) =>
      clinicModeration.requestClinicChangesAction(w.clinics.pendingClinic.id, null, form({ note: 'Please say who the clinic is for.' })),
  },
  'lib/moderation/user-actions.ts liftVolunteerPauseAction': { attack: (w) => users.liftVolunteerPauseAction(w.people.paused.id, '') },
  'lib/moderation/user-actions.ts reinstateUserAction': { attack: (w) => users.reinstateUserAction(w.people.suspended.id, '') },
  'lib/moderation/user-actions.ts suspendUserAction': {
    attack: (w) => users.suspendUserAction(w.people.helper.id, '', null, form({ reason: 'Repeated no-shows and rude messages.' })),
  },
  'lib/offers/actions.ts acceptOfferAction': {
    attack: (w) => offers.acceptOfferAction(w.offer.id, null, form({ timeId: w.offer.times[0]!.id })),
  },
  'lib/offers/actions.ts declineOfferAction': {
    attack: (w) => offers.declineOfferAction(w.offer.id, null, form({ reason: 'TIMES_DO_NOT_WORK', note: 'We are closed that week.' })),
  },
  'lib/offers/actions.ts makeOfferAction': {
    // A draft is private to its organisation: nobody may offer on it, nor learn that it exists.
    attack: (w) => offers.makeOfferAction(w.asks.draftAsk.id, null, form(offerForm())),
    rightful: (w) => offers.makeOfferAction(w.asks.openAsk.id, null, form(offerForm())),
  },
  'lib/offers/actions.ts withdrawOfferAction': { attack: (w) => offers.withdrawOfferAction(w.offer.id, null, form()) },
  'lib/orgs/actions.ts acceptInviteAction': {
    // Without a live invitation nobody may join: the real token of an invitation that has expired.
    attack: (w) => orgs.acceptInviteAction(w.expiredToken),
    rightful: (w) => orgs.acceptInviteAction(w.liveToken),
  },
  'lib/orgs/actions.ts createInviteAction': {
    attack: (w) => orgs.createInviteAction(w.organisation.id, null, form({ email: 'colleague@test.example' })),
  },
  'lib/orgs/actions.ts createOrganisationAction': { attack: (w) => orgs.createOrganisationAction(null, organisationForm(w)) },
  'lib/orgs/actions.ts leaveOrganisationAction': { attack: (w) => orgs.leaveOrganisationAction(w.organisation.id, null, form()) },
  // Another organisation's owner tries with their own organisation's id, which they do own, and the charity's row.
  'lib/orgs/actions.ts makeOwnerAction': {
    attack: (w, role) => orgs.makeOwnerAction(role === 'otherStaff' ? w.otherOrganisation.id : w.organisation.id, w.people.member.id),
  },
  'lib/orgs/actions.ts revokeInviteAction': {
    attack: (w, role) => orgs.revokeInviteAction(role === 'otherStaff' ? w.otherOrganisation.id : w.organisation.id, w.liveInvite.id),
  },
  'lib/orgs/actions.ts updateOrganisationAction': {
    attack: (w) => orgs.updateOrganisationAction(w.organisation.id, null, organisationForm(w)),
  },
  'lib/reports/actions.ts reportAction': {
    attack: (w) =>
      reports.reportAction('ASK', w.asks.openAsk.id, `/asks/${w.asks.openAsk.id}`, null, form({ reason: 'SPAM', details: 'An advert.' })),
  },
  'lib/reports/actions.ts resolveReportAction': {
    attack: (w) =>
      reports.resolveReportAction(w.report.id, null, form({ resolution: 'HIDE', note: 'Sells paid consultancy to charities.' })),
  },
  'lib/volunteers/actions.ts pauseVolunteeringAction': {
    attack: (w) => volunteers.pauseVolunteeringAction(null, form({ pausedUntil: '', ...someoneElse(w) })),
  },
  'lib/volunteers/actions.ts resumeVolunteeringAction': { attack: () => volunteers.resumeVolunteeringAction() },
  'lib/volunteers/actions.ts saveVolunteerProfileAction': {
    attack: (w) =>
      volunteers.saveVolunteerProfileAction(
        null,
        form({
          headline: 'Bid writer, ten years in the sector',
          bio: 'I have written lottery bids for small charities for ten years.',
          [`skill:${w.skill.id}`]: 'EXPERT',
          media: ['VIDEO'],
          timeZone: 'Europe/London',
          monthlyCapacity: '2',
          ...someoneElse(w),
        }),
      ),
  },
  'GET /account/data': {
    attack: () => accountData.GET(),
    private: (w) => [w.people.owner.email, w.people.helper.email, w.offer.message],
  },
  'GET /admin/audit/export': {
    // The audit log names everyone and everything: only an admin may download it.
    attack: () => auditExport.GET(request('/admin/audit/export?type=User')),
  },
  'GET /admin/health/[table]': {
    // The skills gap names the skills asked for and where; only admins see the marketplace as a whole.
    attack: () => healthCsv.GET(request('/admin/health/skills.csv?region=SOUTH_WEST'), params({ table: 'skills.csv' })),
  },
  'GET /api/auth/[...nextauth]': {
    // next-auth's own pages other than the callback and its error page are not ours to serve.
    attack: () => nextAuthRoute.GET(request('/api/auth/signin') as never, params({ nextauth: ['signin'] })),
  },
  'POST /api/auth/[...nextauth]': {
    attack: (w) =>
      nextAuthRoute.POST(
        request(`/api/auth/signin/email?email=${w.people.owner.email}`, 'POST') as never,
        params({ nextauth: ['signin', 'email'] }),
      ),
  },
  'POST /api/e2e/clinics/[id]/started': {
    // Refused before the id is read, so any id will do: the hook is off outside the end-to-end tests.
    attack: () => e2eClinicStarted.POST(request('/api/e2e/clinics/no-such-clinic/started', 'POST'), params({ id: 'no-such-clinic' })),
  },
  'POST /api/e2e/meetings/[id]/started': {
    attack: (w) =>
      e2eStarted.POST(request(`/api/e2e/meetings/${w.meetings.upcoming.id}/started`, 'POST'), params({ id: w.meetings.upcoming.id })),
  },
  'GET /api/clinics/[id]/calendar': {
    attack: (w) =>
      clinicCalendarRoute.GET(request(`/api/clinics/${w.clinics.bookedClinic.id}/calendar`), params({ id: w.clinics.bookedClinic.id })),
  },
  'GET /api/meetings/[id]/calendar': {
    attack: (w) => calendarRoute.GET(request(`/api/meetings/${w.meetings.upcoming.id}/calendar`), params({ id: w.meetings.upcoming.id })),
  },
  'GET /api/unsubscribe': {
    attack: (w) => unsubscribeRoute.GET(request(`/api/unsubscribe?token=${unsubscribeToken(authSecret(), w.people.owner.id, 'offers')}`)),
  },
  'POST /api/unsubscribe': {
    attack: (w) =>
      unsubscribeRoute.POST(request(`/api/unsubscribe?token=${unsubscribeToken(FORGED_SECRET, w.people.owner.id, 'offers')}`, 'POST')),
    rightful: (w) =>
      unsubscribeRoute.POST(request(`/api/unsubscribe?token=${unsubscribeToken(authSecret(), w.people.owner.id, 'offers')}`, 'POST')),
  },
  'GET /api/v1/asks/[id]/matches': {
    attack: (w) => matchesRoute.GET(request(`/api/v1/asks/${w.asks.openAsk.id}/matches`), params({ id: w.asks.openAsk.id })),
  },
};

// ------------------------------------------------------------------------------------------- outcomes

type Outcome = { kind: 'done' | 'refused' | 'crashed'; detail: string; body?: string };

/** Where a guard sends someone who may not be here yet: sign in, finish onboarding, make a volunteer profile; or an invalid link's page. */
const GUARD_REDIRECT = /^\/signin\b|^\/onboarding\b|^\/volunteer\/profile\?first=1|[?&]problem=/;

/** What the person would get: a page or answer (done), a refusal (404, guard redirect, form error, 400), or a 500. */
async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    const digest = String((error as { digest?: unknown } | null)?.digest ?? '');
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return { kind: 'refused', detail: '404' };
    if (digest.startsWith('NEXT_REDIRECT;')) {
      const url = digest.split(';')[2] ?? '';
      return { kind: GUARD_REDIRECT.test(url) ? 'refused' : 'done', detail: `redirect to ${url}` };
    }
    return { kind: 'crashed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  if (value instanceof Response) {
    const detail = `HTTP ${value.status}`;
    if (value.status === 404 || value.status === 400) return { kind: 'refused', detail };
    return { kind: value.status < 400 ? 'done' : 'crashed', detail, body: await value.text() };
  }
  if (value && typeof value === 'object' && 'ok' in value) {
    const result = value as { ok: boolean; formError?: string; fieldErrors?: object };
    return result.ok
      ? { kind: 'done', detail: 'ok' }
      : { kind: 'refused', detail: `form error: ${result.formError ?? ''} ${JSON.stringify(result.fieldErrors ?? {})}` };
  }
  return { kind: 'done', detail: 'returned' };
}

async function signIn(world: World, person: Person | 'signedOut' | null) {
  session.user = person && person !== 'signedOut' ? await asSignedIn(world.people[person]) : null;
}

// ------------------------------------------------------------------------------------------- the tests

let shared: World;
let endpoints: string[];

beforeAll(async () => {
  shared = await buildWorld();
  endpoints = (await discoverEndpoints()).map((endpoint) => endpoint.name);
});

afterEach(() => {
  session.user = null;
});

describe('the authorization map', () => {
  it('names every endpoint the app has, and only those', () => {
    const named = Object.keys(MAP);
    expect(
      {
        'endpoints with no row in MAP': endpoints.filter((name) => !named.includes(name)),
        'rows of MAP with no endpoint': named.filter((name) => !endpoints.includes(name)),
      },
      'add a row for each new endpoint, remove the row of one that is gone',
    ).toEqual({ 'endpoints with no row in MAP': [], 'rows of MAP with no endpoint': [] });
    expect(Object.keys(CALLS).sort(), 'every row of MAP has its call').toEqual(Object.keys(MAP).sort());
    // Could be found: the test says so.
    expect(endpoints.length).toBeGreaterThan(40);
    expect(endpoints).toContain('lib/moderation/user-actions.ts suspendUserAction');
    expect(endpoints).toContain('GET /account/data');
  });

  it('compares every table and the job queue', async () => {
    expect(Object.keys(await fingerprint())).toEqual(expect.arrayContaining(['public."Ask"', 'public."EmailOutbox"', 'pgboss.job']));
  });

  it('has no server action defined inside a component or page, where the scan above would not see it', async () => {
    expect(await inlineServerActionFiles()).toEqual([]);
  });

  it(`is ${Object.keys(MAP).length} endpoints x ${ROLES.length + 1} roles (with the rightful actor)`, () => {
    expect(Object.values(MAP).every((rights) => ROLES.every((role) => role in rights) && 'rightful' in rights)).toBe(true);
  });
});

describe.each(Object.entries(MAP))('%s', (endpoint, rights) => {
  const calls = CALLS[endpoint]!;
  /** One world for the row's `own` cells: each person acts on their own account, so they can share it. */
  let ownWorld: World | undefined;

  it.each(ROLES.filter((role) => !rights[role].startsWith('n/a')))(`as %s: as the map says`, async (role) => {
    const cell = rights[role];
    const who = ROLE_PEOPLE[role];
    const label = `${endpoint} as ${role} (${cell})`;
    if (cell === NO || cell === READS) {
      await signIn(shared, who);
      const before = { rows: await victimRows(shared, null), tables: await fingerprint() };
      const outcome = await outcomeOf(() => calls.attack(shared, role));
      expect(outcome.kind, `${label}: ${outcome.detail}`).toBe(cell === NO ? 'refused' : 'done');
      expect({ rows: await victimRows(shared, null), tables: await fingerprint() }, `${label}: the database changed`).toEqual(before);
      for (const secret of calls.private?.(shared) ?? [])
        expect(outcome.body ?? '', `${label}: reveals someone else's data`).not.toContain(secret);
    } else {
      // It changes things: a world of its own, so the shared world stays as it was.
      const world = cell === OWN ? (ownWorld ??= await buildWorld()) : await buildWorld();
      await signIn(world, who);
      const actorId = who ? world.people[who].id : null;
      const before = await victimRows(world, actorId);
      const outcome = await outcomeOf(() => calls.attack(world, role));
      if (cell === YES) {
        expect(outcome.kind, `${label}: ${outcome.detail}`).toBe('done');
      } else {
        expect(outcome.kind, `${label}: ${outcome.detail}`).not.toBe('crashed');
        expect(await victimRows(world, actorId), `${label}: someone else's rows changed`).toEqual(before);
      }
    }
  });

  it.skipIf(rights.rightful.startsWith('n/a'))(`for the rightful actor (${rights.rightful}): works`, async () => {
    const world = await buildWorld();
    await signIn(world, rights.rightful as Person | 'signedOut');
    const outcome = await outcomeOf(() => (calls.rightful ? calls.rightful(world) : calls.attack(world, 'rightful')));
    expect(outcome.kind, `${endpoint} as ${rights.rightful}: ${outcome.detail}`).toBe('done');
  });
});
