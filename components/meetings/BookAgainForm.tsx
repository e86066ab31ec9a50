'use client';

import type { FormAction } from '@/lib/form-values';
import { NewTimeForm } from './NewTimeForm';

/** Booking a further catch-up with the same person, on the same ask. */
export function BookAgainForm({
  durationLabel,
  ...props
}: {
  action: FormAction<{ meetingId: string }>;
  zoneLabel: string;
  minDate: string;
  maxDate: string;
  durationLabel: string;
}) {
  return (
    <NewTimeForm
      {...props}
      idPrefix="again"
      summary="Arrange a further catch-up"
      intro={`Another ${durationLabel} on the same ask, the same way as before. It is booked straight away; the other side gets the invite and can move or cancel it.`}
      submit={{ label: 'Book the catch-up', pending: 'Booking…' }}
    />
  );
}
