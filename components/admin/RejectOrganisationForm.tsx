'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

export function RejectOrganisationForm({
  action: reject,
  organisationId,
  organisationName,
}: {
  action: FormAction;
  organisationId: string;
  organisationName: string;
}) {
  const [state, action] = useActionState(reject, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={action} className="space-y-2" noValidate>
      <ErrorSummary result={state} ids={{ reason: `reason-${organisationId}` }} />
      <TextArea
        name="reason"
        id={`reason-${organisationId}`}
        label={<>Reason for not verifying {organisationName}</>}
        hint="The organisation sees this."
        rows={2}
        defaultValue={failed ? single(failed.values, 'reason') : undefined}
        errors={failed?.fieldErrors.reason}
        maxLength={500}
      />
      <SubmitButton variant="danger" pendingText="Saving…">
        Do not verify
      </SubmitButton>
    </form>
  );
}
