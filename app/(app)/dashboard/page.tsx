import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';
import { listMyOrganisations } from '@/lib/orgs/queries';

export const metadata: Metadata = { title: 'Dashboard' };

const statusLabels = { PENDING_VERIFICATION: 'Waiting for verification', VERIFIED: 'Verified', REJECTED: 'Not verified', SUSPENDED: 'Suspended' } as const;
const notices: Record<string, string> = { 'left-organisation': 'You have left the organisation.' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser('/dashboard');
  const [memberships, { notice }] = await Promise.all([listMyOrganisations(user), searchParams]);
  const profile = user.volunteerProfile;

  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <FormAlert success={notice ? notices[notice] : undefined} />
        <h1 className="text-3xl font-bold tracking-tight">Hello, {user.name ?? user.email}</h1>
      </div>

      <section aria-labelledby="organisations" className="space-y-3">
        <h2 id="organisations" className="text-xl font-semibold">
          Your organisations
        </h2>
        {memberships.length === 0 ? (
          <p className="text-slate-800">
            You are not part of an organisation. <Link href="/organisations/new">Add your charity or social enterprise</Link>, or
            ask a colleague who has already added it for an invitation link.
          </p>
        ) : (
          <ul className="space-y-2">
            {memberships.map(({ organisation, role }) => (
              <li key={organisation.id} className="flex flex-wrap items-center gap-3">
                <Link href={`/organisations/${organisation.id}`}>{organisation.name}</Link>
                <Badge tone={organisation.status === 'VERIFIED' ? 'success' : 'accent'}>{statusLabels[organisation.status]}</Badge>
                <span className="text-sm text-slate-700">{role === 'OWNER' ? 'Owner' : 'Member'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="volunteering" className="space-y-3">
        <h2 id="volunteering" className="text-xl font-semibold">
          Volunteering
        </h2>
        {profile ? (
          <p className="text-slate-800">
            {profile.pausedAt ? `Your volunteering is paused (since ${formatDate(profile.pausedAt)}). ` : 'Your volunteer profile is live. '}
            <Link href="/volunteer/profile">Edit your profile</Link> or <Link href="/asks">browse open asks</Link>.
          </p>
        ) : (
          <p className="text-slate-800">
            Have half an hour to give? <Link href="/volunteer/profile">Create a volunteer profile</Link>.
          </p>
        )}
      </section>
    </div>
  );
}
