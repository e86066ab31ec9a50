'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction } from '@/lib/form-values';

/**
 * Leaving, the organisation page's one destructive control: folded away behind a disclosure so it cannot be
 * pressed by mistake, and open again when leaving was refused (the only owner), so the reason is seen with
 * or without JavaScript.
 */
export function LeaveOrganisationForm({ action: leave, organisationName }: { action: FormAction; organisationName: string }) {
  const [state, action] = useActionState(leave, null);
  const failed = state?.ok === false;
  return (
    <details open={failed ? true : undefined}>
      <summary className="cursor-pointer font-medium text-slate-800">Leave {organisationName}</summary>
      <form action={action} className="mt-3 space-y-3">
        <ErrorSummary result={state} />
        <p className="text-slate-800">You will no longer see {organisationName}’s asks and sessions.</p>
        <SubmitButton variant="danger" pendingText="Leaving…">
          Leave {organisationName}
        </SubmitButton>
      </form>
    </details>
  );
}
