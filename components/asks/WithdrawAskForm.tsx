'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

/** Withdrawing an ask, with an optional reason kept in its history. Volunteers who offered are told kindly. */
export function WithdrawAskForm({ action: withdraw, hasOffers }: { action: FormAction; hasOffers: boolean }) {
  const [state, action] = useActionState(withdraw, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} />
      <p className="text-slate-800">
        No longer needed? Withdraw it and it leaves the public list straight away.
        {hasOffers ? ' Volunteers who offered are thanked and told it is no longer needed.' : ''}
      </p>
      <TextArea
        name="reason"
        label="Why are you withdrawing it? (optional, only your organisation sees this)"
        rows={2}
        maxLength={500}
        defaultValue={failed ? single(failed.values, 'reason') : undefined}
        errors={failed?.fieldErrors.reason}
      />
      <SubmitButton variant="danger" pendingText="Withdrawing…">
        Withdraw this ask
      </SubmitButton>
    </form>
  );
}
