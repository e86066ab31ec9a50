// Every form is checked whole: a mistake in one field never hides another's, so a person sees every
// problem after one attempt rather than one more each time they press the button.
import { describe, expect, it } from 'vitest';
import { accountSchema, deleteAccountSchema, onboardingSchema } from '@/lib/account/schema';
import { parseAskForm, parseStages, withdrawSchema } from '@/lib/asks/schema';
import { charityFeedbackSchema, practiceCheckSchema, volunteerFeedbackSchema } from '@/lib/feedback/schema';
import { formValues, parseForm, type FormResult } from '@/lib/forms';
import { declineInvitationSchema, inviteSchema } from '@/lib/invitations/schema';
import { cancelSchema, proposeMoveSchema } from '@/lib/meetings/schema';
import { acceptSchema, declineSchema, offerSchema } from '@/lib/offers/schema';
import { organisationSchema } from '@/lib/orgs/schema';
import { pauseSchema, volunteerProfileSchema } from '@/lib/volunteers/schema';

const NOW = new Date('2026-12-01T12:00:00Z');

/** What the ask form sends with nothing filled in: every text box empty, nothing ticked. */
const emptyAskForm = {
  organisationId: 'org-1',
  title: '',
  question: '',
  outcome: '',
  context: '',
  prepLink: '',
  durationMinutes: '30',
  location: '',
  'from-1': '09:30',
  'to-1': '16:00',
  timeZone: 'Europe/London',
  deadline: '',
};

const errorKeys = (result: { ok: boolean; fieldErrors?: Record<string, string[]> }) => Object.keys(result.fieldErrors ?? {}).sort();
/** The errors in the order they came back (the error summary lists them in this order). */
const errorOrder = (result: FormResult<never>) => Object.keys(result.ok ? {} : result.fieldErrors);

describe('the ask form', () => {
  it('reports every missing answer in one result when sent for review empty', () => {
    const result = parseAskForm(emptyAskForm, 'submit', NOW);
    expect(result.ok).toBe(false);
    expect(errorKeys(result)).toEqual(['availability', 'deadline', 'media', 'outcome', 'question', 'skills', 'title']);
  });

  it('keeps checking the rest when one field is malformed', () => {
    const result = parseAskForm(
      { ...emptyAskForm, title: 'x'.repeat(130), prepLink: 'not a link', media: 'IN_PERSON', deadline: '2026-12-01' },
      'submit',
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.title).toEqual(['Keep the title to 120 characters or fewer.']);
    expect(result.fieldErrors.prepLink).toHaveLength(1);
    // Checks that compare two fields run whenever those two are valid.
    expect(result.fieldErrors.location).toEqual([expect.stringMatching(/meet in person/)]);
    expect(result.fieldErrors.deadline).toEqual(['Choose a date after today.']);
    expect(result.fieldErrors.question).toHaveLength(1);
    expect(result.fieldErrors.skills).toHaveLength(1);
  });

  it('asks a draft only for a title and well-formed values', () => {
    const result = parseAskForm({ ...emptyAskForm, deadline: '2026-12-20' }, 'draft', NOW);
    expect(errorKeys(result)).toEqual(['title']);
    const saved = parseAskForm({ ...emptyAskForm, title: 'Check our lottery bid opening', deadline: '2026-12-20' }, 'draft', NOW);
    expect(saved.ok).toBe(true);
  });

  it('reads a finished ask', () => {
    const result = parseAskForm(
      {
        ...emptyAskForm,
        title: 'Check the opening paragraph of our lottery bid',
        question: 'Does our opening paragraph say clearly what the money is for?',
        outcome: 'A clearer first paragraph',
        skills: ['bid-writing'],
        media: ['VIDEO', 'PHONE'],
        'day-1': 'on',
        deadline: '2026-12-20',
      },
      'submit',
      NOW,
    );
    expect(result).toMatchObject({
      ok: true,
      data: { availability: [{ weekday: 1, from: '09:30', to: '16:00' }], media: ['VIDEO', 'PHONE'] },
    });
  });
});

