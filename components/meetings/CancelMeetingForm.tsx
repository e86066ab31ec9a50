'use client';

import { CancelWithReasonForm } from '@/components/ui/CancelWithReasonForm';
import type { FormAction } from '@/lib/form-values';

/** Cancelling the session, with the reason the other side will read. */
export function CancelMeetingForm({ action, late }: { action: FormAction<{ late: boolean; reopened: boolean }>; late: boolean }) {
  return (
    <CancelWithReasonForm
      action={action}
      summary="Cancel this session"
      submit="Cancel this session"
      notice={
        late ? (
          <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
            The session starts within 24 hours, so cancelling now is recorded as a late cancellation.
          </p>
        ) : null
      }
      reasonId="cancel-reason"
      label="Why are you cancelling?"
      hint="The other side will see this."
    />
  );
}
