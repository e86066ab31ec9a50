'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FieldErrors, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import { declineReasonLabels, STAFF_DECLINE_REASONS } from '@/lib/offers/limits';

const inputClass =
  'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700';

/** Saying no to an offer: a reason (kept so matching can learn) and an optional note the volunteer reads. */
export function DeclineOfferForm({ action: decline, offerId }: { action: FormAction; offerId: string }) {
  const [state, action] = useActionState(decline, null);
  const failed = state?.ok === false ? state : null;
  const reasonId = `decline-${offerId}-reason`;
  const noteId = `decline-${offerId}-note`;
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} ids={{ reason: reasonId, note: noteId }} />
      <div className="space-y-1">
        <label htmlFor={reasonId} className="block font-medium">
          Why not this offer?
        </label>
        <select
          key={failed ? single(failed.values, 'reason') : ''}
          id={reasonId}
          name="reason"
          defaultValue={failed ? (single(failed.values, 'reason') ?? '') : ''}
          aria-invalid={failed?.fieldErrors.reason?.length ? true : undefined}
          aria-describedby={failed?.fieldErrors.reason?.length ? `${reasonId}-error` : undefined}
          className={inputClass}
        >
          <option value="">Choose a reason</option>
          {STAFF_DECLINE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {declineReasonLabels[reason]}
            </option>
          ))}
        </select>
        <FieldErrors id={`${reasonId}-error`} errors={failed?.fieldErrors.reason} />
      </div>
      <TextArea
        id={noteId}
        name="note"
        label="A note to the volunteer (optional)"
        rows={2}
        maxLength={1000}
        defaultValue={failed ? single(failed.values, 'note') : undefined}
        errors={failed?.fieldErrors.note}
      />
      <SubmitButton variant="secondary" pendingText="Declining…">
        Decline this offer
      </SubmitButton>
    </form>
  );
}
