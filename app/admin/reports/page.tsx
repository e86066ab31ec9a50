// Open reports, oldest first, for admins: each with the content as it was reported, who reported it, earlier
// reports about the same person and their history, and the form that resolves it. Above them, the people whose
// warnings, no-shows and late cancellations reached three in 90 days, with the suggested action. Plain forms:
// it all works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/AdminNav';
import { ResolveReportForm } from '@/components/reports/ResolveReportForm';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { auditHref } from '@/lib/audit/schema';
import { requireAdmin } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';
import type { ReportResolution } from '@/lib/generated/prisma/enums';
import { plural } from '@/lib/labels';
import { resolveReportAction } from '@/lib/reports/actions';
import { ESCALATION_WINDOW_DAYS } from '@/lib/reports/escalation';
import { listOpenReports, listPeopleToReview, type OpenReport } from '@/lib/reports/queries';
import { reportReasonLabels, reportTargetLabels, resolutionLabels, RESOLUTIONS } from '@/lib/reports/labels';

export const metadata: Metadata = { title: 'Reports' };

const resolvedNotices: Record<ReportResolution, string> = {
  NO_ACTION: 'Report closed with no action. The reporter has been told.',
  HIDE: 'Hidden. It has left every page others see, and its author has been emailed your note.',
  WARN: 'Warning sent. It is on their record and counts towards review.',
  SUSPEND: 'Account suspended. They are signed out and their waiting offers are withdrawn.',
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AdminReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin('/admin/reports');
  const [params, reports, review] = await Promise.all([searchParams, listOpenReports(admin), listPeopleToReview(admin)]);
  const resolved =
    typeof params.resolved === 'string' && (RESOLUTIONS as readonly string[]).includes(params.resolved)
      ? resolvedNotices[params.resolved as ReportResolution]
      : undefined;

  return (
    <div className="space-y-8">
      <AdminNav current="reports" />
      <FormAlert success={resolved} />
      <h1 className="text-3xl font-bold tracking-tight">Reports</h1>

      <section aria-labelledby="needs-review" className="space-y-3">
        <h2 id="needs-review" className="text-xl font-semibold">
          Needs review
        </h2>
        <p className="text-slate-800">
          People with three or more warnings, no-shows and late cancellations in {ESCALATION_WINDOW_DAYS} days, most first.
        </p>
        {review.length === 0 ? (
          <p className="text-slate-700">Nobody needs review.</p>
        ) : (
          <ul className="space-y-3">
            {review.map(({ person, escalation }) => (
              <li key={person.id} className="rounded-lg border border-amber-600 bg-amber-50 p-4">
                <p className="font-semibold break-words">
                  {person.name ?? person.email} <span className="font-normal text-slate-800">({person.email})</span>
                </p>
                <p className="mt-1 text-slate-900">{escalation.because}</p>
                <p className="mt-1">
                  <Link href={`/admin/users?q=${encodeURIComponent(person.email)}`}>Find {person.name ?? person.email} in Users</Link> ·{' '}
                  <Link href={auditHref({ person: person.id })}>
                    Audit trail<span className="sr-only"> of {person.name ?? person.email}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="open-reports" className="space-y-4">
        <h2 id="open-reports" className="text-xl font-semibold">
          Open reports ({reports.length}), oldest first
        </h2>
        {reports.length === 0 ? (
          <EmptyState title="No open reports.">When someone reports something, it appears here.</EmptyState>
        ) : (
          <ol className="space-y-6">
            {reports.map((report) => (
              <ReportEntry key={report.id} report={report} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function ReportEntry({ report }: { report: OpenReport }) {
  const headingId = `report-${report.id}`;
  const subject = report.subject;
  const escalation = report.escalation;
  return (
    <li className="space-y-4 rounded-lg border border-slate-300 p-5">
      <div className="space-y-1">
        <h3 id={headingId} className="text-lg font-semibold break-words">
          {report.snapshot.title}
        </h3>
        <p className="text-sm text-slate-700">
          Reported {formatDate(report.createdAt)}: {reportTargetLabels[report.targetType]} ·{' '}
          <strong className="text-slate-900">{reportReasonLabels[report.reason]}</strong> ·{' '}
          <Link href={auditHref({ target: report.targetId })}>
            Audit trail<span className="sr-only"> of what was reported</span>
          </Link>
          {subject ? (
            <>
              {' '}
              ·{' '}
              <Link href={auditHref({ person: subject.id })}>
                What {subject.name ?? subject.email} did<span className="sr-only"> (audit trail)</span>
              </Link>
            </>
          ) : null}
        </p>
      </div>
      {report.details ? (
        <div>
          <p className="font-medium">What the reporter said</p>
          <p className="whitespace-pre-line break-words text-slate-800">{report.details}</p>
        </div>
      ) : null}
      <div className="rounded-md bg-slate-50 p-4">
        <p className="font-medium">As it was when reported</p>
        <dl className="mt-2 space-y-2">
          {report.snapshot.parts.map((part) => (
            <div key={part.label}>
              <dt className="text-sm font-medium text-slate-700">{part.label}</dt>
              <dd className="whitespace-pre-line break-words">{part.text}</dd>
            </div>
          ))}
        </dl>
      </div>
      <p className="text-sm break-words text-slate-800">
        Reported by {report.reporter ? `${report.reporter.name ?? report.reporter.email} (${report.reporter.email})` : 'a deleted account'}.
        Only admins see this.
      </p>
      <div className="space-y-1">
        <p className="font-medium break-words">
          About {subject ? `${subject.name ?? subject.email} (${subject.email})` : 'nobody: the account is gone'}
          {subject?.status === 'SUSPENDED' ? (
            <>
              {' '}
              <Badge tone="accent">Suspended</Badge>
            </>
          ) : null}
        </p>
        {escalation ? (
          <p className="text-sm text-slate-800">
            History: {plural(escalation.counts['no-show'], 'no-show')},{' '}
            {plural(escalation.counts['late-cancellation'], 'late cancellation')}, {plural(escalation.counts.warning, 'warning')} in{' '}
            {ESCALATION_WINDOW_DAYS} days;{' '}
            {report.suspensions.length === 0
              ? 'never suspended'
              : `suspended ${plural(report.suspensions.length, 'time')}, last ${formatDate(report.suspensions[0]!.at)}`}
            .
          </p>
        ) : null}
        {escalation?.needsReview ? <p className="text-sm font-medium text-amber-900">{escalation.because}</p> : null}
        {report.earlier.length > 0 ? (
          <details className="text-sm">
            <summary className="cursor-pointer">{plural(report.earlier.length, 'earlier report')} about them</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {report.earlier.map((other) => (
                <li key={other.id}>
                  {formatDate(other.createdAt)}: {reportTargetLabels[other.targetType]}, {reportReasonLabels[other.reason]} ·{' '}
                  {other.status === 'OPEN'
                    ? 'open'
                    : other.resolutionKind
                      ? resolutionLabels[other.resolutionKind].toLowerCase()
                      : 'closed'}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <p className="text-sm text-slate-700">No earlier reports about them.</p>
        )}
      </div>
      <ResolveReportForm
        action={resolveReportAction.bind(null, report.id)}
        reportId={report.id}
        suggested={escalation?.suggested ?? null}
      />
    </li>
  );
}
