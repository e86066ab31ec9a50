'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { leaveOrganisationAction } from '@/lib/orgs/actions';

export function LeaveOrganisationForm({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const [state, action] = useActionState(leaveOrganisationAction.bind(null, organisationId), null);
  return (
    <form action={action} className="space-y-3">
      <FormAlert error={state?.ok === false ? state.formError : undefined} />
      <p className="text-slate-800">You will no longer see {organisationName}’s asks and sessions.</p>
      <SubmitButton variant="danger" pendingText="Leaving…">
        Leave {organisationName}
      </SubmitButton>
    </form>
  );
}
