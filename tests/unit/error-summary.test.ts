// Every form's error summary, as the server renders it (what a browser without JavaScript gets): each error
// the form's parser can return is listed as a link, and each link lands on an element of that form that can
// take focus, so no link is dead. The errors come from the parsers themselves wherever they are pure.
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountSchema, deleteAccountSchema, onboardingSchema } from '@/lib/account/schema';
import { newAskDefaults } from '@/lib/asks/form-defaults';
import { parseAskForm, parseStages, withdrawSchema } from '@/lib/asks/schema';
import { charityFeedbackSchema, practiceCheckSchema, volunteerFeedbackSchema } from '@/lib/feedback/schema';
import { CORRECT_THE_PROBLEMS, type FieldErrors, type FormResult } from '@/lib/form-values';
import { declineInvitationSchema } from '@/lib/invitations/schema';
import { cancelSchema, proposeMoveSchema } from '@/lib/meetings/schema';
import { acceptSchema, declineSchema, offerSchema } from '@/lib/offers/schema';
import { organisationSchema, inviteSchema as orgInviteSchema } from '@/lib/orgs/schema';
import type { SkillTaxonomy } from '@/lib/skills/queries';
import { pauseSchema, volunteerProfileSchema } from '@/lib/volunteers/schema';

// The forms read their state from useActionState; here it is the failed result under test, per action.
const states = new Map<unknown, FormResult<never> | null>();
let fallback: FormResult<never> | null = null;
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>();
  return { ...react, useActionState: (action: unknown) => [states.has(action) ? states.get(action) : fallback, () => {}, false] };
});
// Forms that import their server action directly: the action is never called here.
vi.mock('@/lib/account/actions', () => ({ completeOnboardingAction: vi.fn(), updateAccountAction: vi.fn(), deleteAccountAction: vi.fn() }));
vi.mock('@/lib/volunteers/actions', () => ({
  saveVolunteerProfileAction: vi.fn(),
  pauseVolunteeringAction: vi.fn(),
  resumeVolunteeringAction: vi.fn(),
}));
vi.mock('@/lib/auth/actions', () => ({ requestSignInLinkAction: vi.fn() }));
vi.mock('@/lib/email/actions', () => ({ unsubscribeAction: vi.fn() }));

const { AccountForm } = await import('@/components/account/AccountForm');
const { DeleteAccountForm } = await import('@/components/account/DeleteAccountForm');
const { OnboardingForm } = await import('@/components/account/OnboardingForm');
const { AskDecisionForms } = await import('@/components/admin/AskDecisionForms');
const { RejectOrganisationForm } = await import('@/components/admin/RejectOrganisationForm');
const { SuspendUserForm } = await import('@/components/admin/SuspendUserForm');
const { AskForm } = await import('@/components/asks/AskForm');
const { SplitAskForm } = await import('@/components/asks/SplitAskForm');
const { WithdrawAskForm } = await import('@/components/asks/WithdrawAskForm');
const { SignInForm } = await import('@/components/auth/SignInForm');
const { DeclineInvitationForm } = await import('@/components/dashboard/DeclineInvitationForm');
const { UnsubscribeForm } = await import('@/components/email/UnsubscribeForm');
const { CharityFeedbackForm } = await import('@/components/feedback/CharityFeedbackForm');
const { PracticeCheckForm } = await import('@/components/feedback/PracticeCheckForm');
const { VolunteerFeedbackForm } = await import('@/components/feedback/VolunteerFeedbackForm');
const { InviteForm: InviteVolunteerForm } = await import('@/components/matching/InviteForm');
const { BookAgainForm } = await import('@/components/meetings/BookAgainForm');
const { CancelMeetingForm } = await import('@/components/meetings/CancelMeetingForm');
const { MeetingButtonForm } = await import('@/components/meetings/MeetingButtonForm');
const { ProposeMoveForm } = await import('@/components/meetings/ProposeMoveForm');
const { AcceptOfferForm } = await import('@/components/offers/AcceptOfferForm');
const { DeclineOfferForm } = await import('@/components/offers/DeclineOfferForm');
const { OfferForm } = await import('@/components/offers/OfferForm');
const { WithdrawOfferForm } = await import('@/components/offers/WithdrawOfferForm');
const { InviteForm: InviteColleagueForm } = await import('@/components/orgs/InviteForm');
const { LeaveOrganisationForm } = await import('@/components/orgs/LeaveOrganisationForm');
const { OrganisationForm } = await import('@/components/orgs/OrganisationForm');
const { PauseControls } = await import('@/components/volunteers/PauseControls');
const { VolunteerProfileForm } = await import('@/components/volunteers/VolunteerProfileForm');

