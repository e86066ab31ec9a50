import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrganisationForm } from '@/components/orgs/OrganisationForm';
import { OrganisationStatusNotice } from '@/components/orgs/OrganisationStatusNotice';
import { requireOrgMember } from '@/lib/auth/guards';
import { updateOrganisationAction } from '@/lib/orgs/actions';
import { getOrganisationForOwner } from '@/lib/orgs/queries';

export const metadata: Metadata = { title: 'Edit your organisation’s details' };

const IDENTITY_WARNING =
  'Changing the name, type or charity or company number means we check your organisation again. Until we have, usually within a working day, its asks are hidden from volunteers. Other details are saved straight away.';

export default async function EditOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Owners only: a member, or anyone else, sees the same missing page as for an id that does not exist.
  const { user } = await requireOrgMember(id, 'OWNER', `/organisations/${id}/edit`);
  const organisation = await getOrganisationForOwner(user, id);
  if (!organisation) notFound();
  const rejected = organisation.status === 'REJECTED';

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/organisations/${organisation.id}`}>← Back to {organisation.name}</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">Edit your organisation’s details</h1>
      {organisation.status === 'SUSPENDED' ? (
        <>
          <OrganisationStatusNotice status={organisation.status} note={organisation.statusNote} />
          <p className="text-slate-800">Its details cannot be changed while it is suspended.</p>
        </>
      ) : (
        <>
          {rejected ? (
            <section aria-labelledby="rejected" className="space-y-2 rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-950">
              <h2 id="rejected" className="font-semibold">
                Why we could not verify it
              </h2>
              {organisation.statusNote ? <p className="whitespace-pre-line">{organisation.statusNote}</p> : null}
              <p>Correct the details below and send them to us: we will check them again, usually within a working day.</p>
            </section>
          ) : null}
          <OrganisationForm
            action={updateOrganisationAction.bind(null, organisation.id)}
            defaults={organisation.values}
            submitLabel={rejected ? 'Save and send for verification' : 'Save changes'}
            pendingText="Saving…"
            identityWarning={organisation.status === 'VERIFIED' ? IDENTITY_WARNING : undefined}
          />
        </>
      )}
    </div>
  );
}
