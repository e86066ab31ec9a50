'use client';

import type { FormAction } from '@/lib/form-values';
import { NewTimeForm } from './NewTimeForm';

/** Proposing a new time for the session; the other side accepts or declines it. */
export function ProposeMoveForm(props: { action: FormAction<{ moveId: string }>; zoneLabel: string; minDate: string; maxDate: string }) {
  return (
    <NewTimeForm
      {...props}
      idPrefix="move"
      summary="Propose a new time"
      withNote
      submit={{ label: 'Propose this time', pending: 'Proposing…', variant: 'secondary' }}
    />
  );
}
