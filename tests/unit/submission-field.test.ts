// The create forms carry the one-time id their page made (docs/decisions/0022) as a plain hidden field, in the
// server's HTML, so a browser without JavaScript posts it too; after a failed post it is still there (the same
// rendered form, corrected, creates once). Forms that edit carry none.
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newAskDefaults } from '@/lib/asks/form-defaults';
import { CORRECT_THE_PROBLEMS, SUBMISSION_FIELD, type FormResult } from '@/lib/form-values';

// The forms read their state from useActionState: none yet, or a failed post.
let state: FormResult<never> | null = null;
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>();
  return { ...react, useActionState: () => [state, () => {}, false] };
});

const { AskForm } = await import('@/components/asks/AskForm');
const { OrganisationForm } = await import('@/components/orgs/OrganisationForm');
const { InviteForm } = await import('@/components/orgs/InviteForm');

const TOKEN = '0b5c8f52-3d1e-4a8b-9f0e-6c2d7a1e4b93';
const action = async () => ({ ok: true as const, data: undefined as never });
const askProps = {
  action,
  askId: null,
  defaults: newAskDefaults('Europe/London', 'org-1'),
  organisations: [{ id: 'org-1', name: 'Leeds Community Fridge' }],
  taxonomy: [],
  initialCoach: null,
  minDeadline: '2026-12-02',
  maxDeadline: '2027-01-26',
};

function render<P extends object>(component: ComponentType<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

/** The values of the hidden submission fields inside the form element. */
function submissionFields(html: string): string[] {
  const form = html.match(/<form[\s\S]*<\/form>/)?.[0] ?? '';
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map(([input]) => input)
    .filter((input) => input.includes('type="hidden"') && input.includes(`name="${SUBMISSION_FIELD}"`))
    .map((input) => input.match(/value="([^"]*)"/)?.[1] ?? '');
}

const createForms: Array<[string, () => string]> = [
  ['the new-ask form', () => render(AskForm, { ...askProps, submission: TOKEN })],
  [
    'the new-organisation form',
    () => render(OrganisationForm, { action, submitLabel: 'Create', pendingText: 'Creating…', submission: TOKEN }),
  ],
  ['the invitation form', () => render(InviteForm, { action, submission: TOKEN })],
];

describe('the one-time id of a create form', () => {
  beforeEach(() => {
    state = null;
  });

  it.each(createForms)('%s carries the id its page made, once, before and after a failed post', (_name, html) => {
    expect(submissionFields(html())).toEqual([TOKEN]);
    state = { ok: false, fieldErrors: { name: ['Enter a name'] }, formError: CORRECT_THE_PROBLEMS, values: {} };
    expect(submissionFields(html())).toEqual([TOKEN]);
  });

  it('an edit form (no id from its page) carries none', () => {
    expect(submissionFields(render(AskForm, { ...askProps, askId: 'ask-1' }))).toEqual([]);
    expect(submissionFields(render(OrganisationForm, { action, submitLabel: 'Save', pendingText: 'Saving…' }))).toEqual([]);
  });
});
