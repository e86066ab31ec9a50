'use client';
// Placing a block, in two steps that work without JavaScript: the form opens behind a summary ("Block…"), and it
// blocks only with its box ticked (the server refuses it otherwise, beside the box). Used by staff on an offer and
// by a volunteer on an ask; the page binds the action to the ids.
import { useActionState, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FieldErrors } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction } from '@/lib/form-values';

export function BlockForm({
  action: block,
  id,
  summary,
  explanation,
  confirmLabel,
  submitLabel,
  returnTo,
}: {
  action: FormAction;
  /** Unique on the page: the prefix of the box's id. */
  id: string;
  summary: ReactNode;
  explanation: ReactNode;
  confirmLabel: ReactNode;
  submitLabel: ReactNode;
  /** The page to come back to once blocked (a path of ours; the action checks it). */
  returnTo?: string;
}) {
  const [state, action] = useActionState(block, null);
  const failed = state?.ok === false ? state : null;
  const box = `${id}-confirm`;
  const errors = failed?.fieldErrors.confirm;
  return (
    <details open={failed ? true : undefined} className="rounded-md border border-slate-300 px-4 py-3">
      <summary className="cursor-pointer font-medium text-slate-900">{summary}</summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        <ErrorSummary result={state} ids={{ confirm: box }} />
        <p className="text-slate-800">{explanation}</p>
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <div>
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id={box}
              name="confirm"
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={errors?.length ? `${box}-error` : undefined}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <label htmlFor={box} className="text-slate-900">
              {confirmLabel}
            </label>
          </div>
          <FieldErrors id={`${box}-error`} errors={errors} />
        </div>
        <SubmitButton variant="danger" pendingText="Blocking…">
          {submitLabel}
        </SubmitButton>
      </form>
    </details>
  );
}