const action = async () => ({ ok: true as const, data: undefined as never });
const taxonomy: SkillTaxonomy = [
  {
    slug: 'fundraising',
    name: 'Fundraising',
    skills: [{ id: 'skill-bids', slug: 'bid-writing', name: 'Bid writing', description: null }],
  },
];
const media = [{ value: 'VIDEO', label: 'Video call' }];

/** A failed result with one error for each key, labelled so a link shows which key it came from. */
function failedWith(keys: Iterable<string>, formError: string = CORRECT_THE_PROBLEMS): FormResult<never> {
  const fieldErrors: FieldErrors = Object.fromEntries([...keys].map((key) => [key, [`Problem with ${key}`]]));
  return { ok: false, fieldErrors, formError, values: {} };
}

const keysOf = (...sources: Array<FieldErrors | { shape: object } | string[]>) =>
  new Set(sources.flatMap((source) => (Array.isArray(source) ? source : Object.keys('shape' in source ? source.shape : source))));

const errorsOf = (result: { ok: boolean; fieldErrors?: FieldErrors }) => result.fieldErrors ?? {};

/** The summary's links, and whether each lands on an element in the page that can take focus. */
function summaryOf(html: string) {
  const summaries = [...html.matchAll(/<div role="alert">([\s\S]*?)<\/div>/g)].map((match) => match[1]!);
  const links = summaries.flatMap((summary) =>
    [...summary.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((match) => ({ id: match[1]!, text: match[2]! })),
  );
  const target = (id: string) => {
    const tags = [...html.matchAll(new RegExp(`<(\\w+)[^>]*\\sid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`, 'g'))];
    if (tags.length !== 1) return `${tags.length} elements`;
    const [tag, name] = [tags[0]![0], tags[0]![1]];
    const focusable = ['input', 'select', 'textarea'].includes(name!) || /tabindex="-1"/.test(tag);
    return focusable ? 'focusable' : `a <${name}> that cannot take focus`;
  };
  return { summaries, links, target };
}

function expectEveryErrorLinked(html: string, keys: Iterable<string>) {
  const { summaries, links, target } = summaryOf(html);
  expect(summaries.length, 'one error summary').toBeGreaterThan(0);
  expect(html).toContain('There is a problem');
  // Every error listed (the generic "correct the problems" line is not repeated above them)...
  expect(links.map((link) => link.text).sort()).toEqual([...keys].map((key) => `Problem with ${key}`).sort());
  expect(html).not.toContain(CORRECT_THE_PROBLEMS);
  // ...and each one lands on exactly one element that takes focus.
  for (const link of links) expect(target(link.id), `${link.text} -> #${link.id}`).toBe('focusable');
}

function render<P extends object>(component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

beforeEach(() => {
  states.clear();
  fallback = null;
});

describe('the error summary links every error to its field', () => {
  it('the ask form', () => {
    const empty = {
      title: '',
      question: '',
      outcome: '',
      context: '',
      prepLink: '',
      durationMinutes: '30',
      timeZone: 'Europe/London',
      deadline: '',
    };
    const malformed = {
      ...empty,
      context: 'x'.repeat(3001),
      prepLink: 'not a link',
      skills: ['a', 'b', 'c', 'd', 'e', 'f'],
      durationMinutes: '25',
      media: ['IN_PERSON', 'CARRIER_PIGEON'],
      location: 'x'.repeat(201),
      timeZone: 'Mars/Olympus',
      'day-2': 'on',
      'from-2': '17:00',
      'to-2': '09:00',
    };
    const keys = keysOf(errorsOf(parseAskForm(empty, 'submit')), errorsOf(parseAskForm(malformed, 'submit')));
    expect(keys.size).toBe(12);
    fallback = failedWith(keys);
    const defaults = newAskDefaults('Europe/London', 'org-1');
    const props = { action, askId: null, defaults, taxonomy, initialCoach: null, minDeadline: '2026-12-02', maxDeadline: '2027-01-26' };
    expectEveryErrorLinked(render(AskForm, { ...props, organisations: [{ id: 'org-1', name: 'Leeds Community Fridge' }] }), keys);
    // Choosing among several organisations is a select of its own.
    fallback = failedWith(['organisationId']);
    const twoOrganisations = [
      { id: 'org-1', name: 'Leeds Community Fridge' },
      { id: 'org-2', name: 'Chapeltown Youth Club' },
    ];
    expectEveryErrorLinked(render(AskForm, { ...props, organisations: twoOrganisations }), new Set(['organisationId']));
  });

  it('splitting an ask into stages', () => {
    const bad = Object.fromEntries(
      [1, 2, 3, 4, 5].flatMap((n) => [
        [`stage-${n}-title`, 'Short'],
        [`stage-${n}-question`, 'Too short'],
        [`stage-${n}-duration`, '25'],
      ]),
    );
    const keys = keysOf(errorsOf(parseStages({ projectTitle: '' })), errorsOf(parseStages(bad)));
    expect(keys.size).toBe(22);
    fallback = failedWith(keys);
    expectEveryErrorLinked(render(SplitAskForm, { action, defaultProjectTitle: '', taxonomy }), keys);
  });

  it('withdrawing an ask', () => {
    fallback = failedWith(keysOf(withdrawSchema));
    expectEveryErrorLinked(render(WithdrawAskForm, { action, hasOffers: true }), keysOf(withdrawSchema));
  });

  it('offering to help, its times included', () => {
    const keys = keysOf(offerSchema, ['times', 'time1', 'time2', 'time3']);
    fallback = failedWith(keys);
    expectEveryErrorLinked(render(OfferForm, { action, media, zoneName: 'UK time', minDate: '2026-12-02', maxDate: '2027-01-30' }), keys);
  });

  it('accepting and declining offers, two of each on one page', () => {
    fallback = failedWith(keysOf(acceptSchema));
    const accepts = render(AcceptOfferForm, {
      action,
      offerId: 'offer-1',
      times: [{ id: 'time-1', label: 'Monday 10:00' }],
      zoneName: 'UK time',
    });
    expectEveryErrorLinked(accepts, keysOf(acceptSchema));
    fallback = failedWith(keysOf(declineSchema));
    expectEveryErrorLinked(render(DeclineOfferForm, { action, offerId: 'offer-1' }), keysOf(declineSchema));
  });

  it('the account, onboarding and deleting an account', () => {
    fallback = failedWith(keysOf(accountSchema));
    expectEveryErrorLinked(
      render(AccountForm, { account: { name: 'Nadia', emailOnOffers: true, emailReminders: true, emailDigest: false } }),
      keysOf(accountSchema),
    );
    // "next" is a hidden field carried through, not something a person fills in.
    const onboarding = keysOf(
      Object.keys(onboardingSchema.shape).filter((key) => key !== 'next'),
      ['roles'],
    );
    fallback = failedWith(onboarding);
    expectEveryErrorLinked(render(OnboardingForm, { defaultName: '' }), onboarding);
    fallback = failedWith(keysOf(deleteAccountSchema));
    expectEveryErrorLinked(render(DeleteAccountForm, {}), keysOf(deleteAccountSchema));
  });

  it('organisations: creating one and inviting a colleague', () => {
    const keys = keysOf(organisationSchema.in);
    fallback = failedWith(keys);
    expectEveryErrorLinked(render(OrganisationForm, { action, submitLabel: 'Create organisation', pendingText: 'Creating…' }), keys);
    fallback = failedWith(keysOf(orgInviteSchema));
    expectEveryErrorLinked(render(InviteColleagueForm, { action }), keysOf(orgInviteSchema));
  });

  it('the volunteer profile and pausing', () => {
    fallback = failedWith(keysOf(volunteerProfileSchema));
    expectEveryErrorLinked(
      render(VolunteerProfileForm, { profile: null, taxonomy, defaultTimeZone: 'Europe/London' }),
      keysOf(volunteerProfileSchema),
    );
    fallback = failedWith(keysOf(pauseSchema));
    expectEveryErrorLinked(render(PauseControls, { pausedAt: null, pausedUntil: null, pausedReason: null }), keysOf(pauseSchema));
  });

  it('moderation: each decision form links to its own note', () => {
    const actions = { approve: vi.fn(), requestChanges: vi.fn(), reject: vi.fn() };
    states.set(actions.requestChanges, failedWith(['note']));
    states.set(actions.reject, failedWith(['note']));
    const html = render(AskDecisionForms, { askId: 'ask-1', title: 'Check our bid', actions });
    expect(summaryOf(html).links.map((link) => link.id)).toEqual(['changes-ask-1', 'reject-ask-1']);
    expectEveryErrorLinked(html, ['note', 'note']);
    fallback = failedWith(['reason']);
    expectEveryErrorLinked(
      render(RejectOrganisationForm, { action, organisationId: 'org-1', organisationName: 'Fridge' }),
      new Set(['reason']),
    );
    expectEveryErrorLinked(render(SuspendUserForm, { action, userId: 'user-1', userLabel: 'Sam' }), new Set(['reason']));
  });

  it('signing in', () => {
    fallback = failedWith(['email']);
    expectEveryErrorLinked(render(SignInForm, { mailCatcherUrl: null }), new Set(['email']));
  });

  it('feedback and the practice check', () => {
    fallback = failedWith(keysOf(charityFeedbackSchema));
    expectEveryErrorLinked(render(CharityFeedbackForm, { action, volunteerName: 'Dev' }), keysOf(charityFeedbackSchema));
    fallback = failedWith(keysOf(volunteerFeedbackSchema));
    expectEveryErrorLinked(render(VolunteerFeedbackForm, { action, organisationName: 'Fridge' }), keysOf(volunteerFeedbackSchema));
    fallback = failedWith(keysOf(practiceCheckSchema));
    expectEveryErrorLinked(render(PracticeCheckForm, { action, volunteerName: 'Dev' }), keysOf(practiceCheckSchema));
  });

  it('invitations: inviting a volunteer (the volunteer and score are bound) and declining one', () => {
    fallback = failedWith(['message']);
    expectEveryErrorLinked(render(InviteVolunteerForm, { action, volunteerId: 'vol-1', name: 'Dev' }), new Set(['message']));
    fallback = failedWith(keysOf(declineInvitationSchema));
    expectEveryErrorLinked(render(DeclineInvitationForm, { action, invitationId: 'inv-1' }), keysOf(declineInvitationSchema));
  });

  it('meetings: moving, booking again and cancelling', () => {
    const dates = { minDate: '2026-12-02', maxDate: '2027-01-30', zoneLabel: 'UK time' };
    fallback = failedWith(keysOf(proposeMoveSchema));
    expectEveryErrorLinked(render(ProposeMoveForm, { action, ...dates }), keysOf(proposeMoveSchema));
    fallback = failedWith(['date', 'time']);
    expectEveryErrorLinked(render(BookAgainForm, { action, durationLabel: '30 minutes', ...dates }), new Set(['date', 'time']));
    fallback = failedWith(keysOf(cancelSchema));
    expectEveryErrorLinked(render(CancelMeetingForm, { action, late: false }), keysOf(cancelSchema));
  });
});

describe('the error summary of a form that is only buttons', () => {
  it('shows the refusal under "There is a problem", with nothing to link to', () => {
    fallback = failedWith([], 'This offer is no longer waiting.');
    for (const html of [
      render(WithdrawOfferForm, { action }),
      render(LeaveOrganisationForm, { action, organisationName: 'Fridge' }),
      render(MeetingButtonForm, { action, buttons: [{ label: 'Mark as held', pendingText: '…' }] }),
      render(UnsubscribeForm, { token: 'token', label: 'the weekly digest' }),
    ]) {
      expect(html).toContain('There is a problem');
      expect(html).toContain('This offer is no longer waiting.');
      expect(summaryOf(html).links).toEqual([]);
    }
  });

  it('shows nothing before the form is sent, or when it succeeds', () => {
    expect(render(WithdrawOfferForm, { action })).not.toContain('There is a problem');
    fallback = { ok: true, data: undefined as never };
    expect(render(WithdrawOfferForm, { action })).not.toContain('There is a problem');
  });
});
