'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FormAlert, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { updateAccountAction } from '@/lib/account/actions';
import { many, single } from '@/lib/form-values';

/** The optional emails, each with its own checkbox; the names are the User columns they set. */
const EMAIL_PREFERENCES = [
  {
    name: 'emailOnOffers',
    label: 'Offers and invitations',
    hint: 'New offers on your asks, offers waiting for a reply, asks about to close and invitations to help.',
  },
  { name: 'emailReminders', label: 'Session reminders', hint: 'Reminders 24 hours and 1 hour before a session.' },
  {
    name: 'emailDigest',
    label: 'Weekly digest',
    hint: 'A weekly email of new asks that fit your skills. Off unless you turn it on.',
  },
] as const;

type PreferenceName = (typeof EMAIL_PREFERENCES)[number]['name'];

export function AccountForm({ account }: { account: { name: string | null } & Record<PreferenceName, boolean> }) {
  const [state, action] = useActionState(updateAccountAction, null);
  const failed = state?.ok === false ? state : null;
  const values = failed?.values;
  // After a failed save, the boxes show what was sent (an unticked box sends nothing), not what is stored.
  const selected = EMAIL_PREFERENCES.map((preference) => preference.name).filter((name) =>
    values ? many(values, name).length > 0 : account[name],
  );
  return (
    <form action={action} className="space-y-5" noValidate>
      <ErrorSummary result={state} />
      <FormAlert success={state?.ok ? state.message : undefined} />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={values ? single(values, 'name') : (account.name ?? '')}
        errors={failed?.fieldErrors.name}
        required
      />
      <EmailPreferences selected={selected} />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}

function EmailPreferences({ selected }: { selected: string[] }) {
  return (
    // Emails link here (/account#email-preferences) from their footer.
    <fieldset id="email-preferences" aria-describedby="email-preferences-always" className="scroll-mt-4 space-y-3">
      <legend className="font-medium text-slate-900">Emails we send you</legend>
      {EMAIL_PREFERENCES.map((preference) => (
        <div key={preference.name} className="flex items-start gap-2">
          <input
            id={preference.name}
            name={preference.name}
            type="checkbox"
            defaultChecked={selected.includes(preference.name)}
            aria-describedby={`${preference.name}-hint`}
            className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
          />
          <div>
            <label htmlFor={preference.name} className="font-medium">
              {preference.label}
            </label>
            <p id={`${preference.name}-hint`} className="text-sm text-slate-700">
              {preference.hint}
            </p>
          </div>
        </div>
      ))}
      <p id="email-preferences-always" className="text-sm text-slate-700">
        Emails about sessions you have booked — confirmations, changes and cancellations — are always sent.
      </p>
    </fieldset>
  );
}
