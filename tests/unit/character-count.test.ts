// Text fields with a limit count characters instead of cutting a paste short: no maxlength attribute in any
// form, the limit said in words under the field (and in its description), and the server's error refusing
// what is too long. The live count itself runs in the browser (tests/e2e/form-errors.spec.ts).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { countMessage } from '@/components/ui/CharacterCount';
import { TextArea, TextField } from '@/components/ui/fields';
import { newAskDefaults } from '@/lib/asks/form-defaults';
import { ASK_TEXT_LIMITS } from '@/lib/asks/limits';
import { parseAskForm } from '@/lib/asks/schema';
import type { SkillTaxonomy } from '@/lib/skills/queries';

vi.mock('@/lib/account/actions', () => ({ completeOnboardingAction: vi.fn(), updateAccountAction: vi.fn(), deleteAccountAction: vi.fn() }));
vi.mock('@/lib/volunteers/actions', () => ({
  saveVolunteerProfileAction: vi.fn(),
  pauseVolunteeringAction: vi.fn(),
  resumeVolunteeringAction: vi.fn(),
}));

const action = async () => ({ ok: true as const, data: undefined as never });
const taxonomy: SkillTaxonomy = [
  { slug: 'fundraising', name: 'Fundraising', skills: [{ id: 'skill-bids', slug: 'bid-writing', name: 'Bid writing', description: null }] },
];

describe('the count under a field with a limit', () => {
  it('says how many are left, or how many too many', () => {
    expect(countMessage(108, 120)).toEqual({ text: 'You have 12 characters remaining', over: false });
    expect(countMessage(119, 120)).toEqual({ text: 'You have 1 character remaining', over: false });
    expect(countMessage(120, 120)).toEqual({ text: 'You have 0 characters remaining', over: false });
    expect(countMessage(121, 120)).toEqual({ text: 'You have 1 character too many', over: true });
    expect(countMessage(130, 120)).toEqual({ text: 'You have 10 characters too many', over: true });
    expect(countMessage(0, 2000).text).toBe('You have 2,000 characters remaining');
  });

  it('is the limit in words without JavaScript, named in the field’s description, with no maxlength to cut a paste', () => {
    const input = renderToStaticMarkup(createElement(TextField, { name: 'title', label: 'Title', hint: 'One line.', maxLength: 120 }));
    expect(input).not.toMatch(/maxlength/i);
    expect(input).toContain('<p id="title-info" class="text-sm text-slate-700">You can enter up to 120 characters</p>');
    expect(input).toContain('aria-describedby="title-hint title-info"');
    // An empty polite live region is in place from the start, so what is put in it later is read out.
    expect(input).toContain('<div aria-live="polite" class="sr-only"></div>');

    const textarea = renderToStaticMarkup(
      createElement(TextArea, {
        name: 'question',
        label: 'Your question',
        maxLength: 2000,
        errors: ['Keep the question to 2,000 characters or fewer.'],
      }),
    );
    expect(textarea).not.toMatch(/maxlength/i);
    expect(textarea).toContain('You can enter up to 2,000 characters');
    expect(textarea).toContain('aria-describedby="question-info question-error"');
  });

  it('is not shown for a field without a limit', () => {
    const html = renderToStaticMarkup(createElement(TextField, { name: 'email', label: 'Email', type: 'email' }));
    expect(html).not.toContain('You can enter up to');
    expect(html).not.toContain('aria-live');
  });
});

describe('forms with long text', () => {
  it('set no maxlength on any field, so nothing typed or pasted is cut short', async () => {
    const { AskForm } = await import('@/components/asks/AskForm');
    const { SplitAskForm } = await import('@/components/asks/SplitAskForm');
    const { OfferForm } = await import('@/components/offers/OfferForm');
    const { DeclineOfferForm } = await import('@/components/offers/DeclineOfferForm');
    const { AcceptOfferForm } = await import('@/components/offers/AcceptOfferForm');
    const { VolunteerProfileForm } = await import('@/components/volunteers/VolunteerProfileForm');
    const { OrganisationForm } = await import('@/components/orgs/OrganisationForm');
    const { CharityFeedbackForm } = await import('@/components/feedback/CharityFeedbackForm');
    const { ProposeMoveForm } = await import('@/components/meetings/ProposeMoveForm');
    const forms = [
      createElement(AskForm, {
        action,
        askId: null,
        defaults: newAskDefaults('Europe/London', 'org-1'),
        organisations: [{ id: 'org-1', name: 'Leeds Community Fridge' }],
        taxonomy,
        initialCoach: null,
        minDeadline: '2026-12-02',
        maxDeadline: '2027-01-26',
      }),
      createElement(SplitAskForm, { action, defaultProjectTitle: '', taxonomy }),
      createElement(OfferForm, {
        action,
        media: [{ value: 'VIDEO', label: 'Video call' }],
        zoneName: 'UK time',
        minDate: '2026-12-02',
        maxDate: '2027-01-30',
      }),
      createElement(DeclineOfferForm, { action, offerId: 'offer-1' }),
      createElement(AcceptOfferForm, { action, offerId: 'offer-1', times: [{ id: 't1', label: 'Monday 10:00' }], zoneName: 'UK time' }),
      createElement(VolunteerProfileForm, { profile: null, taxonomy, defaultTimeZone: 'Europe/London' }),
      createElement(OrganisationForm, { action, submitLabel: 'Create organisation', pendingText: 'Creating…' }),
      createElement(CharityFeedbackForm, { action, volunteerName: 'Dev' }),
      createElement(ProposeMoveForm, { action, zoneLabel: 'UK time', minDate: '2026-12-02', maxDate: '2027-01-30' }),
    ];
    for (const form of forms) {
      const html = renderToStaticMarkup(form);
      expect(html).not.toMatch(/maxlength/i);
      expect(html).toContain('You can enter up to');
    }
  });

  it('counts to the limit the server refuses past, and the server keeps what was typed', () => {
    const title = 'x'.repeat(ASK_TEXT_LIMITS.title + 10);
    const result = parseAskForm(
      { title, question: '', outcome: '', durationMinutes: '30', timeZone: 'Europe/London', deadline: '2030-01-01' },
      'draft',
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { title: ['Keep the title to 120 characters or fewer.'] } });
    expect(ASK_TEXT_LIMITS.title).toBe(120);
  });
});
