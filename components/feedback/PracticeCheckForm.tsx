'use client';

import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useFormResult } from '@/components/ui/use-form-result';
import { PRACTICE_RESPONSE_MAX, practiceOutcomeLabels } from '@/lib/feedback/limits';
import type { FormAction } from '@/lib/form-values';

const outcomes = (['YES', 'PARTLY', 'NOT_YET'] as const).map((value) => ({ value, label: practiceOutcomeLabels[value] }));

/** The charity's answer, two weeks on, to "did you put it into practice?"; the volunteer sees it. */
export function PracticeCheckForm({ action: answer, volunteerName }: { action: FormAction; volunteerName: string }) {
  const { state, action, value, errors } = useFormResult(answer);
  return (
    <form action={action} className="space-y-5" noValidate>
      <ErrorSummary result={state} />
      <RadioGroup
        name="outcome"
        legend="Did you put it into practice?"
        options={outcomes}
        selected={value('outcome')}
        errors={errors('outcome')}
        inline
      />
      <TextField
        name="response"
        label="In a line, what happened? (optional)"
        hint={`${volunteerName} will see your answer.`}
        maxLength={PRACTICE_RESPONSE_MAX}
        defaultValue={value('response')}
        errors={errors('response')}
      />
      <SubmitButton pendingText="Sending…">Send answer</SubmitButton>
    </form>
  );
}
