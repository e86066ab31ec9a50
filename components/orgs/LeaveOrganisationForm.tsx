'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction } from '@/lib/form-values';

export function LeaveOrganisationForm({ action: leave, organisationName }: { action: FormAction; organisationName: string }) {
  const [state, action] = useActionState(leave, null);
  return (
    <form action={action} className="space-y-3">
      <ErrorSummary result={state} />
      <p className="text-slate-800">You will no longer see {organisationName}’s asks and sessions.</p>
      <SubmitButton variant="danger" pendingText="Leaving…">
        Leave {organisationName}
      </SubmitButton>
    </form>
  );
}
