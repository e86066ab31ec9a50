'use client';

import { useActionState, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import { DateTimeFields } from './DateTimeFields';

/**
 * A new date and time for a session, in the viewer's zone, inside a box that opens again after a refusal so
 * the error and the typed values are in view without JavaScript: proposing a move, booking a catch-up.
 */
export function NewTimeForm<T>({
  action: send,
  idPrefix,
  summary,
  intro,
  withNote = false,
  submit,
  zoneLabel,
  minDate,
  maxDate,
}: {
  action: FormAction<T>;
  idPrefix: string;
  summary: string;
  intro?: ReactNode;
  /** An optional note for the other side. */
  withNote?: boolean;
  submit: { label: string; pending: string; variant?: 'primary' | 'secondary' };
  zoneLabel: string;
  minDate: string;
  maxDate: string;
}) {
  const [state, action] = useActionState(send, null);
  const failed = state?.ok === false ? state : null;
  return (
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      <div className="mt-4">
        <form action={action} className="space-y-4" noValidate>
          <ErrorSummary result={state} ids={{ date: `${idPrefix}-date`, time: `${idPrefix}-time`, note: `${idPrefix}-note` }} />
          {intro ? <p className="text-slate-800">{intro}</p> : null}
          <DateTimeFields
            idPrefix={idPrefix}
            zoneLabel={zoneLabel}
            date={failed ? single(failed.values, 'date') : undefined}
            time={failed ? single(failed.values, 'time') : undefined}
            errors={failed?.fieldErrors ?? {}}
            minDate={minDate}
            maxDate={maxDate}
          />
          {withNote ? (
            <TextArea
              id={`${idPrefix}-note`}
              name="note"
              label="A note for the other side (optional)"
              rows={2}
              maxLength={500}
              defaultValue={failed ? single(failed.values, 'note') : undefined}
              errors={failed?.fieldErrors.note}
            />
          ) : null}
          <SubmitButton variant={submit.variant} pendingText={submit.pending}>
            {submit.label}
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
