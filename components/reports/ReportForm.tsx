'use client';
// The one "Report" control, beside anything a person can report: a <details> that opens a short form (a
// reason from the list, details), so it takes no room until wanted and works without JavaScript. The page binds
// what is reported (lib/reports/actions.ts reportAction); a refusal ("already reported") opens it again with the
// problem at the top.
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useFormResult } from '@/components/ui/use-form-result';
import type { FormAction } from '@/lib/form-values';
import { DETAILS_MAX, REPORT_REASONS, reportReasonLabels } from '@/lib/reports/labels';

export function ReportForm({
  action: report,
  what,
  idPrefix,
}: {
  action: FormAction<{ id: string }>;
  /** What is reported, for the summary and screen readers: "this ask", "Dev’s offer". */
  what: string;
  /** Unique on the page: several reportable things may share it. */
  idPrefix: string;
}) {
  const { state, action, value, errors } = useFormResult(report);
  const failed = state?.ok === false;
  return (
    <details className="text-sm" open={failed || undefined}>
      <summary className="cursor-pointer text-slate-700 underline hover:text-slate-900">Report {what}</summary>
      <form action={action} className="mt-3 space-y-4 rounded-md border border-slate-300 bg-white p-4 text-base" noValidate>
        <ErrorSummary result={state} ids={{ reason: `${idPrefix}-reason`, details: `${idPrefix}-details` }} />
        <RadioGroup
          name="reason"
          idPrefix={`${idPrefix}-reason`}
          legend={<>What is wrong with {what}?</>}
          options={REPORT_REASONS.map((reason) => ({ value: reason, label: reportReasonLabels[reason] }))}
          selected={value('reason')}
          errors={errors('reason')}
        />
        <TextArea
          name="details"
          id={`${idPrefix}-details`}
          label="Details (optional)"
          hint="Only HalfHour’s team reads your report. Nobody you report is told who reported them."
          rows={3}
          maxLength={DETAILS_MAX}
          defaultValue={value('details')}
          errors={errors('details')}
        />
        <SubmitButton variant="secondary" pendingText="Sending…">
          Send report
        </SubmitButton>
      </form>
    </details>
  );
}
