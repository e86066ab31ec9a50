'use client';
// Suspending one person: the reason is required and kept on the record. Works without JavaScript (the
// page binds the user's id to the action on the server); a refused reason comes back beside the field.
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';
import type { ModerationOutcome } from '@/lib/moderation/users';

export function SuspendUserForm({
  action: suspend,
  userId,
  userLabel,
}: {
  action: FormAction<ModerationOutcome>;
  userId: string;
  userLabel: string;
}) {
  const [state, action] = useActionState(suspend, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-2" noValidate>
      <ErrorSummary result={state} ids={{ reason: `suspend-reason-${userId}` }} />
      <TextArea
        name="reason"
        id={`suspend-reason-${userId}`}
        label={<>Reason for suspending {userLabel}</>}
        hint="Kept in the audit log. Suspending signs them out and withdraws their waiting offers; each charity is told."
        rows={2}
        defaultValue={failed ? single(failed.values, 'reason') : undefined}
        errors={failed?.fieldErrors.reason}
        maxLength={500}
        required
      />
      <SubmitButton variant="danger" pendingText="Suspending…">
        Suspend<span className="sr-only"> {userLabel}</span>
      </SubmitButton>
    </form>
  );
}
