import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/AdminNav';
import { AskDecisionForms } from '@/components/admin/AskDecisionForms';
import { ClinicReviewCard } from '@/components/clinics/ClinicReviewCard';
import { SkillTags } from '@/components/asks/SkillTags';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { COACH_FLAGS } from '@/lib/asks/coach';
import { auditHref } from '@/lib/audit/schema';
import { requireAdmin } from '@/lib/auth/guards';
import { formatDate, formatDateTime, formatDuration } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import { approveAskAction, rejectAskAction, requestAskChangesAction } from '@/lib/moderation/actions';
import { listAsksAwaitingReview } from '@/lib/moderation/asks';
import { listClinicsAwaitingReview } from '@/lib/moderation/clinics';

export const metadata: Metadata = { title: 'Asks to review' };

const notices: Record<string, string> = {
  approved: 'Approved and published: volunteers can see it now.',
  'approved-waiting': 'Approved. It will be published as soon as its organisation is verified (Organisations to verify).',
  'changes-requested': 'Sent back to the charity with your message.',
  rejected: 'Rejected. The charity sees your reason.',
  'clinic-approved': 'Approved. The clinic is published and charities can book their seats.',
  'clinic-changes-requested': 'Sent back to the volunteer with your message.',
  'clinic-rejected': 'Rejected. The volunteer sees your reason.',
};

const organisationStatus = {
  PENDING_VERIFICATION: 'Organisation not yet verified',
  VERIFIED: 'Verified organisation',
  REJECTED: 'Organisation rejected',
  SUSPENDED: 'Organisation suspended',
} as const;

export default async function AdminAsksPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const admin = await requireAdmin('/admin/asks');
  const [{ asks, total }, clinics, { notice }] = await Promise.all([
    listAsksAwaitingReview(admin),
    listClinicsAwaitingReview(admin),
    searchParams,
  ]);
  return (
    <div className="space-y-6">
      <AdminNav current="asks" />
      <FormAlert success={notice ? notices[notice] : undefined} />
      <h1 className="text-3xl font-bold tracking-tight">Asks to review</h1>
      <p className="text-slate-800">
        Oldest first. Approve asks a volunteer could answer in one short session; send back the ones that need work, saying what to change.
        {total > asks.length ? ` Showing the oldest ${asks.length} of ${total}.` : ''}
      </p>
      {asks.length === 0 ? (
        <EmptyState title="Nothing to review">New asks appear here as soon as a charity submits one.</EmptyState>
      ) : (
        <ul className="space-y-8">
          {asks.map((ask) => (
            <li key={ask.id} className="space-y-4 rounded-lg border border-slate-200 p-5">
              <div className="space-y-1">
                <h2 className="text-xl font-semibold">{ask.title}</h2>
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                  <span>{ask.organisation.name}</span>
                  <Badge tone={ask.organisation.status === 'VERIFIED' ? 'success' : 'accent'}>
                    {organisationStatus[ask.organisation.status]}
                  </Badge>
                  {ask.submittedAt ? <span>submitted {formatDateTime(ask.submittedAt)}</span> : null}
                  {ask.project ? <span>{ask.stage ? `stage ${ask.stage} of “${ask.project.title}”` : ask.project.title}</span> : null}
                  <Link href={auditHref({ target: ask.id })}>
                    Audit trail<span className="sr-only"> of “{ask.title}”</span>
                  </Link>
                </p>
              </div>
              <div className="rounded-md bg-slate-50 p-3">
                <p>
                  <span className="font-semibold">Coach score {ask.coach.score}</span>
                  <span className="text-slate-700"> of 100</span>
                </p>
                {ask.coach.flags.length > 0 ? (
                  <ul aria-label="Coach flags" className="mt-2 flex flex-wrap gap-2">
                    {ask.coach.flags.map((flag) => (
                      <li key={flag}>
                        <Badge tone="accent">{COACH_FLAGS[flag as keyof typeof COACH_FLAGS] ?? flag}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-sm text-slate-700">No flags.</p>
                )}
              </div>
              <SkillTags skills={ask.skills.map(({ skill }) => skill)} label="Skills" />
              <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium text-slate-700">Question</dt>
                <dd className="whitespace-pre-line">{ask.question}</dd>
                <dt className="font-medium text-slate-700">Good outcome</dt>
                <dd className="whitespace-pre-line">{ask.outcome}</dd>
                <dt className="font-medium text-slate-700">Prep pack</dt>
                <dd className="whitespace-pre-line">
                  {ask.context || 'None'}
                  {ask.prepLink ? <span className="block break-all text-sm">Link: {ask.prepLink}</span> : null}
                </dd>
                <dt className="font-medium text-slate-700">Session</dt>
                <dd>
                  {formatDuration(ask.durationMinutes)}, {ask.media.map((medium) => mediumLabels[medium]).join(', ')}, needed by{' '}
                  {formatDate(ask.deadline)}
                </dd>
              </dl>
              <AskDecisionForms
                askId={ask.id}
                title={ask.title}
                actions={{
                  approve: approveAskAction.bind(null, ask.id),
                  requestChanges: requestAskChangesAction.bind(null, ask.id),
                  reject: rejectAskAction.bind(null, ask.id),
                }}
              />
            </li>
          ))}
        </ul>
      )}

      {/* Group clinics wait in the same queue, each on its own card (issue 22). */}
      <section aria-labelledby="clinics-to-review" className="space-y-4">
        <h2 id="clinics-to-review" className="text-2xl font-semibold">
          Group clinics to review
        </h2>
        <p className="text-slate-800">
          Oldest first. Approve a clinic whose topic suits several small charities at once; once approved it is published and they can book.
          {clinics.total > clinics.clinics.length ? ` Showing the oldest ${clinics.clinics.length} of ${clinics.total}.` : ''}
        </p>
        {clinics.clinics.length === 0 ? (
          <p className="text-slate-700">No clinics are waiting for review.</p>
        ) : (
          <ul className="space-y-8">
            {clinics.clinics.map((clinic) => (
              <li key={clinic.id}>
                <ClinicReviewCard clinic={clinic} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
