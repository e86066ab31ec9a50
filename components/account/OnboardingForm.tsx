'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { completeOnboardingAction } from '@/lib/account/actions';
import { many, single } from '@/lib/form-values';

export function OnboardingForm({ defaultName, next }: { defaultName: string; next?: string }) {
  const [state, action] = useActionState(completeOnboardingAction, null);
  const failed = state?.ok === false ? state : null;
  const values = failed?.values ?? {};
  const chosen = failed ? [...many(values, 'charity').map(() => 'charity'), ...many(values, 'volunteer').map(() => 'volunteer')] : [];
  return (
    <form action={action} className="space-y-6" noValidate>
      <ErrorSummary result={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={single(values, 'name') ?? defaultName}
        errors={failed?.fieldErrors.name}
        hint="Shown to the people you arrange sessions with."
      />
      <fieldset id="roles" tabIndex={-1} className="space-y-3" aria-describedby={failed?.fieldErrors.roles ? 'roles-error' : undefined}>
        <legend className="font-medium text-slate-900">What brings you here? Choose one or both.</legend>
        {failed?.fieldErrors.roles ? (
          <p id="roles-error" className="text-sm font-medium text-red-800">
            <span className="sr-only">Error: </span>
            {failed.fieldErrors.roles[0]}
          </p>
        ) : null}
        <RoleChoice name="charity" checked={chosen.includes('charity')} title="I work for a charity or social enterprise">
          Post short, specific asks and book a volunteer for them.
        </RoleChoice>
        <RoleChoice name="volunteer" checked={chosen.includes('volunteer')} title="I want to volunteer">
          Offer half an hour of your experience to small charities.
        </RoleChoice>
      </fieldset>
      <SubmitButton>Continue</SubmitButton>
    </form>
  );
}

function RoleChoice({ name, checked, title, children }: { name: string; checked: boolean; title: string; children: string }) {
  return (
    <div className="flex items-start gap-3 rounded-md border border-slate-300 p-4">
      <input
        id={name}
        name={name}
        type="checkbox"
        defaultChecked={checked}
        className="mt-1 h-5 w-5 accent-brand-700"
        aria-describedby={`${name}-description`}
      />
      <div>
        <label htmlFor={name} className="font-medium">
          {title}
        </label>
        <p id={`${name}-description`} className="text-sm text-slate-700">
          {children}
        </p>
      </div>
    </div>
  );
}
