'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { FEEDBACK_TEXT_MAX } from '@/lib/feedback/limits';
import { single, type FormAction } from '@/lib/form-values';
import { RATING_OPTIONS } from './ratings';

/** The volunteer's feedback after a session: was the ask well scoped, an optional rating, a private note. */
export function VolunteerFeedbackForm({
  action: give,
  organisationName,
}: {
  action: FormAction<{ id: string }>;
  organisationName: string;
}) {
  const [state, action] = useActionState(give, null);
  const failed = state?.ok === false ? state : null;
  const value = (name: string) => (failed ? single(failed.values, name) : undefined);
  return (
    <form action={action} className="space-y-5" noValidate>
      <ErrorSummary result={state} />
      <RadioGroup
        name="wellScoped"
        legend="Was the ask well scoped?"
        hint="Could the question be answered well in the time you had?"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        selected={value('wellScoped')}
        errors={failed?.fieldErrors.wellScoped}
        inline
      />
      <RadioGroup
        name="rating"
        legend="How did the session go? (optional)"
        options={RATING_OPTIONS}
        selected={value('rating')}
        errors={failed?.fieldErrors.rating}
        inline
      />
      <TextArea
        name="comment"
        label="Anything else? (optional)"
        hint={`Private: only you and the HalfHour team see this, never ${organisationName}.`}
        rows={4}
        maxLength={FEEDBACK_TEXT_MAX}
        defaultValue={value('comment')}
        errors={failed?.fieldErrors.comment}
      />
      <SubmitButton pendingText="Sending…">Send feedback</SubmitButton>
    </form>
  );
}
