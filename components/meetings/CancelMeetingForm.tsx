'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

/** Cancelling the session, with the reason the other side will read. */
export function CancelMeetingForm({ action: cancel, late }: { action: FormAction<{ late: boolean; reopened: boolean }>; late: boolean }) {
  const [state, action] = useActionState(cancel, null);
  const failed = state?.ok === false ? state : null;
  return (
    // Open again after a refusal, so the error and the typed values are in view without JavaScript.
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">Cancel this session</summary>
      <div className="mt-4">
        <form action={action} className="space-y-3" noValidate>
          <ErrorSummary result={state} ids={{ reason: 'cancel-reason' }} />
          {late ? (
            <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
              The session starts within 24 hours, so cancelling now is recorded as a late cancellation.
            </p>
          ) : null}
          <TextArea
            id="cancel-reason"
            name="reason"
            label="Why are you cancelling?"
            hint="The other side will see this."
            rows={3}
            maxLength={500}
            required
            defaultValue={failed ? single(failed.values, 'reason') : undefined}
            errors={failed?.fieldErrors.reason}
          />
          <SubmitButton variant="danger" pendingText="Cancelling…">
            Cancel this session
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
