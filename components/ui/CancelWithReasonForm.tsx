'use client';

import { type ReactNode, useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction, type FormResult } from '@/lib/form-values';

interface CancelWithReasonFormProps<T> {
  action: FormAction<T, FormResult<T>>;
  /** The folded control's label, and the button's. */
  summary: string;
  submit: string;
  /** What cancelling does, said before the reason is asked for. */
  notice?: ReactNode;
  reasonId: string;
  label: string;
  /** Who will read the reason. */
  hint: string;
}

/**
 * Calling something off with a reason the other side reads: folded away, so it cannot be pressed by mistake, and
 * open again after a refusal, so the error and the typed reason are in view without JavaScript.
 */
export function CancelWithReasonForm<T>({ action: cancel, summary, submit, notice, reasonId, label, hint }: CancelWithReasonFormProps<T>) {
  const [state, action] = useActionState(cancel, null);
  const failed = state?.ok === false ? state : null;
  return (
    <details className="rounded-lg border border-slate-300 p-4" open={failed ? true : undefined}>
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      <div className="mt-4">
        <form action={action} className="space-y-3" noValidate>
          <ErrorSummary result={state} ids={{ reason: reasonId }} />
          {notice}
          <TextArea
            id={reasonId}
            name="reason"
            label={label}
            hint={hint}
            rows={3}
            maxLength={500}
            required
            defaultValue={failed ? single(failed.values, 'reason') : undefined}
            errors={failed?.fieldErrors.reason}
          />
          <SubmitButton variant="danger" pendingText="Cancelling…">
            {submit}
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}
