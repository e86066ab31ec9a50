// A clinic waiting for review, as its own card in the admins' queue (/admin/asks): what it covers, when and how,
// who offers it, and the three decisions the asks have (components/admin/AskDecisionForms.tsx).
import Link from 'next/link';
import { AskDecisionForms } from '@/components/admin/AskDecisionForms';
import { SkillTags } from '@/components/asks/SkillTags';
import { Badge } from '@/components/ui/Badge';
import { auditHref } from '@/lib/audit/schema';
import { formatDateTime, formatDuration, timeZoneLabel } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import { approveClinicAction, rejectClinicAction, requestClinicChangesAction } from '@/lib/moderation/clinic-actions';
import type { ClinicAwaitingReview } from '@/lib/moderation/clinics';

export function ClinicReviewCard({ clinic }: { clinic: ClinicAwaitingReview }) {
  const headingId = `clinic-${clinic.id}`;
  const minutes = Math.round((clinic.endsAt.getTime() - clinic.startsAt.getTime()) / 60_000);
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 p-5">
      <div className="space-y-1">
        <p>
          <Badge tone="brand">Group clinic</Badge>
        </p>
        <h3 id={headingId} className="text-xl font-semibold break-words">
          {clinic.topic}
        </h3>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span>
            Offered by {clinic.volunteer.name ?? 'a volunteer'} ({clinic.volunteer.email})
          </span>
          {clinic.volunteer.status === 'SUSPENDED' ? <Badge tone="accent">Volunteer suspended</Badge> : null}
          <span>submitted {formatDateTime(clinic.submittedAt)}</span>
          <Link href={`/clinics/${clinic.id}`}>
            Its page<span className="sr-only"> for “{clinic.topic}”</span>
          </Link>
          <Link href={auditHref({ target: clinic.id })}>
            Audit trail<span className="sr-only"> of “{clinic.topic}”</span>
          </Link>
        </p>
      </div>
      {clinic.moderationNote ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-800">
          <span className="font-semibold">Resubmitted after your note: </span>
          {clinic.moderationNote}
        </p>
      ) : null}
      <SkillTags skills={clinic.skills.map(({ skill }) => skill)} label="Skills" />
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">Covers</dt>
        <dd className="whitespace-pre-line break-words">{clinic.description}</dd>
        <dt className="font-medium text-slate-700">Bring</dt>
        <dd className="whitespace-pre-line break-words">{clinic.bring}</dd>
        <dt className="font-medium text-slate-700">When</dt>
        <dd>
          {formatDateTime(clinic.startsAt, clinic.timeZone)} ({timeZoneLabel(clinic.timeZone)}), {formatDuration(minutes)}
        </dd>
        <dt className="font-medium text-slate-700">How</dt>
        <dd className="break-words">
          {mediumLabels[clinic.medium]}: {clinic.joinDetails}
        </dd>
        <dt className="font-medium text-slate-700">Seats</dt>
        <dd>{clinic.seats} charities</dd>
      </dl>
      <AskDecisionForms
        askId={clinic.id}
        title={clinic.topic}
        hints={{ changes: 'The volunteer sees this on the clinic’s page and by email.', reject: 'The volunteer sees this reason.' }}
        actions={{
          approve: approveClinicAction.bind(null, clinic.id),
          requestChanges: requestClinicChangesAction.bind(null, clinic.id),
          reject: rejectClinicAction.bind(null, clinic.id),
        }}
      />
    </article>
  );
}
