'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction, type FormResult } from '@/lib/form-values';

const RATINGS = [
  { value: '1', label: '1 (not useful)' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5 (very useful)' },
];

/** A charity's feedback on its seat: how useful, what it will do differently, and a thank-you for the volunteer. */
export function ClinicFeedbackForm({
  action: send,
  volunteerName,
}: {
  action: FormAction<never, FormResult<never>>;
  volunteerName: string;
}) {
  const [state, action] = useActionState(send, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary result={state} ids={{ rating: 'clinic-rating', changes: 'clinic-changes', thanks: 'clinic-thanks' }} />
      <RadioGroup
        name="rating"
        idPrefix="clinic-rating"
        legend="How useful was the clinic?"
        options={RATINGS}
        selected={failed ? single(failed.values, 'rating') : undefined}
        errors={failed?.fieldErrors.rating}
        inline
      />
      <TextArea
        id="clinic-changes"
        name="changes"
        label="What will you do differently? (optional)"
        rows={3}
        maxLength={1000}
        defaultValue={failed ? single(failed.values, 'changes') : undefined}
        errors={failed?.fieldErrors.changes}
      />
      <TextArea
        id="clinic-thanks"
        name="thanks"
        label={`A thank-you for ${volunteerName} (optional)`}
        hint="We email it to them."
        rows={3}
        maxLength={1000}
        defaultValue={failed ? single(failed.values, 'thanks') : undefined}
        errors={failed?.fieldErrors.thanks}
      />
      <SubmitButton pendingText="Sending…">Send feedback</SubmitButton>
    </form>
  );
}
