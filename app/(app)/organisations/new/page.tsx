import type { Metadata } from 'next';
import { OrganisationForm } from '@/components/orgs/OrganisationForm';
import { requireUser } from '@/lib/auth/guards';
import { createOrganisationAction } from '@/lib/orgs/actions';
import { newSubmissionToken } from '@/lib/form-submissions';

export const metadata: Metadata = { title: 'Add your organisation' };

export default async function NewOrganisationPage({ searchParams }: { searchParams: Promise<{ then?: string }> }) {
  await requireUser('/organisations/new');
  const { then } = await searchParams;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Add your organisation</h1>
      <p className="text-slate-800">
        You will be its owner and can invite colleagues. We check every organisation before its asks are published; that usually takes a
        working day. If a colleague has already added it, ask them for an invitation link instead.
      </p>
      <OrganisationForm
        action={createOrganisationAction}
        submitLabel="Create organisation"
        pendingText="Creating…"
        then={then === 'volunteer' ? 'volunteer' : undefined}
        submission={newSubmissionToken()}
      />
    </div>
  );
}
