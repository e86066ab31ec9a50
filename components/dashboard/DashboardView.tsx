// The dashboard itself, for whoever is signed in: their organisations and asks, the work waiting for them as
// staff and as a volunteer. Rendered per request (app/(app)/dashboard, with a notice) and as the person's cached
// page (app/cached/dashboard, docs/decisions/0015).
import Link from 'next/link';
import { ClinicSeats, FittingClinics, YourClinics } from '@/components/clinics/DashboardClinics';
import { StaffWork } from '@/components/dashboard/StaffWork';
import { VolunteerWork } from '@/components/dashboard/VolunteerWork';
import { FirstSteps } from '@/components/orgs/FirstSteps';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import type { SessionUser } from '@/lib/auth/session';
import type { DashboardData } from '@/lib/dashboard/queries';
import { formatDate } from '@/lib/dates';
import { declineInvitationAction } from '@/lib/invitations/actions';
import { plural } from '@/lib/labels';

const statusLabels = {
  PENDING_VERIFICATION: 'Waiting for verification',
  VERIFIED: 'Verified',
  REJECTED: 'Not verified',
  SUSPENDED: 'Suspended',
} as const;

export function DashboardView({
  user,
  data: { staff, volunteering, firstSteps, clinics },
  notice,
}: {
  user: SessionUser;
  data: DashboardData;
  notice?: string;
}) {
  const profile = user.volunteerProfile;
  const memberships = user.memberships;
  const askCounts = staff?.askCounts;

  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <FormAlert success={notice} />
        <h1 className="text-3xl font-bold tracking-tight">Hello, {user.name ?? user.email}</h1>
      </div>

      {firstSteps.map((progress) => (
        <FirstSteps key={progress.organisationId} progress={progress} />
      ))}

      <section aria-labelledby="organisations" className="space-y-3">
        <h2 id="organisations" className="text-xl font-semibold">
          Your organisations
        </h2>
        {memberships.length === 0 ? (
          <p className="text-slate-800">
            You are not part of an organisation. <Link href="/organisations/new">Add your charity or social enterprise</Link>, or ask a
            colleague who has already added it for an invitation link.
          </p>
        ) : (
          <ul className="space-y-2">
            {memberships.map(({ organisationId, organisation, role }) => (
              <li key={organisationId} className="flex flex-wrap items-center gap-3">
                <Link href={`/organisations/${organisationId}`}>{organisation.name}</Link>
                <Badge tone={organisation.status === 'VERIFIED' ? 'success' : 'accent'}>{statusLabels[organisation.status]}</Badge>
                <span className="text-sm text-slate-700">{role === 'OWNER' ? 'Owner' : 'Member'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {askCounts ? (
        <section aria-labelledby="asks" className="space-y-3">
          <h2 id="asks" className="text-xl font-semibold">
            Your asks
          </h2>
          <p className="text-slate-800">
            {askCounts.attention > 0
              ? `${plural(askCounts.attention, 'ask needs', 'asks need')} your attention (drafts, or sent back with changes requested). `
              : ''}
            {askCounts.review > 0 ? `${plural(askCounts.review, 'ask is', 'asks are')} waiting for review. ` : ''}
            {askCounts.open > 0 ? `${plural(askCounts.open, 'ask is', 'asks are')} open for offers. ` : ''}
            {askCounts.approved > 0
              ? `${plural(askCounts.approved, 'ask is', 'asks are')} approved and will be published once your organisation is verified. `
              : ''}
            {askCounts.total === 0 ? 'You have not posted an ask yet. ' : ''}
          </p>
          <p className="flex flex-wrap gap-4">
            <Link
              href="/my-asks/new"
              className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Post an ask
            </Link>
            <Link href="/my-asks" className="self-center">
              See all your asks
            </Link>
          </p>
        </section>
      ) : null}

      {staff ? <StaffWork data={staff} timeZone={user.timeZone} showOrganisation={memberships.length > 1} /> : null}

      {clinics.seats || clinics.fitting ? (
        <section aria-labelledby="clinics" className="space-y-6">
          <h2 id="clinics" className="text-xl font-semibold">
            Group clinics
          </h2>
          {clinics.seats ? <ClinicSeats seats={clinics.seats} timeZone={user.timeZone} showOrganisation={memberships.length > 1} /> : null}
          {clinics.fitting ? <FittingClinics clinics={clinics.fitting} timeZone={user.timeZone} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="volunteering" className="space-y-3">
        <h2 id="volunteering" className="text-xl font-semibold">
          Volunteering
        </h2>
        {profile ? (
          <p className="text-slate-800">
            {profile.pausedAt
              ? `Your volunteering is paused (since ${formatDate(profile.pausedAt)}). `
              : 'Your volunteer profile is live. '}
            <Link href="/volunteer/profile">Edit your profile</Link> or <Link href="/asks">browse open asks</Link>.
          </p>
        ) : (
          <p className="text-slate-800">
            Have half an hour to give? <Link href="/volunteer/profile">Create a volunteer profile</Link>.
          </p>
        )}
      </section>

      {volunteering ? (
        <VolunteerWork
          data={volunteering}
          invitations={volunteering.invitations.map((invitation) => ({
            ...invitation,
            decline: declineInvitationAction.bind(null, invitation.id),
          }))}
        />
      ) : null}

      {clinics.given ? <YourClinics clinics={clinics.given} timeZone={user.timeZone} /> : null}
    </div>
  );
}
