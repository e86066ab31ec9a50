'use client';

import { CancelWithReasonForm } from '@/components/ui/CancelWithReasonForm';
import type { FormAction, FormResult } from '@/lib/form-values';

/** Calling the clinic off (the volunteer, or an admin), with the reason every charity reads. */
export function CancelClinicForm({ action }: { action: FormAction<never, FormResult<never>> }) {
  return (
    <CancelWithReasonForm
      action={action}
      summary="Cancel this clinic"
      submit="Cancel the clinic"
      notice={
        <p className="text-slate-800">
          Every seat and waiting place is given up, and each charity is emailed with your reason and a calendar cancellation.
        </p>
      }
      reasonId="cancel-clinic-reason"
      label="Why is the clinic cancelled?"
      hint="The charities will read this."
    />
  );
}
