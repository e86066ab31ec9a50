'use client';

// A form that is one button (give up a seat, confirm an offered one): the record is bound by the page, a refusal
// shows above the button, a success message below it. Works without JavaScript.
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FormAlert } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction, FormResult } from '@/lib/form-values';

export function ButtonForm({
  action: act,
  label,
  pendingText,
  variant = 'primary',
}: {
  action: FormAction<never, FormResult<never>>;
  label: string;
  pendingText: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  const [state, action] = useActionState(act, null);
  return (
    <form action={action} className="space-y-3">
      <ErrorSummary result={state} />
      <SubmitButton variant={variant} pendingText={pendingText}>
        {label}
      </SubmitButton>
      {state?.ok && state.message ? <FormAlert success={state.message} /> : null}
    </form>
  );
}
