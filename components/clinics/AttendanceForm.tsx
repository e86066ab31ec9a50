'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormAction, FormResult } from '@/lib/form-values';

/** The volunteer marks one charity as came or did not come: two buttons, one form, bound to the seat. */
export function AttendanceForm({
  action: mark,
  organisationName,
  marked,
}: {
  action: FormAction<never, FormResult<never>>;
  organisationName: string;
  marked: 'ATTENDED' | 'NO_SHOW' | null;
}) {
  const [state, action] = useActionState(mark, null);
  return (
    <form action={action} className="space-y-2" aria-label={`Did ${organisationName} come?`}>
      <ErrorSummary result={state} />
      <p className="text-sm text-slate-800">
        {marked === 'ATTENDED' ? 'Marked as came.' : marked === 'NO_SHOW' ? 'Marked as did not come.' : `Did ${organisationName} come?`}
      </p>
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="attendance" value="ATTENDED" variant={marked === 'ATTENDED' ? 'secondary' : 'primary'} pendingText="Saving…">
          {`${organisationName} came`}
        </SubmitButton>
        <SubmitButton name="attendance" value="NO_SHOW" variant="secondary" pendingText="Saving…">
          {`${organisationName} did not come`}
        </SubmitButton>
      </div>
    </form>
  );
}
