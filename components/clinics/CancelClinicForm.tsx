'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction, type FormResult } from '@/lib/form-values';

/** Calling the clinic off (the volunteer, or an admin), with the reason every charity reads. */
export function CancelClinicForm({ action: cancel }: { action: FormAction<never, FormResult<never>> }) {
  const [state, action] = useActionState(cancel, null);
  const failed = state?.ok === false ? state : null;
  return (
    // Open again after a refusal, so the error and the typed reason are in view without JavaScript.
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">Cancel this clinic</summary>
      <div className="mt-4">
        <form action={action} className="space-y-3" noValidate>
          <ErrorSummary result={state} ids={{ reason: 'cancel-clinic-reason' }} />
          <p className="text-slate-800">
            Every seat and waiting place is given up, and each charity is emailed with your reason and a calendar cancellation.
          </p>
          <TextArea
            id="cancel-clinic-reason"
            name="reason"
            label="Why is the clinic cancelled?"
            hint="The charities will read this."
            rows={3}
            maxLength={500}
            required
            defaultValue={failed ? single(failed.values, 'reason') : undefined}
            errors={failed?.fieldErrors.reason}
          />
          <SubmitButton variant="danger" pendingText="Cancelling…">
            Cancel the clinic
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
