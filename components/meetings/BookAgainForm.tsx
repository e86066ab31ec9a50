'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import { DateTimeFields } from './DateTimeFields';

/** Booking a further catch-up with the same person, on the same ask. */
export function BookAgainForm({
  action: book,
  zoneLabel,
  minDate,
  maxDate,
  durationLabel,
}: {
  action: FormAction<{ meetingId: string }>;
  zoneLabel: string;
  minDate: string;
  maxDate: string;
  durationLabel: string;
}) {
  const [state, action] = useActionState(book, null);
  const failed = state?.ok === false ? state : null;
  return (
    // Open again after a refusal, so the error and the typed values are in view without JavaScript.
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">Arrange a further catch-up</summary>
      <div className="mt-4">
        <form action={action} className="space-y-4" noValidate>
          <div aria-live="polite">
            <FormAlert error={failed?.formError} />
          </div>
          <p className="text-slate-800">
            Another {durationLabel} on the same ask, the same way as before. It is booked straight away; the other side gets the invite and
            can move or cancel it.
          </p>
          <DateTimeFields
            idPrefix="again"
            zoneLabel={zoneLabel}
            date={failed ? single(failed.values, 'date') : undefined}
            time={failed ? single(failed.values, 'time') : undefined}
            errors={failed?.fieldErrors ?? {}}
            minDate={minDate}
            maxDate={maxDate}
          />
          <SubmitButton pendingText="Booking…">Book the catch-up</SubmitButton>
        </form>
      </div>
    </details>
  );
}
