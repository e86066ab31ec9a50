'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

/**
 * Accepting one offer at one of its times, which books the session. The page binds the offer's id and
 * labels the times in the charity's zone.
 */
export function AcceptOfferForm({
  action: accept,
  offerId,
  times,
  zoneName,
}: {
  action: FormAction;
  offerId: string;
  times: Array<{ id: string; label: string }>;
  zoneName: string;
}) {
  const [state, action] = useActionState(accept, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary result={state} ids={{ timeId: `accept-${offerId}-time`, joinDetails: `accept-${offerId}-join` }} />
      <RadioGroup
        name="timeId"
        idPrefix={`accept-${offerId}-time`}
        legend={`Choose a time (${zoneName})`}
        options={times.map((time) => ({ value: time.id, label: time.label }))}
        selected={failed ? single(failed.values, 'timeId') : times.length === 1 ? times[0]!.id : undefined}
        errors={failed?.fieldErrors.timeId}
      />
      <TextField
        name="joinDetails"
        id={`accept-${offerId}-join`}
        label="How to join (optional)"
        hint="Your own video link, phone number or address. Leave blank to use the volunteer’s."
        maxLength={500}
        spellCheck={false}
        defaultValue={failed ? single(failed.values, 'joinDetails') : undefined}
        errors={failed?.fieldErrors.joinDetails}
      />
      <SubmitButton pendingText="Booking…">Accept and book</SubmitButton>
    </form>
  );
}
