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
export function LeaveOrganisationForm({
  action: leave,
  organisationName,
  onlyOwner = false,
}: {
  action: FormAction;
  organisationName: string;
  /** The one owner cannot leave (lib/orgs/mutations.ts refuses it): say what to do instead of offering a button that fails. */
  onlyOwner?: boolean;
}) {
  const [state, action] = useActionState(leave, null);
  const failed = state?.ok === false;
  return (
    <details open={failed ? true : undefined}>
      <summary className="cursor-pointer font-medium text-slate-800">Leave {organisationName}</summary>
      {onlyOwner ? (
        <p className="mt-3 text-slate-800">
          You are its only owner, so someone else needs to be one before you leave: invite a colleague, then make them an owner from the
          list of people above.
        </p>
      ) : (
        <form action={action} className="mt-3 space-y-3">
          <ErrorSummary result={state} />
          <p className="text-slate-800">You will no longer see {organisationName}’s asks and sessions.</p>
          <SubmitButton variant="danger" pendingText="Leaving…">
            Leave {organisationName}
          </SubmitButton>
        </form>
      )}
    </details>
  );
}
