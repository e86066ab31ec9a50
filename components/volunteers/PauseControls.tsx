'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { FormAlert, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDate } from '@/lib/dates';
import { single } from '@/lib/form-values';
import { pauseVolunteeringAction, resumeVolunteeringAction } from '@/lib/volunteers/actions';

/** Pause in one click (optionally until a date), or resume. */
export function PauseControls({
  pausedAt,
  pausedUntil,
  pausedReason,
}: {
  pausedAt: Date | null;
  pausedUntil: Date | null;
  /** Set when HalfHour paused them; only an admin lifts that pause. */
  pausedReason: string | null;
}) {
  const [state, action] = useActionState(pauseVolunteeringAction, null);
  const failed = state?.ok === false ? state : null;
  if (pausedAt && pausedReason) {
    return (
      <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        {pausedReason} Reply to the email we sent you, and we will talk it through and lift the pause.
      </p>
    );
  }
  if (pausedAt) {
    return (
      <div className="space-y-3">
        <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
          You are paused{pausedUntil ? ` until ${formatDate(pausedUntil)}` : ''}. Charities will not see you in suggestions.
        </p>
        <form action={resumeVolunteeringAction}>
          <SubmitButton pendingText="Resuming…">Resume volunteering</SubmitButton>
        </form>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} />
      <FormAlert success={state?.ok ? state.message : undefined} />
      <p className="text-slate-800">
        Busy for a while? Pause and no new asks will be suggested to you. Sessions already booked still go ahead.
      </p>
      <TextField
        name="pausedUntil"
        label="Back on (optional)"
        type="date"
        hint="Leave blank to pause until you resume."
        defaultValue={failed ? single(failed.values, 'pausedUntil') : undefined}
        errors={failed?.fieldErrors.pausedUntil}
      />
      <SubmitButton variant="secondary" pendingText="Pausing…">
        Pause volunteering
      </SubmitButton>
    </form>
  );
}
