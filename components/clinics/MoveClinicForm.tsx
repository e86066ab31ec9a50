'use client';

import { NewTimeForm } from '@/components/meetings/NewTimeForm';
import type { FormAction, FormResult } from '@/lib/form-values';

/** The volunteer moves their clinic: a new date and time in the clinic's zone; every charity is told. */
export function MoveClinicForm(props: {
  action: FormAction<never, FormResult<never>>;
  zoneLabel: string;
  minDate: string;
  maxDate: string;
}) {
  return (
    <NewTimeForm
      {...props}
      idPrefix="move-clinic"
      summary="Move this clinic"
      intro="Choose the new start; the clinic keeps its length. Every charity with a seat or a place in line is emailed the new time, with a link to give up their seat if it no longer suits them, and booked charities get the updated calendar invite."
      submit={{ label: 'Move the clinic', pending: 'Moving…' }}
    />
  );
}
