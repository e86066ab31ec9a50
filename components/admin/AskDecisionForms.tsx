'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { single, type FormAction } from '@/lib/form-values';

/** The three decisions on one ask: approve, send back with a message, or reject with a reason. */
export function AskDecisionForms({
  askId,
  title,
  actions,
  hints = { changes: 'The charity sees this beside the ask.', reject: 'The charity sees this reason.' },
}: {
  askId: string;
  title: string;
  /** Each bound to the ask's id by the page. */
  actions: { approve: FormAction; requestChanges: FormAction; reject: FormAction };
  /** Who reads each note: a clinic's card (components/clinics/ClinicReviewCard.tsx) names the volunteer. */
  hints?: { changes: string; reject: string };
}) {
  const [approved, approve] = useActionState(actions.approve, null);
  const [changes, requestChanges] = useActionState(actions.requestChanges, null);
  const [rejected, reject] = useActionState(actions.reject, null);
  const changesFailed = changes?.ok === false ? changes : null;
  const rejectFailed = rejected?.ok === false ? rejected : null;
  return (
    <div className="grid gap-6 md:grid-cols-3">
      <form action={approve} className="space-y-2" noValidate>
        <ErrorSummary result={approved} />
        <p className="text-sm text-slate-700">Specific, answerable and appropriate: publish it.</p>
        <SubmitButton pendingText="Approving…">
          Approve<span className="sr-only"> “{title}”</span>
        </SubmitButton>
      </form>
      <form action={requestChanges} className="space-y-2" noValidate>
        <ErrorSummary result={changes} ids={{ note: `changes-${askId}` }} />
        <TextArea
          name="note"
          id={`changes-${askId}`}
          label="What should they change?"
          hint={hints.changes}
          rows={3}
          maxLength={1000}
          defaultValue={changesFailed ? single(changesFailed.values, 'note') : undefined}
          errors={changesFailed?.fieldErrors.note}
        />
        <SubmitButton variant="secondary" pendingText="Sending…">
          Request changes<span className="sr-only"> to “{title}”</span>
        </SubmitButton>
      </form>
      <form action={reject} className="space-y-2" noValidate>
        <ErrorSummary result={rejected} ids={{ note: `reject-${askId}` }} />
        <TextArea
          name="note"
          id={`reject-${askId}`}
          label="Why reject it?"
          hint={hints.reject}
          rows={3}
          maxLength={1000}
          defaultValue={rejectFailed ? single(rejectFailed.values, 'note') : undefined}
          errors={rejectFailed?.fieldErrors.note}
        />
        <SubmitButton variant="danger" pendingText="Rejecting…">
          Reject<span className="sr-only"> “{title}”</span>
        </SubmitButton>
      </form>
    </div>
  );
}
