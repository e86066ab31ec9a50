'use client';
// Resolving one report: what to do and a note (kept; the words sent when hiding or warning). Works without
// JavaScript; the page binds the report's id. "Another admin resolved it first" comes back at the top.
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { RadioGroup, TextArea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { useFormResult } from '@/components/ui/use-form-result';
import type { FormAction } from '@/lib/form-values';
import type { ReportResolution } from '@/lib/generated/prisma/enums';
import { NOTE_MAX, RESOLUTIONS, resolutionLabels } from '@/lib/reports/labels';

const hints: Record<ReportResolution, string> = {
  NO_ACTION: 'The content stays; the reporter is told.',
  HIDE: 'Gone from every page others see within seconds; its author is emailed your note.',
  WARN: 'Your note is emailed to them as a warning and counts towards review.',
  SUSPEND: 'Signs them out, withdraws their offers and cancels their sessions, as on Users.',
};

export function ResolveReportForm({
  action: resolve,
  reportId,
  suggested,
}: {
  action: FormAction<{ resolution: ReportResolution }>;
  reportId: string;
  suggested?: ReportResolution | null;
}) {
  const { state, action, value, errors } = useFormResult(resolve);
  const ids = { resolution: `resolution-${reportId}`, note: `note-${reportId}` };
  return (
    <form action={action} className="space-y-3" noValidate>
      <ErrorSummary result={state} ids={ids} />
      <RadioGroup
        name="resolution"
        idPrefix={ids.resolution}
        legend="What will you do?"
        options={RESOLUTIONS.map((resolution) => ({
          value: resolution,
          label: (
            <>
              <span className="font-medium">{resolutionLabels[resolution]}</span>
              {resolution === suggested ? ' (suggested)' : ''}
              <span className="block text-sm text-slate-700">{hints[resolution]}</span>
            </>
          ),
        }))}
        selected={value('resolution')}
        errors={errors('resolution')}
      />
      <TextArea
        name="note"
        id={ids.note}
        label="Your note"
        hint="Kept with the report. When you hide or warn, these are the words the person reads."
        rows={3}
        maxLength={NOTE_MAX}
        defaultValue={value('note')}
        errors={errors('note')}
        required
      />
      <SubmitButton pendingText="Resolving…">Resolve report</SubmitButton>
    </form>
  );
}
