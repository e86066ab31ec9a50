'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, SUBMISSION_FIELD, type FormAction } from '@/lib/form-values';

/** Owners create a single-use invitation link, optionally emailed to a colleague. */
export function InviteForm({
  action: invite,
  submission,
}: {
  action: FormAction<{ url: string; expiresAt: Date; emailed: boolean }>;
  /** This rendering's one-time id (lib/form-submissions.ts): the page renders a new one after each invitation. */
  submission?: string;
}) {
  const [state, action] = useActionState(invite, null);
  const failed = state?.ok === false ? state : null;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <ErrorSummary result={state} />
        {submission ? <input type="hidden" name={SUBMISSION_FIELD} value={submission} /> : null}
        <TextField
          name="email"
          label="Colleague’s email (optional)"
          type="email"
          hint="We will email them the link. Leave blank to just get a link to send yourself."
          defaultValue={failed ? single(failed.values, 'email') : undefined}
          errors={failed?.fieldErrors.email}
          spellCheck={false}
        />
        <SubmitButton pendingText="Creating link…" variant="secondary">
          Create invitation link
        </SubmitButton>
      </form>
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-700 bg-emerald-50 p-4 text-emerald-950">
          <p>{state.message}</p>
          <label htmlFor="invite-link" className="block text-sm font-medium">
            Invitation link (works once, for 7 days)
          </label>
          <input
            id="invite-link"
            readOnly
            value={state.data.url}
            className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm"
          />
        </div>
      ) : null}
    </div>
  );
}
