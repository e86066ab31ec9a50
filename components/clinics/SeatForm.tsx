'use client';

// A charity books a seat, or joins the waiting list of a full clinic, with its one question. The organisation is
// chosen when the person is staff of more than one. Works without JavaScript; what was typed is kept on an error.
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FormAlert, SelectField, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { CLINIC_TEXT_LIMITS } from '@/lib/clinics/limits';
import { single, type FormAction, type FormResult } from '@/lib/form-values';

export function SeatForm({
  action: act,
  full,
  bring,
  organisations,
}: {
  /** bookSeatAction, or joinWaitingListAction when every seat is taken, bound to the clinic by the page. */
  action: FormAction<never, FormResult<never>>;
  full: boolean;
  /** What the volunteer asked each charity to bring: the question's hint. */
  bring: string;
  organisations: Array<{ id: string; name: string }>;
}) {
  const [state, action] = useActionState(act, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <ErrorSummary result={state} />
      {organisations.length > 1 ? (
        <SelectField
          name="organisationId"
          label="For which organisation?"
          options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          defaultValue={failed ? single(failed.values, 'organisationId') : organisations[0]?.id}
          errors={failed?.fieldErrors.organisationId}
        />
      ) : (
        <input type="hidden" name="organisationId" value={organisations[0]?.id ?? ''} />
      )}
      <TextArea
        name="question"
        label="Your question"
        hint={`The volunteer reads it before the clinic; other charities never see it. They asked: ${bring}`}
        rows={4}
        maxLength={CLINIC_TEXT_LIMITS.question}
        defaultValue={failed ? single(failed.values, 'question') : undefined}
        errors={failed?.fieldErrors.question}
      />
      <SubmitButton pendingText={full ? 'Joining…' : 'Booking…'}>{full ? 'Join the waiting list' : 'Book a seat'}</SubmitButton>
      {state?.ok && state.message ? <FormAlert success={state.message} /> : null}
    </form>
  );
}
