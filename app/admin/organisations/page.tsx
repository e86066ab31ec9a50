import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/AdminNav';
import { RejectOrganisationForm } from '@/components/admin/RejectOrganisationForm';
import { VouchOrganisationForm } from '@/components/admin/VouchOrganisationForm';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { auditHref } from '@/lib/audit/schema';
import { requireAdmin } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';
import { organisationTypeLabels, regionLabels } from '@/lib/labels';
import { rejectOrganisationAction, verifyOrganisationAction, vouchOrganisationAction } from '@/lib/moderation/actions';
import { listOrganisationsAwaitingVerification } from '@/lib/moderation/organisations';
import { listVouchedOrganisations, VOUCH_NOTE_MAX } from '@/lib/moderation/vouching';

export const metadata: Metadata = { title: 'Organisations to verify' };

const notices: Record<string, string> = {
  verified: 'Organisation verified.',
  rejected: 'Organisation marked as not verified.',
  vouched: 'Vouched for and verified. Its page shows a “Vouched” badge.',
};

export default async function AdminOrganisationsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const admin = await requireAdmin('/admin/organisations');
  const [pending, vouched, { notice }] = await Promise.all([
    listOrganisationsAwaitingVerification(admin),
    listVouchedOrganisations(admin),
    searchParams,
  ]);
  return (
    <div className="space-y-6">
      <AdminNav current="organisations" />
      <FormAlert success={notice ? notices[notice] : undefined} />
      <h1 className="text-3xl font-bold tracking-tight">Organisations to verify</h1>
      <p className="text-slate-800">
        Check each against its register (Charity Commission, OSCR, CCNI or Companies House) before verifying. Oldest first.
      </p>
      {pending.length === 0 ? (
        <EmptyState title="Nothing to verify">New organisations appear here as soon as they sign up.</EmptyState>
      ) : (
        <ul className="space-y-6">
          {pending.map((organisation) => (
            <li key={organisation.id} className="space-y-3 rounded-lg border border-slate-200 p-5">
              <h2 className="text-xl font-semibold">{organisation.name}</h2>
              <p className="text-sm text-slate-700">
                {organisationTypeLabels[organisation.type]}
                {organisation.registrationNumber ? ` · ${organisation.registrationNumber}` : ' · no registration number'} ·{' '}
                {regionLabels[organisation.region]} · signed up {formatDate(organisation.createdAt)}
                {organisation.memberships[0]
                  ? ` by ${organisation.memberships[0].user.name ?? organisation.memberships[0].user.email}`
                  : ''}
                {' · '}
                <Link href={auditHref({ target: organisation.id })}>
                  Audit trail<span className="sr-only"> of {organisation.name}</span>
                </Link>
              </p>
              <p className="text-slate-800">{organisation.description}</p>
              {organisation.registrationNumber ? (
                <form action={verifyOrganisationAction.bind(null, organisation.id)}>
                  <SubmitButton pendingText="Verifying…">
                    Verify<span className="sr-only"> {organisation.name}</span>
                  </SubmitButton>
                </form>
              ) : (
                // No number to check against a register: an admin vouches for it instead, saying why.
                <VouchOrganisationForm
                  action={vouchOrganisationAction.bind(null, organisation.id)}
                  organisationId={organisation.id}
                  organisationName={organisation.name}
                  maxLength={VOUCH_NOTE_MAX}
                />
              )}
              <RejectOrganisationForm
                action={rejectOrganisationAction.bind(null, organisation.id)}
                organisationId={organisation.id}
                organisationName={organisation.name}
              />
            </li>
          ))}
        </ul>
      )}

      <section id="vouched" aria-labelledby="vouched-heading" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="vouched-heading" className="text-2xl font-semibold">
          Community groups we vouched for
        </h2>
        {vouched.length === 0 ? (
          <p className="text-slate-800">None yet.</p>
        ) : (
          <ul className="space-y-4">
            {vouched.map((organisation) => (
              <li key={organisation.id} className="space-y-1 rounded-lg border border-slate-200 p-4">
                <h3 className="text-lg font-semibold">{organisation.name}</h3>
                <p className="text-sm text-slate-700">
                  {organisationTypeLabels[organisation.type]} · {regionLabels[organisation.region]} · vouched for
                  {organisation.vouchedBy ? ` by ${organisation.vouchedBy.name ?? organisation.vouchedBy.email}` : ''}
                  {organisation.vouchedAt ? ` on ${formatDate(organisation.vouchedAt)}` : ''}
                </p>
                <p className="whitespace-pre-line break-words text-slate-800">{organisation.vouchNote}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
