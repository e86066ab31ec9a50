'use client';

import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useFormResult } from '@/components/ui/use-form-result';
import { FEEDBACK_TEXT_MAX } from '@/lib/feedback/limits';
import type { FormAction } from '@/lib/form-values';
import { RATING_OPTIONS } from './ratings';

/** The volunteer's feedback after a session: was the ask well scoped, an optional rating, a private note. */
export function VolunteerFeedbackForm({
  action: give,
  organisationName,
}: {
  action: FormAction<{ id: string }>;
  organisationName: string;
}) {
  const { state, action, value, errors } = useFormResult(give);
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
        errors={errors('wellScoped')}
        inline
      />
      <RadioGroup
        name="rating"
        legend="How did the session go? (optional)"
        options={RATING_OPTIONS}
        selected={value('rating')}
        errors={errors('rating')}
        inline
      />
      <TextArea
        name="comment"
        label="Anything else? (optional)"
        hint={`Private: only you and the HalfHour team see this, never ${organisationName}.`}
        rows={4}
        maxLength={FEEDBACK_TEXT_MAX}
        defaultValue={value('comment')}
        errors={errors('comment')}
      />
      <SubmitButton pendingText="Sending…">Send feedback</SubmitButton>
    </form>
  );
}
