'use client';
// An admin vouches for a community group with no registration number: a note of how they know it is real is
// required (admins see it later beside the group). Works without JavaScript; the page binds the organisation's id.
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

export function VouchOrganisationForm({
  action: vouch,
  organisationId,
  organisationName,
  maxLength,
}: {
  action: FormAction;
  organisationId: string;
  organisationName: string;
  maxLength: number;
}) {
  const [state, action] = useActionState(vouch, null);
  const failed = state?.ok === false ? state : null;
  const id = `vouch-note-${organisationId}`;
  return (
    <form action={action} className="space-y-2" noValidate>
      <ErrorSummary result={state} ids={{ note: id }} />
      <TextArea
        name="note"
        id={id}
        label={<>Why you vouch for {organisationName}</>}
        hint="It has no registration number to check. Say how you know it is real: who you spoke to, what you saw. Only admins see this."
        rows={3}
        defaultValue={failed ? single(failed.values, 'note') : undefined}
        errors={failed?.fieldErrors.note}
        maxLength={maxLength}
      />
      <SubmitButton variant="secondary" pendingText="Vouching…">
        Vouch for it and verify<span className="sr-only"> {organisationName}</span>
      </SubmitButton>
    </form>
  );
}
