'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import { DECLINE_REASON_MAX } from '@/lib/invitations/limits';

/**
 * Saying no to an invitation, with a reason the charity reads. Folded away in a <details> (which opens
 * without JavaScript) and kept open when the form comes back with a problem. The page binds the invitation's id.
 */
export function DeclineInvitationForm({ action: decline, invitationId }: { action: FormAction; invitationId: string }) {
  const [state, action] = useActionState(decline, null);
  const failed = state?.ok === false ? state : null;
  return (
    <details open={failed ? true : undefined} className="group">
      <summary className="cursor-pointer font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
        Decline this invitation
      </summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        <ErrorSummary result={state} ids={{ reason: `decline-invitation-${invitationId}-reason` }} />
        <TextArea
          id={`decline-invitation-${invitationId}-reason`}
          name="reason"
          label="Why not? (the charity sees this)"
          hint="A few words is plenty, such as “away that month” or “not quite my area”."
          rows={2}
          maxLength={DECLINE_REASON_MAX}
          required
          defaultValue={failed ? single(failed.values, 'reason') : undefined}
          errors={failed?.fieldErrors.reason}
        />
        <SubmitButton variant="secondary" pendingText="Declining…">
          Decline
        </SubmitButton>
      </form>
    </details>
  );
}
