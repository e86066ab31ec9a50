'use client';

import { useActionState } from 'react';
import { FormAlert, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import { DateTimeFields } from './DateTimeFields';

/** Proposing a new time for the session; the other side accepts or declines it. */
export function ProposeMoveForm({
  action: propose,
  zoneLabel,
  minDate,
  maxDate,
}: {
  action: FormAction<{ moveId: string }>;
  zoneLabel: string;
  minDate: string;
  maxDate: string;
}) {
  const [state, action] = useActionState(propose, null);
  const failed = state?.ok === false ? state : null;
  return (
    // Open again after a refusal, so the error and the typed values are in view without JavaScript.
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">Propose a new time</summary>
      <div className="mt-4">
        <form action={action} className="space-y-4" noValidate>
          <div aria-live="polite">
            <FormAlert error={failed?.formError} />
          </div>
          <DateTimeFields
            idPrefix="move"
            zoneLabel={zoneLabel}
            date={failed ? single(failed.values, 'date') : undefined}
            time={failed ? single(failed.values, 'time') : undefined}
            errors={failed?.fieldErrors ?? {}}
            minDate={minDate}
            maxDate={maxDate}
          />
          <TextArea
            id="move-note"
            name="note"
            label="A note for the other side (optional)"
            rows={2}
            maxLength={500}
            defaultValue={failed ? single(failed.values, 'note') : undefined}
            errors={failed?.fieldErrors.note}
          />
          <SubmitButton variant="secondary" pendingText="Proposing…">
            Propose this time
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
