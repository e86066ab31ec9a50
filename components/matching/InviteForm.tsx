'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import { INVITATION_MESSAGE_MAX } from '@/lib/invitations/limits';

/**
 * Inviting one suggested volunteer, with an optional line of the staff member's own. The page binds the
 * ask, the volunteer and the suggestion's score to the action; ids are per volunteer so several forms fit one page.
 */
export function InviteForm({ action: invite, volunteerId, name }: { action: FormAction; volunteerId: string; name: string }) {
  const [state, action] = useActionState(invite, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} ids={{ message: `invite-${volunteerId}-message` }} />
      <TextArea
        id={`invite-${volunteerId}-message`}
        name="message"
        label={`A line to ${name} (optional)`}
        hint="Why you thought of them. It goes in the email and above the offer form."
        rows={2}
        maxLength={INVITATION_MESSAGE_MAX}
        defaultValue={failed ? single(failed.values, 'message') : undefined}
        errors={failed?.fieldErrors.message}
      />
      <SubmitButton variant="secondary" pendingText="Inviting…">
        Invite {name}
      </SubmitButton>
    </form>
  );
}
