'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { requestSignInLinkAction } from '@/lib/auth/actions';
import { single } from '@/lib/form-values';

/** Asks for an email address and sends a magic link; then says where to look for it. */
export function SignInForm({ callbackUrl, mailCatcherUrl }: { callbackUrl?: string; mailCatcherUrl: string | null }) {
  const [state, action] = useActionState(requestSignInLinkAction, null);

  if (state?.ok) {
    return (
      <div role="status" className="space-y-3 rounded-lg border border-emerald-700 bg-emerald-50 p-5 text-emerald-950">
        <h2 className="text-xl font-semibold">Check your email</h2>
        <p>
          If <strong>{state.data.email}</strong> can receive email, a sign-in link is on its way. It works once and expires in 15 minutes.
        </p>
        {mailCatcherUrl ? (
          <p>
            This is a demo without a real mail server: read the message in the local inbox at <a href={mailCatcherUrl}>{mailCatcherUrl}</a>.
          </p>
        ) : (
          <p>Nothing arrived after a few minutes? Check your spam folder, then ask for another link.</p>
        )}
      </div>
    );
  }

  const values = state?.ok === false ? state.values : {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <ErrorSummary result={state} />
      <input type="hidden" name="callbackUrl" value={single(values, 'callbackUrl') ?? callbackUrl ?? ''} />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        defaultValue={single(values, 'email')}
        errors={state?.ok === false ? state.fieldErrors.email : undefined}
        hint="We will email you a link to sign in. No password needed."
      />
      <SubmitButton pendingText="Sending…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
