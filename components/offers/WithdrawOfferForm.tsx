'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction } from '@/lib/form-values';

/** Taking back an offer before the charity answers; the page binds the offer's id. */
export function WithdrawOfferForm({ action: withdraw }: { action: FormAction }) {
  const [state, action] = useActionState(withdraw, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} />
      <p className="text-slate-800">Can no longer help? Withdraw your offer and the charity is told straight away.</p>
      <SubmitButton variant="secondary" pendingText="Withdrawing…">
        Withdraw my offer
      </SubmitButton>
    </form>
  );
}
