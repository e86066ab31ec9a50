'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { deleteAccountAction } from '@/lib/account/actions';
import { single } from '@/lib/form-values';

export function DeleteAccountForm() {
  const [state, action] = useActionState(deleteAccountAction, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary result={state} />
      <TextField
        name="confirm"
        label="To confirm, type “delete my account”"
        defaultValue={failed ? single(failed.values, 'confirm') : undefined}
        errors={failed?.fieldErrors.confirm}
        autoComplete="off"
        spellCheck={false}
      />
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
