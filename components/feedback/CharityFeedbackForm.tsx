'use client';

import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useFormResult } from '@/components/ui/use-form-result';
import { FEEDBACK_TEXT_MAX } from '@/lib/feedback/limits';
import type { FormAction } from '@/lib/form-values';
import { RATING_OPTIONS } from './ratings';

/** The charity's feedback after a session: a rating, what they will do differently, and a thank-you for the volunteer. */
export function CharityFeedbackForm({ action: give, volunteerName }: { action: FormAction<{ id: string }>; volunteerName: string }) {
  const { state, action, value, errors } = useFormResult(give);
  return (
    <form action={action} className="space-y-5" noValidate>
      <ErrorSummary result={state} />
      <RadioGroup
        name="rating"
        legend="How useful was the session?"
        options={RATING_OPTIONS}
        selected={value('rating')}
        errors={errors('rating')}
        inline
      />
      <TextArea
        name="changes"
        label="What will you do differently?"
        hint="One or two things you will change because of the session. This helps volunteers see what their time made possible."
        rows={4}
        maxLength={FEEDBACK_TEXT_MAX}
        defaultValue={value('changes')}
        errors={errors('changes')}
      />
      <TextArea
        name="thanks"
        label={`A thank-you note for ${volunteerName} (optional)`}
        hint="We email it to them. A line or two is plenty, and means a lot."
        rows={3}
        maxLength={FEEDBACK_TEXT_MAX}
        defaultValue={value('thanks')}
        errors={errors('thanks')}
      />
      <SubmitButton pendingText="Sending…">Send feedback</SubmitButton>
    </form>
  );
}
