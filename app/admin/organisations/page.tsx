import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/AdminNav';
import { RejectOrganisationForm } from '@/components/admin/RejectOrganisationForm';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { requireAdmin } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';
import { organisationTypeLabels, regionLabels } from '@/lib/labels';
import { rejectOrganisationAction, verifyOrganisationAction } from '@/lib/moderation/actions';
import { listOrganisationsAwaitingVerification } from '@/lib/moderation/organisations';

export const metadata: Metadata = { title: 'Organisations to verify' };

const notices: Record<string, string> = { verified: 'Organisation verified.', rejected: 'Organisation marked as not verified.' };

export default async function AdminOrganisationsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const admin = await requireAdmin('/admin/organisations');
  const [pending, { notice }] = await Promise.all([listOrganisationsAwaitingVerification(admin), searchParams]);
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
              </p>
              <p className="text-slate-800">{organisation.description}</p>
              <form action={verifyOrganisationAction.bind(null, organisation.id)}>
                <SubmitButton pendingText="Verifying…">
                  Verify<span className="sr-only"> {organisation.name}</span>
                </SubmitButton>
              </form>
              <RejectOrganisationForm
                action={rejectOrganisationAction.bind(null, organisation.id)}
                organisationId={organisation.id}
                organisationName={organisation.name}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
