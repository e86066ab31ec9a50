'use client';

import { useActionState } from 'react';
import { FormAlert, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { updateAccountAction } from '@/lib/account/actions';
import { many, single } from '@/lib/forms';

export function AccountForm({ account }: { account: { name: string | null; emailOnOffers: boolean; emailDigest: boolean } }) {
  const [state, action] = useActionState(updateAccountAction, null);
  const failed = state?.ok === false ? state : null;
  const values = failed?.values;
  const preferences = values
    ? [...(many(values, 'emailOnOffers').length ? ['emailOnOffers'] : []), ...(many(values, 'emailDigest').length ? ['emailDigest'] : [])]
    : [...(account.emailOnOffers ? ['emailOnOffers'] : []), ...(account.emailDigest ? ['emailDigest'] : [])];
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert error={failed?.formError} success={state?.ok ? state.message : undefined} />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={values ? single(values, 'name') : (account.name ?? '')}
        errors={failed?.fieldErrors.name}
        required
      />
      <EmailPreferences selected={preferences} />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}

function EmailPreferences({ selected }: { selected: string[] }) {
  const preferences = [
    { name: 'emailOnOffers', label: 'Email me when someone offers on my asks, or a new ask fits my skills' },
    { name: 'emailDigest', label: 'Send me a weekly summary' },
  ];
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium text-slate-900">Emails we send you</legend>
      {preferences.map((preference) => (
        <div key={preference.name} className="flex items-start gap-2">
          <input
            id={preference.name}
            name={preference.name}
            type="checkbox"
            defaultChecked={selected.includes(preference.name)}
            className="mt-1 h-4 w-4 accent-brand-700"
          />
          <label htmlFor={preference.name}>{preference.label}</label>
        </div>
      ))}
      <p className="text-sm text-slate-700">Emails about sessions you have booked are always sent.</p>
    </fieldset>
  );
}
