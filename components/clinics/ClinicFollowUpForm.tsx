'use client';

import { useActionState } from 'react';
import { DateTimeFields } from '@/components/meetings/DateTimeFields';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SelectField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction, type FormResult } from '@/lib/form-values';

/** A half-hour one-to-one with the clinic's volunteer, about one of the organisation's asks, at a time in the booker's zone. */
export function ClinicFollowUpForm({
  action: book,
  asks,
  volunteerName,
  zoneLabel,
  minDate,
  maxDate,
}: {
  action: FormAction<never, FormResult<never>>;
  asks: Array<{ id: string; title: string }>;
  volunteerName: string;
  zoneLabel: string;
  minDate: string;
  maxDate: string;
}) {
  const [state, action] = useActionState(book, null);
  const failed = state?.ok === false ? state : null;
  return (
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">Book a follow-up with {volunteerName}</summary>
      <div className="mt-4">
        <form action={action} className="space-y-4" noValidate>
          <ErrorSummary result={state} ids={{ date: 'follow-up-date', time: 'follow-up-time' }} />
          <p className="text-slate-800">
            A half-hour one-to-one, the same way as the clinic. It is booked straight away and you both get the calendar invite.
          </p>
          <SelectField
            name="askId"
            label="Which of your asks is it about?"
            options={asks.map((ask) => ({ value: ask.id, label: ask.title }))}
            placeholder="Choose an ask"
            defaultValue={failed ? single(failed.values, 'askId') : undefined}
            errors={failed?.fieldErrors.askId}
            required
          />
          <DateTimeFields
            idPrefix="follow-up"
            zoneLabel={zoneLabel}
            date={failed ? single(failed.values, 'date') : undefined}
            time={failed ? single(failed.values, 'time') : undefined}
            errors={failed?.fieldErrors ?? {}}
            minDate={minDate}
            maxDate={maxDate}
          />
          <SubmitButton pendingText="Booking…">Book the follow-up</SubmitButton>
        </form>
      </div>
    </details>
  );
}