describe('splitting an ask into stages', () => {
  it('reports the project title and each stage field together, in the order of the form', () => {
    const result = parseStages({ projectTitle: '', 'stage-1-title': 'Short', 'stage-1-question': '', 'stage-2-title': 'x'.repeat(130) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual([
      'projectTitle',
      'stage-1-title',
      'stage-1-question',
      'stage-1-skills',
      'stage-2-title',
      'stage-2-question',
      'stage-2-skills',
    ]);
  });

  it('puts "too few stages" first after the project title', () => {
    const result = parseStages({ projectTitle: 'Our first National Lottery bid', 'stage-1-title': 'Short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual(['stages', 'stage-1-title', 'stage-1-question', 'stage-1-skills']);
  });
});

describe('onboarding', () => {
  it('says a role is missing even when the name is too', () => {
    // No name field at all (a hand-made request): a type error, which zod lets stop the checks across fields.
    const result = parseForm(onboardingSchema, formValues({}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorKeys(result.result)).toEqual(['name', 'roles']);
  });
});

describe('the volunteer profile', () => {
  it('asks for a region for in-person meetings even when other fields are wrong', () => {
    const result = parseForm(volunteerProfileSchema, {
      headline: '',
      bio: '',
      skills: [] as never,
      media: 'IN_PERSON',
      region: '',
      timeZone: 'Europe/London',
      monthlyCapacity: 'lots',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorKeys(result.result)).toEqual(['bio', 'headline', 'monthlyCapacity', 'region', 'skills']);
    // In the order the form shows them, so the error summary reads top to bottom.
    expect(errorOrder(result.result)).toEqual(['headline', 'bio', 'skills', 'region', 'monthlyCapacity']);
  });
});

describe('a new organisation', () => {
  it('checks the registration number even when other fields are missing', () => {
    const result = parseForm(
      organisationSchema,
      formValues({ name: 'Leeds Community Fridge', type: 'CHARITABLE_COMPANY', registrationNumber: 'NIC105287' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorKeys(result.result)).toEqual(['causeAreas', 'description', 'region', 'registrationNumber', 'sizeBand']);
    expect(errorOrder(result.result)).toEqual(['registrationNumber', 'causeAreas', 'region', 'sizeBand', 'description']);
  });

  it('still tidies a valid number', () => {
    const result = parseForm(
      organisationSchema,
      formValues({
        name: 'Leeds Community Fridge',
        type: 'CHARITABLE_COMPANY',
        registrationNumber: '9417753',
        causeAreas: 'POVERTY',
        region: 'YORKSHIRE_AND_THE_HUMBER',
        sizeBand: 'MICRO',
        description: 'A community fridge in Chapeltown sharing surplus food.',
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { registrationNumber: '09417753', website: null } });
  });
});

describe('form values', () => {
  it('count a new line as one character, as the character count in the browser does', () => {
    // Browsers send a textarea's new lines as CRLF; the limit a person sees counts each as one.
    expect(formValues({ question: 'one\r\ntwo\rthree' }).question).toBe('one\ntwo\nthree');
  });
});

describe('messages', () => {
  it('are written for the person, even for a paste far over any limit', () => {
    const schemas = {
      onboardingSchema,
      volunteerProfileSchema,
      organisationSchema: organisationSchema.in,
      ...{ accountSchema, deleteAccountSchema, withdrawSchema, charityFeedbackSchema, volunteerFeedbackSchema, practiceCheckSchema },
      ...{ declineInvitationSchema, inviteSchema, cancelSchema, proposeMoveSchema, acceptSchema, declineSchema, offerSchema, pauseSchema },
    };
    const zodDefaults: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      // Hidden fields carried through the form (a return path), and the volunteer's skills (built by the
      // server from one select per skill), are not text a person types.
      const fields = Object.keys(schema.shape).filter((key) => key !== 'next' && !(name === 'volunteerProfileSchema' && key === 'skills'));
      const long = Object.fromEntries(fields.map((key) => [key, 'x'.repeat(5000)]));
      const result = parseForm(schema, name === 'volunteerProfileSchema' ? { ...long, skills: [] } : long);
      if (result.ok || result.result.ok) continue;
      for (const [field, messages] of Object.entries(result.result.fieldErrors)) {
        for (const message of messages) if (/^(Too (big|small)|Invalid)/.test(message)) zodDefaults.push(`${name}.${field}: ${message}`);
      }
    }
    expect(zodDefaults).toEqual([]);
  });
});
